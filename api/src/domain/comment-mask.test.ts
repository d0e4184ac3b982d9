import { describe, expect, it } from 'vitest';
import {
  commentForStorage,
  commentLength,
  MASKS,
  maskPersonalData,
  normalizeComment,
} from './comment-mask.ts';

const mask = (text: string) => maskPersonalData(normalizeComment(text));
const PHONE = MASKS.phone;
const ID = MASKS.id;
const EMAIL = MASKS.email;

describe('comment masking: phone numbers', () => {
  it.each([
    ['Gọi tôi 0912345678 nhé', `Gọi tôi ${PHONE} nhé`],
    ['SĐT: 0912 345 678.', `SĐT: ${PHONE}.`],
    ['SĐT 0912.345.678', `SĐT ${PHONE}`],
    ['SĐT 091-234-5678', `SĐT ${PHONE}`],
    ['SĐT 0912 - 345 - 678', `SĐT ${PHONE}`],
    ['ĐT-0386123456', `ĐT-${PHONE}`],
    ['Zalo:0786.123.456', `Zalo:${PHONE}`],
    ['+84912345678', PHONE],
    ['+84 912 345 678', PHONE],
    ['(+84) 912-345-678', PHONE],
    ['0084 912 345 678', PHONE],
    ['máy bàn (0258) 3822 123', `máy bàn ${PHONE}`],
    ['máy bàn 0258 3822 123', `máy bàn ${PHONE}`],
    ['+84 258 3822 123', PHONE],
    ['hai số 0912345678, 0987654321', `hai số ${PHONE}, ${PHONE}`],
  ])('%s', (input, expected) => {
    expect(mask(input)).toBe(expected);
  });
});

describe('comment masking: identity numbers', () => {
  it.each([
    ['CCCD 056190001234', `CCCD ${ID}`],
    ['căn cước 056 190 001 234', `căn cước ${ID}`],
    ['số 0561.9000.1234 của tôi', `số ${ID} của tôi`],
    ['CMND 225123456', `CMND ${ID}`],
    ['nộp bản sao 225123456 rồi', `nộp bản sao ${ID} rồi`],
    // After a keyword, however the digits are grouped.
    ['CMND số: 225 123 456', `CMND số: ${ID}`],
    ['Số định danh cá nhân là 0 5 6 1 9 0 0 0 1 2 3 4', `Số định danh cá nhân là ${ID}`],
  ])('%s', (input, expected) => {
    expect(mask(input)).toBe(expected);
  });
});

describe('comment masking: e-mail addresses', () => {
  it.each([
    ['gửi về nguyen.van.a@gmail.com giúp', `gửi về ${EMAIL} giúp`],
    ['Email: tran_thi-b+hs@ninhphuoc.khanhhoa.gov.vn.', `Email: ${EMAIL}.`],
    // A phone number inside an address goes with the address.
    ['a0912345678@yahoo.com', EMAIL],
  ])('%s', (input, expected) => {
    expect(mask(input)).toBe(expected);
  });
});

describe('comment masking leaves what is not personal data', () => {
  it.each([
    'Hồ sơ H56.14-261008-0975 được trả đúng hẹn.',
    'Mã hồ sơ 000.00.22.H56-261008-0001, trả ngày 09.12.2026 08 giờ.',
    'Hồ sơ HS-2026-000123 và HS-2026-091234',
    'Hẹn ngày 03/10/2026, nhận 2026-10-05 lúc 08:30.',
    'Lệ phí 50.000 đồng, phí công chứng 1.500.000 VNĐ, tổng 150000000 đồng.',
    'Đường dây nóng 1900 1234 và 1022.',
    'Chờ 45 phút, 3 lần bổ sung, quầy số 12.',
  ])('%s', (input) => {
    expect(mask(input)).toBe(input);
  });
});

describe('normalization', () => {
  it('stores NFC: a decomposed comment equals its composed form', () => {
    const decomposed = 'Hài lòng'.normalize('NFD');
    expect(decomposed).not.toBe('Hài lòng');
    expect(commentForStorage(decomposed)).toBe('Hài lòng');
  });

  it('trims, drops control characters, and turns an empty comment into none', () => {
    expect(commentForStorage('  tốt\u0000 lắm\r\n  ')).toBe('tốt lắm');
    expect(commentForStorage('  \n ')).toBeNull();
    expect(commentForStorage(undefined)).toBeNull();
  });

  it('keeps markup as text: the API never renders HTML, readers escape it', () => {
    const text = '<script>alert("x")</script> <b>rất</b> tốt & nhanh';
    expect(commentForStorage(text)).toBe(text);
  });

  it('counts characters as people do (a composed letter is one)', () => {
    expect(commentLength(normalizeComment('Hài lòng'.normalize('NFD')))).toBe(8);
    expect(commentLength('😀')).toBe(1);
  });
});
