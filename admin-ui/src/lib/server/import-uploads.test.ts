import { describe, expect, it } from 'vitest';
import { dropUpload, findUpload, keepUpload } from './import-uploads';

const upload = {
  owner: 'qt.tinh',
  fileName: 'thu-tuc.csv',
  format: 'CSV' as const,
  content: 'Mã thủ tục\n1.001193',
};

describe('import uploads', () => {
  it('gives an upload back to its owner only', () => {
    const id = keepUpload(upload);
    expect(findUpload(id, 'qt.tinh')).toMatchObject({ fileName: 'thu-tuc.csv' });
    expect(findUpload(id, 'qt.phuochau')).toBeNull();
    dropUpload(id);
    expect(findUpload(id, 'qt.tinh')).toBeNull();
  });

  it('forgets an upload after 30 minutes', () => {
    const now = Date.UTC(2026, 11, 4, 8, 0);
    const id = keepUpload(upload, now);
    expect(findUpload(id, 'qt.tinh', now + 29 * 60_000)).not.toBeNull();
    expect(findUpload(id, 'qt.tinh', now + 31 * 60_000)).toBeNull();
  });
});
