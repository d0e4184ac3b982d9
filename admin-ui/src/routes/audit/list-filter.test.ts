import { describe, expect, it } from 'vitest';
import { auditFilterInput, auditListFilterFrom } from './list-filter';

const read = (query: string) => {
  const { filter, errors } = auditListFilterFrom(new URLSearchParams(query));
  return { filter, errors, input: auditFilterInput(filter, errors) };
};

describe('auditListFilterFrom / auditFilterInput', () => {
  it('reads every filter; the username in lower case, as accounts are stored', () => {
    const { errors, input } = read(
      'who=NV.An&action=user&entity=User&entityId=12&agency=22870&from=2026-03-01&to=2026-03-31',
    );
    expect(errors).toEqual({});
    expect(input).toEqual({
      username: 'nv.an',
      action: 'user',
      entity: 'User',
      entityId: '12',
      agencyCode: '22870',
      from: '2026-03-01',
      to: '2026-03-31',
    });
  });

  it('one end of the period is enough (the API takes from and to apart)', () => {
    expect(read('from=2026-03-01').input).toEqual({ from: '2026-03-01' });
  });

  it('refuses what cannot be a username, an action, an entity or a day, and sends none of it', () => {
    const { errors, input } = read('who=Nguyễn Văn An&action=DROP TABLE&entity=User;&from=2026-13-01');
    expect(errors).toEqual({
      who: 'Tên đăng nhập gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.',
      action: 'Thao tác không hợp lệ.',
      entity: 'Loại đối tượng không hợp lệ.',
      from: 'Ngày bắt đầu không hợp lệ.',
    });
    expect(input).toBeNull();
  });

  it('a reversed period is refused on its end', () => {
    expect(read('from=2026-03-31&to=2026-03-01').errors).toEqual({
      to: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.',
    });
  });

  it('accepts an action the API adds later when it has the shape of one', () => {
    expect(read('action=dossier.reopen').input).toEqual({ action: 'dossier.reopen' });
  });
});
