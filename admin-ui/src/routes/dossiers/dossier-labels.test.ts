import { describe, expect, it } from 'vitest';
import {
  DOSSIER_STATUS_LABELS,
  dossierCodeFrom,
  labelOf,
  TIMELINESS_LABELS,
  workingTime,
} from './dossier-labels';

describe('dossier labels', () => {
  it('names every national status 1–10 and every timeliness in Vietnamese', () => {
    expect(Object.keys(DOSSIER_STATUS_LABELS)).toHaveLength(10);
    expect(labelOf(DOSSIER_STATUS_LABELS, 'SUPPLEMENT_REQUESTED')).toBe('Yêu cầu bổ sung');
    expect(labelOf(TIMELINESS_LABELS, 'IN_PROGRESS_LATE')).toBe('Đang giải quyết, đã quá hạn');
    // An unknown value is shown as sent; none is a dash.
    expect(labelOf(TIMELINESS_LABELS, 'NEW_VALUE')).toBe('NEW_VALUE');
    expect(labelOf(TIMELINESS_LABELS, null)).toBe('—');
  });

  it('writes working minutes in working days of 8 hours', () => {
    expect(workingTime(null)).toBe('—');
    expect(workingTime(0)).toBe('0 giờ làm việc');
    expect(workingTime(480)).toBe('1 ngày làm việc');
    // 1,000 minutes = 2 days (960) + 40 minutes.
    expect(workingTime(1000)).toBe('2 ngày 40 phút làm việc');
    expect(workingTime(150)).toBe('2 giờ 30 phút làm việc');
  });

  it('takes the code as typed, trimmed', () => {
    expect(dossierCodeFrom('  H56.14-261008-0975 ')).toBe('H56.14-261008-0975');
    expect(dossierCodeFrom('')).toBeNull();
    expect(dossierCodeFrom(null)).toBeNull();
  });
});
