import { describe, expect, it } from 'vitest';
import {
  MAX_SEARCH_LENGTH,
  MAX_SEARCH_WORDS,
  searchLimitExceeded,
  searchWords,
  toSearchText,
} from './search-text.ts';

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

describe('searchWords', () => {
  it('gives each word of the key once, in order', () => {
    expect(searchWords('Đăng ký khai sinh, đăng ký lại')).toEqual(['dang', 'ky', 'khai', 'sinh', 'lai']);
    expect(searchWords(' –, ')).toEqual([]);
  });
});

describe('searchLimitExceeded', () => {
  it('accepts the whole name of a long procedure', () => {
    const name =
      'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ';
    expect(searchLimitExceeded(name)).toBeNull();
  });

  it('refuses more characters or more distinct words than any name has', () => {
    expect(searchLimitExceeded('a'.repeat(MAX_SEARCH_LENGTH))).toBeNull();
    expect(searchLimitExceeded('a'.repeat(MAX_SEARCH_LENGTH + 1))).toBe(
      'Từ khóa tìm kiếm dài tối đa 500 ký tự (nhận được 501); hãy nhập vài từ chính của tên.',
    );
    const words = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`).join(' ');
    expect(searchLimitExceeded(words(MAX_SEARCH_WORDS))).toBeNull();
    expect(searchLimitExceeded(words(MAX_SEARCH_WORDS + 1))).toMatch(/tối đa 50 từ khác nhau/);
    // Repeats are one word.
    expect(searchLimitExceeded('sinh '.repeat(90))).toBeNull();
  });
});
