import { describe, expect, it } from 'vitest';
import { judgedOn, judgePetition } from './petition-judgement.ts';

const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);
const APRIL = { from: '2025-04-01', to: '2025-04-30' };
const MAY = { from: '2025-05-01', to: '2025-05-31' };
const TODAY = '2025-12-01';

describe('5.2: a petition is judged by what was known at the period end (docs/domain.md §5)', () => {
  it('answered in the period by its due day → on time; after it → late', () => {
    const p = { receivedAt: local('2025-04-02 08:00'), dueAt: local('2025-04-16 08:00') };
    expect(judgePetition({ ...p, resolvedAt: local('2025-04-16 16:00') }, APRIL, TODAY)).toBe('ON_TIME');
    expect(judgePetition({ ...p, resolvedAt: local('2025-04-17 08:00') }, APRIL, TODAY)).toBe('LATE');
  });

  it('due on the last day, answered the day after the period: not judged then, late in the next period', () => {
    const p = {
      receivedAt: local('2025-04-16 08:00'),
      dueAt: local('2025-04-30 10:00'),
      resolvedAt: local('2025-05-01 09:00'),
    };
    // On 30/4 it is due that very day: not yet overdue, so not judged in April.
    expect(judgePetition(p, APRIL, TODAY)).toBeNull();
    // Answered 1/5 > due 30/4: late, in May.
    expect(judgePetition(p, MAY, TODAY)).toBe('LATE');
  });

  it('open and past due at the period end → late in that period, whatever happens after', () => {
    const p = { receivedAt: local('2025-04-01 08:00'), dueAt: local('2025-04-15 08:00') };
    // Answered 5/5 (late) or still open today: in April it was open and past due on 30/4.
    expect(judgePetition({ ...p, resolvedAt: local('2025-05-05 08:00') }, APRIL, TODAY)).toBe('LATE');
    expect(judgePetition({ ...p, resolvedAt: null }, APRIL, TODAY)).toBe('LATE');
    // The answer of 5/5 is judged again in May, where it came.
    expect(judgePetition({ ...p, resolvedAt: local('2025-05-05 08:00') }, MAY, TODAY)).toBe('LATE');
  });

  it('open and not yet due at the period end → not judged; answered on time later → on time then', () => {
    const p = {
      receivedAt: local('2025-04-25 08:00'),
      dueAt: local('2025-05-12 08:00'),
      resolvedAt: local('2025-05-09 08:00'),
    };
    expect(judgePetition(p, APRIL, TODAY)).toBeNull();
    expect(judgePetition(p, MAY, TODAY)).toBe('ON_TIME');
  });

  it('received after the period, or answered before it → not judged in it', () => {
    const later = {
      receivedAt: local('2025-05-02 08:00'),
      dueAt: local('2025-05-16 08:00'),
      resolvedAt: null,
    };
    expect(judgePetition(later, APRIL, TODAY)).toBeNull();
    const earlier = {
      receivedAt: local('2025-03-02 08:00'),
      dueAt: local('2025-03-16 08:00'),
      resolvedAt: local('2025-03-20 08:00'),
    };
    expect(judgePetition(earlier, APRIL, TODAY)).toBeNull();
  });

  it('no due date: on time when answered, never overdue', () => {
    const p = { receivedAt: local('2025-04-02 08:00'), dueAt: null };
    expect(judgePetition({ ...p, resolvedAt: local('2025-04-29 08:00') }, APRIL, TODAY)).toBe('ON_TIME');
    expect(judgePetition({ ...p, resolvedAt: null }, APRIL, TODAY)).toBeNull();
  });

  it('a period not over yet is judged today: due yesterday and open → late; due today → not judged', () => {
    expect(judgedOn(MAY, '2025-05-20')).toBe('2025-05-20');
    const p = { receivedAt: local('2025-05-02 08:00'), resolvedAt: null };
    expect(judgePetition({ ...p, dueAt: local('2025-05-19 08:00') }, MAY, '2025-05-20')).toBe('LATE');
    expect(judgePetition({ ...p, dueAt: local('2025-05-20 08:00') }, MAY, '2025-05-20')).toBeNull();
    // A period that has not begun judges nothing, not even a petition open and overdue today.
    expect(
      judgePetition(
        { ...p, dueAt: local('2025-05-19 08:00') },
        { from: '2025-06-01', to: '2025-06-30' },
        '2025-05-20',
      ),
    ).toBeNull();
  });
});
