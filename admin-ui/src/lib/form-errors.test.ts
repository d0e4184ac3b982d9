import { describe, expect, it } from 'vitest';
import { fieldId, mergeFieldErrors, summaryItems, toFieldErrors } from './form-errors';

describe('toFieldErrors', () => {
  it('keys each message by its path under the input, list positions included', () => {
    const errors = toFieldErrors([
      { field: ['input', 'name'], code: 'EMPTY_TEXT', message: 'Tên thủ tục không được để trống.' },
      {
        field: ['input', 'timeLimits', '1', 'value'],
        code: 'BAD_USER_INPUT',
        message: 'Thời hạn phải lớn hơn 0.',
      },
    ]);
    expect(errors).toEqual({
      name: 'Tên thủ tục không được để trống.',
      'timeLimits.1.value': 'Thời hạn phải lớn hơn 0.',
    });
  });

  it('puts an error without a path, or on the input itself, on the form as a whole', () => {
    expect(
      toFieldErrors([
        { field: null, message: 'Bạn không có quyền sửa danh mục thủ tục.' },
        { field: ['input'], message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
      ]),
    ).toEqual({ '': 'Bạn không có quyền sửa danh mục thủ tục.\nTên đăng nhập hoặc mật khẩu không đúng.' });
  });

  it('keeps a path outside the prefix whole (a plain argument)', () => {
    expect(toFieldErrors([{ field: ['code'], message: 'Không tìm thấy thủ tục.' }])).toEqual({
      code: 'Không tìm thấy thủ tục.',
    });
  });

  it('moves an error on a field the form does not show to the nearest one it shows', () => {
    const known = (key: string) => ['fees', 'fees.0.name', 'name'].includes(key);
    const errors = toFieldErrors(
      [
        { field: ['input', 'fees', '3', 'amountVnd'], message: 'Mức phí không được âm.' },
        { field: ['input', 'agencyCodes', '0'], message: 'Không có cơ quan mã "99999".' },
      ],
      { known },
    );
    expect(errors).toEqual({ fees: 'Mức phí không được âm.', '': 'Không có cơ quan mã "99999".' });
  });

  it('shows two messages of one field, and the same message only once', () => {
    const errors = toFieldErrors([
      { field: ['input', 'code'], message: 'Mã thủ tục không đúng định dạng.' },
      { field: ['input', 'code'], message: 'Mã thủ tục không đúng định dạng.' },
      { field: ['input', 'code'], message: 'Mã thủ tục đã tồn tại.' },
    ]);
    expect(errors.code).toBe('Mã thủ tục không đúng định dạng.\nMã thủ tục đã tồn tại.');
  });

  it('says something when the API sent no message', () => {
    expect(toFieldErrors([{ field: ['input', 'name'], message: '  ' }])).toEqual({
      name: 'Giá trị không hợp lệ.',
    });
  });
});

describe('fieldId', () => {
  it('makes a valid HTML id of a key', () => {
    expect(fieldId('timeLimits.1.value')).toBe('f-timeLimits-1-value');
    expect(fieldId('name')).toBe('f-name');
  });
});

describe('summaryItems', () => {
  it('links each field error to its control, form-level errors first, then in the order of the form', () => {
    const items = summaryItems(
      { 'timeLimits.0.value': 'Thời hạn phải lớn hơn 0.', name: 'Tên không được để trống.', '': 'Có lỗi.' },
      ['name', 'sectorCode', 'timeLimits.0.value'],
    );
    expect(items).toEqual([
      { key: '', href: null, message: 'Có lỗi.' },
      { key: 'name', href: '#f-name', message: 'Tên không được để trống.' },
      { key: 'timeLimits.0.value', href: '#f-timeLimits-0-value', message: 'Thời hạn phải lớn hơn 0.' },
    ]);
  });
});

describe('mergeFieldErrors', () => {
  it('joins messages of the same field', () => {
    expect(mergeFieldErrors({ name: 'A.' }, { name: 'B.', code: 'C.' })).toEqual({
      name: 'A.\nB.',
      code: 'C.',
    });
  });
});
