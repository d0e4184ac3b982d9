import { describe, expect, it } from 'vitest';
import { lastTwelveMonths } from './period.ts';

describe('lastTwelveMonths', () => {
  it('ends today in Vietnam and starts the day after the same day a year before', () => {
    expect(lastTwelveMonths(new Date('2026-03-31T10:00:00+07:00'))).toEqual({
      from: '2025-04-01',
      to: '2026-03-31',
    });
  });

  it('counts the day in Asia/Ho_Chi_Minh: 18:30 UTC on 31 March is already 1 April there', () => {
    expect(lastTwelveMonths(new Date('2026-03-31T18:30:00Z'))).toEqual({
      from: '2025-04-02',
      to: '2026-04-01',
    });
  });

  it('crosses the year boundary', () => {
    expect(lastTwelveMonths(new Date('2026-01-01T08:00:00+07:00'))).toEqual({
      from: '2025-01-02',
      to: '2026-01-01',
    });
  });

  it('on 29 February starts on 1 March of the year before (28 February + 1 day)', () => {
    expect(lastTwelveMonths(new Date('2028-02-29T08:00:00+07:00'))).toEqual({
      from: '2027-03-01',
      to: '2028-02-29',
    });
  });

  it('gives the same period all day, so the query URL caches for the day', () => {
    const morning = lastTwelveMonths(new Date('2026-05-10T00:01:00+07:00'));
    const evening = lastTwelveMonths(new Date('2026-05-10T23:59:00+07:00'));
    expect(evening).toEqual(morning);
  });
});
