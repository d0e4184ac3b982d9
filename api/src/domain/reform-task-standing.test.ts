import { describe, expect, it } from 'vitest';
import { isDueSoon, isOverdue, reformTaskStanding } from './reform-task-standing.ts';

const TODAY = '2026-12-04';

describe('reformTaskStanding (docs/domain.md "Reform programme tasks")', () => {
  it('judges a done task by the day it was done against its deadline', () => {
    // Done on the deadline day itself is on time; one day after is late.
    expect(
      reformTaskStanding({ status: 'DONE', deadline: '2026-06-30', completedOn: '2026-06-30' }, TODAY),
    ).toBe('DONE_ON_TIME');
    expect(
      reformTaskStanding({ status: 'DONE', deadline: '2026-06-30', completedOn: '2026-07-01' }, TODAY),
    ).toBe('DONE_LATE');
  });

  it('flags an open task overdue from the day after its deadline', () => {
    // Deadline 2026-12-03 < today 2026-12-04: overdue; deadline today: not yet, due soon.
    expect(
      reformTaskStanding({ status: 'IN_PROGRESS', deadline: '2026-12-03', completedOn: null }, TODAY),
    ).toBe('OVERDUE');
    expect(reformTaskStanding({ status: 'NOT_STARTED', deadline: TODAY, completedOn: null }, TODAY)).toBe(
      'DUE_SOON',
    );
  });

  it('counts due soon up to today + 7 days, both ends included', () => {
    // 2026-12-04 + 7 days = 2026-12-11 (due soon); 2026-12-12 is 8 days away (not yet).
    expect(isDueSoon('IN_PROGRESS', '2026-12-11', TODAY)).toBe(true);
    expect(isDueSoon('IN_PROGRESS', '2026-12-12', TODAY)).toBe(false);
    expect(
      reformTaskStanding({ status: 'IN_PROGRESS', deadline: '2026-12-12', completedOn: null }, TODAY),
    ).toBe('IN_PROGRESS');
    // Across a month end: 2026-12-28 + 7 = 2027-01-04.
    expect(isDueSoon('NOT_STARTED', '2027-01-04', '2026-12-28')).toBe(true);
    expect(isDueSoon('NOT_STARTED', '2027-01-04', '2026-12-28', 6)).toBe(false);
  });

  it('never flags a closed task', () => {
    expect(isOverdue('DONE', '2026-01-01', TODAY)).toBe(false);
    expect(isOverdue('CANCELLED', '2026-01-01', TODAY)).toBe(false);
    expect(
      reformTaskStanding({ status: 'CANCELLED', deadline: '2026-01-01', completedOn: null }, TODAY),
    ).toBe('CANCELLED');
  });
});
