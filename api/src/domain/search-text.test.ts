import { describe, expect, it } from 'vitest';
import { toSearchText } from './search-text.ts';

describe('toSearchText', () => {
  it('drops tones and vowel marks and lower-cases', () => {
    expect(toSearchText('Thủ tục đăng ký khai sinh')).toBe('thu tuc dang ky khai sinh');
    expect(toSearchText('ĐĂNG KÝ KẾT HÔN')).toBe('dang ky ket hon');
  });

  it('maps đ and Đ to d', () => {
    expect(toSearchText('Đất đai')).toBe('dat dai');
  });

  it('treats precomposed and decomposed input alike', () => {
    const decomposed = 'Hộ tịch'.normalize('NFD');
    expect(toSearchText(decomposed)).toBe(toSearchText('Hộ tịch'));
    expect(toSearchText(decomposed)).toBe('ho tich');
  });

  it('collapses punctuation and white space into single spaces', () => {
    expect(toSearchText('  Đăng ký, quản lý   cư trú (tạm trú) ')).toBe('dang ky quan ly cu tru tam tru');
    expect(toSearchText('Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh')).toBe(
      'cap ban sao trich luc ho tich ban sao giay khai sinh',
    );
  });

  it('keeps digits and is idempotent', () => {
    const once = toSearchText('Giấy phép xây dựng cấp III, cấp IV – 2025');
    expect(once).toBe('giay phep xay dung cap iii cap iv 2025');
    expect(toSearchText(once)).toBe(once);
  });

  it('returns an empty string for text without letters or digits', () => {
    expect(toSearchText(' –, ')).toBe('');
  });
});
