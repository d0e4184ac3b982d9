import { describe, expect, it } from 'vitest';
import { isDay, ratingFilterInput, ratingListFilterFrom } from './list-filter';

const TODAY = '2026-03-15';
const read = (query: string) => {
  const { filter, errors } = ratingListFilterFrom(new URLSearchParams(query));
  return { filter, errors, input: ratingFilterInput(filter, errors, TODAY) };
};

describe('ratingListFilterFrom / ratingFilterInput', () => {
  it('reads every filter; hidden=false asks for the comments still shown', () => {
    const { errors, input } = read(
      'agency=22870&procedure=1.001193&level=DISSATISFIED&from=2026-01-01&to=2026-03-31&hidden=false',
    );
    expect(errors).toEqual({});
    expect(input).toEqual({
      agencyCode: '22870',
      procedureCode: '1.001193',
      level: 'DISSATISFIED',
      hidden: false,
      period: { from: '2026-01-01', to: '2026-03-31' },
    });
  });

  it('nothing chosen filters nothing', () => {
    expect(read('').input).toBeNull();
    expect(read('level=ANGRY&hidden=maybe').input).toBeNull();
  });

  it('a period with one end: the end defaults to today, the start to 1 January nine years before the end', () => {
    expect(read('from=2026-02-01').input?.period).toEqual({ from: '2026-02-01', to: TODAY });
    // 2025 − 9 = 2016: 2016-01-01 … 2025-12-31 is 3,652 days, within the API's 3,660.
    expect(read('to=2025-12-31').input?.period).toEqual({ from: '2016-01-01', to: '2025-12-31' });
  });

  it('refuses impossible days, a reversed period and one over ten years, and leaves the period out', () => {
    expect(read('from=2026-02-30').errors).toEqual({ from: 'Ngày bắt đầu không hợp lệ.' });
    const reversed = read('from=2026-03-01&to=2026-02-01');
    expect(reversed.errors).toEqual({ to: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' });
    expect(reversed.input).toBeNull();
    // The API allows 3,660 days (366 × 10). 2016-03-31 … 2026-03-31 is 10 × 365 + 2 leap days
    // (2020, 2024) = 3,652 days; eight days earlier, 2016-03-23, is 3,660 (allowed), 2016-03-22 is 3,661.
    expect(read('from=2016-03-23&to=2026-03-31').errors).toEqual({});
    expect(read('from=2016-03-22&to=2026-03-31').errors).toEqual({
      from: 'Khoảng thời gian dài tối đa 10 năm.',
    });
  });

  it('a malformed procedure code is an error, not sent', () => {
    const { errors, input } = read('procedure=1.001193;DROP');
    expect(errors.procedure).toBe('Mã thủ tục gồm chữ, số và dấu chấm, ví dụ 1.001193.');
    expect(input).toBeNull();
  });
});

describe('isDay', () => {
  it('knows leap years', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('26-02-01')).toBe(false);
  });
});
