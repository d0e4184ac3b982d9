import { describe, expect, it } from 'vitest';
import type { Viewer } from '../viewer';
import { entryRights, fieldOfError, scoresFromForm } from './evaluation-form';

const viewer = (role: string): Viewer => ({
  name: 'x',
  username: 'x',
  roles: [{ role, agencyCode: '56', agencyName: 'Tỉnh Khánh Hòa', agencyLevel: 'PROVINCE' }],
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe('entryRights', () => {
  it('officers self-score, the Internal Affairs office verifies, administrators both', () => {
    expect(entryRights(viewer('OFFICER'))).toEqual({ self: true, verified: false });
    expect(entryRights(viewer('REFORM_MONITOR'))).toEqual({ self: false, verified: true });
    expect(entryRights(viewer('UNIT_ADMIN'))).toEqual({ self: true, verified: true });
    expect(entryRights(viewer('VIEWER'))).toEqual({ self: false, verified: false });
  });
});

describe('scoresFromForm', () => {
  it('only the changed indicators, only the points the role may enter', () => {
    const data = form({
      'self-5': '2',
      'was-self-5': '',
      'verified-5': '1',
      'was-verified-5': '',
      'self-6': '1',
      'was-self-6': '1',
      'note-6': ' Đã công khai đủ ',
      'was-note-6': '',
      'self-7': '',
      'was-self-7': '2',
    });
    expect(scoresFromForm(data, { self: true, verified: false })).toEqual([
      { indicator: 5, selfScore: 2 },
      { indicator: 6, note: 'Đã công khai đủ' },
      // Emptied: cleared (null), not left unchanged.
      { indicator: 7, selfScore: null },
    ]);
    expect(scoresFromForm(data, { self: false, verified: true })).toEqual([
      { indicator: 5, verifiedScore: 1 },
      { indicator: 6, note: 'Đã công khai đủ' },
    ]);
  });

  it('a value that is not a whole number goes to the API to be refused', () => {
    const [entry] = scoresFromForm(form({ 'self-3': 'ba', 'was-self-3': '' }), {
      self: true,
      verified: true,
    });
    expect(entry?.selfScore).toBe(-1);
  });
});

describe('fieldOfError', () => {
  it('the API path of the nth score sent → the field of its indicator', () => {
    const sent = [
      { indicator: 5, selfScore: 2 },
      { indicator: 8, verifiedScore: 3 },
    ];
    expect(fieldOfError(['input', 'scores', '1', 'verifiedScore'], sent)).toBe('verified-8');
    expect(fieldOfError(['input', 'scores', '0', 'selfScore'], sent)).toBe('self-5');
    expect(fieldOfError(['input', 'scores'], sent)).toBe('');
    expect(fieldOfError(null, sent)).toBe('');
  });
});
