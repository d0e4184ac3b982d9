import { describe, expect, it } from 'vitest';
import { badgeParts } from './badge.ts';
import { legalLimitWorkingDays, satisfactionSplit } from './figures.ts';

describe('satisfactionSplit', () => {
  it('weights each class by its ratings: early 10 × 90 % and on time 30 × 70 % → in time 75 % of 40', () => {
    const split = satisfactionSplit([
      { timeliness: 'EARLY', ratings: 10, satisfactionRate: 0.9 },
      { timeliness: 'ON_TIME', ratings: 30, satisfactionRate: 0.7 },
      { timeliness: 'LATE', ratings: 8, satisfactionRate: 0.25 },
      { timeliness: 'IN_PROGRESS_LATE', ratings: 0, satisfactionRate: null },
    ]);
    // (10·0.9 + 30·0.7) / 40 = (9 + 21) / 40 = 0.75
    expect(split?.inTime.ratings).toBe(40);
    expect(split?.inTime.rate).toBeCloseTo(0.75, 10);
    expect(split?.late).toEqual({ ratings: 8, rate: 0.25 });
  });

  it('is null when one side has no rating or the API sent nothing', () => {
    expect(satisfactionSplit([{ timeliness: 'ON_TIME', ratings: 5, satisfactionRate: 1 }])).toBeNull();
    expect(satisfactionSplit(undefined)).toBeNull();
    expect(satisfactionSplit(null)).toBeNull();
  });
});

describe('legalLimitWorkingDays', () => {
  it('takes the in-person limit, hours as 8 per working day, and gives up on calendar units', () => {
    expect(
      legalLimitWorkingDays([
        { channel: 'ONLINE', value: 3, unit: 'WORKING_DAYS' },
        { channel: 'IN_PERSON', value: 5, unit: 'WORKING_DAYS' },
      ]),
    ).toBe(5);
    expect(legalLimitWorkingDays([{ channel: 'IN_PERSON', value: 4, unit: 'HOURS' }])).toBe(0.5);
    expect(legalLimitWorkingDays([{ channel: 'IN_PERSON', value: 15, unit: 'DAYS' }])).toBeNull();
    expect(legalLimitWorkingDays([])).toBeNull();
  });
});

describe('badgeParts', () => {
  const figures = {
    ratings: 1234,
    satisfactionRate: 0.923,
    finished: 2000,
    onTimeRate: 0.971,
    medianProcessingWorkingDays: 3.5,
  };

  it('reads in Vietnamese: rate, ratings, on time, median', () => {
    expect(badgeParts(figures, 'vi')).toEqual([
      ['92,3\u00a0%', 'hài lòng'],
      ['1.234', 'đánh giá'],
      ['97,1\u00a0%', 'đúng hạn'],
      ['', 'thường xong trong 3,5 ngày làm việc'],
    ]);
  });

  it('reads in English', () => {
    expect(badgeParts(figures, 'en')).toEqual([
      ['92.3%', 'satisfied'],
      ['1,234', 'ratings'],
      ['97.1%', 'on time'],
      ['', 'usually done in 3.5 working days'],
    ]);
  });

  it('says there is no rating rather than 0 %, and leaves out figures the API has none of', () => {
    expect(
      badgeParts(
        {
          ratings: 0,
          satisfactionRate: null,
          finished: 0,
          onTimeRate: null,
          medianProcessingWorkingDays: null,
        },
        'vi',
      ),
    ).toEqual([['', 'Chưa có đánh giá']]);
  });
});
