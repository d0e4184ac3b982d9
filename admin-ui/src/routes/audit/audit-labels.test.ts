import { describe, expect, it } from 'vitest';
import { actionLabel, actionOptions, actorText, fieldLabel } from './audit-labels';

describe('audit labels', () => {
  it('names known actions in Vietnamese and shows unknown ones as recorded', () => {
    expect(actionLabel('rating.hide-comment')).toBe('Ẩn bình luận');
    expect(actionLabel('dossier.reopen')).toBe('dossier.reopen');
  });

  it('labels a field by its name, or by the last part of a dotted path with the path kept', () => {
    expect(fieldLabel('displayName')).toBe('Họ và tên');
    expect(fieldLabel('owner.email')).toBe('Thư điện tử (owner.email)');
    expect(fieldLabel('colour')).toBe('colour');
    // A calendar entry is keyed by its day, read dd/mm/yyyy.
    expect(fieldLabel('2026-12-08.kind')).toBe('Loại ngày (08/12/2026)');
    expect(fieldLabel('timeLimits')).toBe('Thời hạn giải quyết');
  });

  it('offers each family first, then its actions', () => {
    const options = actionOptions();
    const family = options.findIndex((o) => o.value === 'api-key');
    expect(options[family]?.label).toBe('Khóa API: mọi thao tác');
    expect(options.slice(family + 1, family + 3).map((o) => o.value)).toEqual([
      'api-key.create',
      'api-key.revoke',
    ]);
  });

  it('says who acted: an official, a key, the command line, or what was recorded', () => {
    expect(actorText({ kind: 'USER', name: 'Nguyễn Văn An', username: 'nv.an' }, 'USER:12')).toBe(
      'Nguyễn Văn An (nv.an)',
    );
    expect(actorText({ kind: 'API_KEY', name: 'Cổng DVC', username: 'ab12cd' }, 'API_KEY:3')).toBe(
      'Khóa API Cổng DVC (tthc_ab12cd_…)',
    );
    expect(actorText({ kind: 'CLI' }, 'CLI')).toBe('Dòng lệnh (CLI)');
    expect(actorText({ kind: 'OTHER' }, 'SYSTEM')).toBe('Hệ thống (tự động)');
    expect(actorText({ kind: 'OTHER' }, 'IMPORT:7')).toBe('IMPORT:7');
    // An account since removed: the username alone, else the recorded actor.
    expect(actorText({ kind: 'USER', name: null, username: null }, 'USER:99')).toBe('USER:99');
  });
});
