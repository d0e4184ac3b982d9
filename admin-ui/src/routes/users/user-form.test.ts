import { describe, expect, it } from 'vitest';
import {
  errorsOnRows,
  grantKeys,
  grantRowsFrom,
  isGrantKey,
  MAX_GRANT_ROWS,
  parseGrants,
  passwordErrors,
  rowsWithBlanks,
  usernameError,
} from './user-form';

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

describe('grantRowsFrom', () => {
  it('reads the rows in order, trimmed, blank rows kept, stopping at the first missing row', () => {
    const form = formOf([
      ['roles.0.role', 'OFFICER'],
      ['roles.0.agencyCode', ' 22870 '],
      ['roles.1.role', ''],
      ['roles.1.agencyCode', ''],
      ['roles.2.role', 'VIEWER'],
      ['roles.2.agencyCode', '22873'],
      // Row 3 is missing, so row 4 is not read.
      ['roles.4.role', 'SYSTEM_ADMIN'],
    ]);
    expect(grantRowsFrom(form)).toEqual([
      { role: 'OFFICER', agencyCode: '22870' },
      { role: '', agencyCode: '' },
      { role: 'VIEWER', agencyCode: '22873' },
    ]);
  });

  it('reads at most MAX_GRANT_ROWS rows', () => {
    const entries: [string, string][] = [];
    for (let i = 0; i < MAX_GRANT_ROWS + 5; i++) entries.push([`roles.${i}.role`, 'VIEWER']);
    expect(grantRowsFrom(formOf(entries))).toHaveLength(MAX_GRANT_ROWS);
  });
});

describe('parseGrants', () => {
  it('leaves blank rows out and remembers which row each grant came from', () => {
    const parsed = parseGrants([
      { role: '', agencyCode: '' },
      { role: 'OFFICER', agencyCode: '22870' },
      { role: '', agencyCode: '' },
      { role: 'VIEWER', agencyCode: '22873' },
    ]);
    expect(parsed).toEqual({
      roles: [
        { role: 'OFFICER', agencyCode: '22870' },
        { role: 'VIEWER', agencyCode: '22873' },
      ],
      rowOf: [1, 3],
      errors: {},
    });
  });

  it('SYSTEM_ADMIN covers the whole system: an agency picked with it is not sent', () => {
    expect(parseGrants([{ role: 'SYSTEM_ADMIN', agencyCode: '56' }]).roles).toEqual([
      { role: 'SYSTEM_ADMIN' },
    ]);
  });

  it('a unit role without an agency, or an agency without a role, is an error on that row', () => {
    const parsed = parseGrants([
      { role: 'OFFICER', agencyCode: '' },
      { role: '', agencyCode: '22873' },
    ]);
    expect(parsed.roles).toEqual([]);
    expect(parsed.errors).toEqual({
      'roles.0.agencyCode': 'Chọn cơ quan, đơn vị mà vai trò này áp dụng.',
      'roles.1.role': 'Chọn vai trò cho đơn vị này, hoặc bỏ chọn đơn vị.',
    });
  });

  it('an unknown role is refused, and no role at all is an error on the roles as a whole', () => {
    expect(parseGrants([{ role: 'ROOT', agencyCode: '56' }]).errors).toEqual({
      'roles.0.role': 'Vai trò không hợp lệ.',
    });
    expect(parseGrants([{ role: '', agencyCode: '' }]).errors).toEqual({
      roles: 'Tài khoản cần ít nhất một vai trò.',
    });
  });
});

describe('errorsOnRows', () => {
  it('moves an error of the input’s grant i to the form row it came from', () => {
    // Grants 0 and 1 came from rows 1 and 3 (rows 0 and 2 were blank).
    const errors = errorsOnRows(
      {
        'roles.1.agencyCode': 'Đơn vị nằm ngoài phạm vi quản lý.',
        'roles.0': 'Vai trò trùng lặp.',
        displayName: 'Họ và tên không được để trống.',
      },
      [1, 3],
    );
    expect(errors).toEqual({
      'roles.3.agencyCode': 'Đơn vị nằm ngoài phạm vi quản lý.',
      'roles.1': 'Vai trò trùng lặp.',
      displayName: 'Họ và tên không được để trống.',
    });
  });

  it('keeps a key whose grant index is unknown as it is', () => {
    expect(errorsOnRows({ 'roles.7.role': 'x', roles: 'y' }, [0])).toEqual({
      'roles.7.role': 'x',
      roles: 'y',
    });
  });
});

describe('rows and keys', () => {
  it('adds blank rows after the grants, at least one row', () => {
    expect(rowsWithBlanks([])).toEqual([{ role: '', agencyCode: '' }]);
    expect(rowsWithBlanks([{ role: 'VIEWER', agencyCode: '56' }], 2)).toHaveLength(3);
  });

  it('names every control of the rows, and recognizes them', () => {
    expect(grantKeys(1)).toEqual(['roles', 'roles.0.role', 'roles.0.agencyCode']);
    expect(isGrantKey('roles.12.agencyCode')).toBe(true);
    expect(isGrantKey('roles.1')).toBe(true);
    expect(isGrantKey('rolesx')).toBe(false);
    expect(isGrantKey('roles.1.other')).toBe(false);
  });
});

describe('passwordErrors', () => {
  const keys = { password: 'newPassword', confirm: 'confirmPassword' };
  it('asks for a password, then for the same one twice', () => {
    expect(passwordErrors({ password: '', confirm: '' }, keys)).toEqual({
      newPassword: 'Vui lòng nhập mật khẩu.',
    });
    expect(passwordErrors({ password: 'Mật-khẩu-12345', confirm: 'Mật-khẩu-1234' }, keys)).toEqual({
      confirmPassword: 'Mật khẩu nhập lại không khớp.',
    });
    expect(passwordErrors({ password: 'Mật-khẩu-12345', confirm: 'Mật-khẩu-12345' }, keys)).toEqual({});
  });

  it('refuses fewer than 12 characters, as the API does, alongside a mismatch', () => {
    // 'ngắn-11-kt!' is 11 characters: one short of the API's MIN_PASSWORD_LENGTH.
    expect(passwordErrors({ password: 'ngắn-11-kt!', confirm: 'khác' }, keys)).toEqual({
      newPassword: 'Mật khẩu phải có ít nhất 12 ký tự.',
      confirmPassword: 'Mật khẩu nhập lại không khớp.',
    });
    expect(passwordErrors({ password: 'đủ-12-ký-tự!', confirm: 'đủ-12-ký-tự!' }, keys)).toEqual({});
  });
});

describe('usernameError', () => {
  it('accepts the API’s pattern after trimming and lower-casing', () => {
    expect(usernameError(' NV.An_2-x ')).toBeUndefined();
  });

  it('refuses blanks, diacritics, spaces and fewer than 3 characters', () => {
    expect(usernameError('  ')).toBe('Vui lòng nhập tên đăng nhập.');
    for (const bad of ['Nguyễn An', 'nv an', 'ab'])
      expect(usernameError(bad)).toMatch(/^Tên đăng nhập gồm 3–64/);
  });
});
