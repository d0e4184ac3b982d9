import { describe, expect, it } from 'vitest';
import { keyFormValues, parseKeyForm } from './key-form';

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

describe('keyFormValues', () => {
  it('reads every checked scope and trims the texts', () => {
    const values = keyFormValues(
      formOf([
        ['name', '  Hệ thống một cửa xã Ninh Phước '],
        ['scopes', 'READ'],
        ['scopes', 'INGEST'],
        ['agencyCode', '22870'],
        ['rateLimitPerMinute', ' 1.200 '],
      ]),
    );
    expect(values).toEqual({
      name: 'Hệ thống một cửa xã Ninh Phước',
      scopes: ['READ', 'INGEST'],
      agencyCode: '22870',
      rateLimitPerMinute: '1.200',
    });
  });
});

describe('parseKeyForm', () => {
  const base = {
    name: 'Cổng dịch vụ công tỉnh',
    scopes: ['INGEST', 'READ'],
    agencyCode: '22870',
    rateLimitPerMinute: '',
  };

  it('gives the input with scopes in a fixed order and no rate limit when left empty (API default 600)', () => {
    expect(parseKeyForm(base, false)).toEqual({
      input: { name: 'Cổng dịch vụ công tỉnh', scopes: ['READ', 'INGEST'], agencyCode: '22870' },
      errors: {},
    });
  });

  it('reads "1.200" as one thousand two hundred, the Vietnamese way', () => {
    expect(parseKeyForm({ ...base, rateLimitPerMinute: '1.200' }, false).input?.rateLimitPerMinute).toBe(
      1200,
    );
  });

  it('refuses a rate limit outside 1–100.000 or not a whole number', () => {
    const message = 'Giới hạn là một số nguyên từ 1 đến 100.000 lượt mỗi phút.';
    for (const rate of ['0', '100001', '12,5', 'nhiều']) {
      expect(parseKeyForm({ ...base, rateLimitPerMinute: rate }, false).errors).toEqual({
        rateLimitPerMinute: message,
      });
    }
    expect(parseKeyForm({ ...base, rateLimitPerMinute: '100.000' }, false).input?.rateLimitPerMinute).toBe(
      100000,
    );
  });

  it('a key for every agency only for a system administrator', () => {
    expect(parseKeyForm({ ...base, agencyCode: '' }, false).errors).toEqual({
      agencyCode: 'Chọn cơ quan, đơn vị mà khóa được dùng.',
    });
    expect(parseKeyForm({ ...base, agencyCode: '' }, true).input).toEqual({
      name: 'Cổng dịch vụ công tỉnh',
      scopes: ['READ', 'INGEST'],
    });
  });

  it('needs a name and at least one known scope', () => {
    expect(parseKeyForm({ ...base, name: '', scopes: [] }, false).errors).toEqual({
      name: 'Vui lòng nhập tên khóa (ai dùng khóa này).',
      scopes: 'Chọn ít nhất một quyền.',
    });
    expect(parseKeyForm({ ...base, scopes: ['READ', 'ROOT'] }, false).errors).toEqual({
      scopes: 'Quyền không hợp lệ.',
    });
  });
});
