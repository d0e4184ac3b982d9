import { describe, expect, it } from 'vitest';
import { dayTypeOf, describeChange, parseDay, parseMark, parseRemove } from './calendar-form';

const mark = (values: Partial<{ from: string; to: string; type: string; note: string }>) =>
  parseMark({ from: '', to: '', type: '', note: '', ...values });

describe('parseDay', () => {
  it('reads what a date field sends and what an official types', () => {
    expect(parseDay('2026-11-30')).toBe('2026-11-30');
    expect(parseDay(' 30/11/2026 ')).toBe('2026-11-30');
    expect(parseDay('2/9/2026')).toBe('2026-09-02');
    expect(parseDay('31/11/2026')).toBeNull(); // November has 30 days
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('ngày mai')).toBeNull();
  });
});

describe('parseMark', () => {
  it('one day off with its note', () => {
    expect(mark({ from: '30/11/2026', type: 'HOLIDAY', note: ' Nghỉ đột xuất ' })).toEqual({
      errors: {},
      input: {
        days: [{ date: '2026-11-30', working: false, kind: 'HOLIDAY', note: 'Nghỉ đột xuất' }],
        remove: [],
      },
    });
  });

  it('a range of days off leaves out its weekend (Tết 2026: Sat 14/2 – Sun 22/2 → Mon 16 to Fri 20)', () => {
    const { input } = mark({ from: '2026-02-14', to: '2026-02-22', type: 'HOLIDAY', note: 'Tết Nguyên đán' });
    expect(input?.days.map((d) => d.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
  });

  it('a single Saturday is set as asked; a working range keeps every day', () => {
    expect(mark({ from: '2026-01-10', type: 'SWAP_WORKDAY' }).input?.days).toEqual([
      { date: '2026-01-10', working: true, kind: 'SWAP_WORKDAY', note: null },
    ]);
    expect(mark({ from: '2026-01-10', to: '2026-01-11', type: 'OTHER_WORKING' }).input?.days.length).toBe(2);
  });

  it('says what is wrong, next to the field', () => {
    expect(mark({}).errors).toEqual({ from: 'Vui lòng chọn ngày.', type: 'Vui lòng chọn loại ngày.' });
    expect(mark({ from: '31/02/2026', type: 'HOLIDAY' }).errors.from).toMatch(/không hợp lệ/);
    expect(mark({ from: '2026-11-30', to: '2026-11-29', type: 'HOLIDAY' }).errors.to).toMatch(
      /bằng hoặc sau/,
    );
    expect(mark({ from: '2026-01-01', to: '2026-02-01', type: 'HOLIDAY' }).errors.to).toMatch(/tối đa 31/);
    expect(mark({ from: '2026-11-28', to: '2026-11-29', type: 'HOLIDAY' }).errors.to).toMatch(
      /thứ Bảy, Chủ nhật/,
    );
    expect(mark({ from: '2026-11-30', type: 'HOLIDAY', note: 'x'.repeat(501) }).errors.note).toMatch(/500/);
    expect(mark({ from: '2026-11-30', type: 'HOLIDAY' }).input).not.toBeNull();
  });
});

describe('parseRemove and the rest', () => {
  it('reads the date of an exception to remove', () => {
    const form = new FormData();
    form.set('remove', '2026-09-02');
    expect(parseRemove(form)).toEqual({ days: [], remove: ['2026-09-02'] });
    form.set('remove', 'x');
    expect(parseRemove(form)).toBeNull();
  });

  it('fills the form from a stored exception and describes a change', () => {
    expect(dayTypeOf({ working: false, kind: 'COMPENSATORY_DAY_OFF' })).toBe('COMPENSATORY_DAY_OFF');
    expect(dayTypeOf({ working: true, kind: 'OTHER' })).toBe('OTHER_WORKING');
    expect(dayTypeOf({ working: true, kind: 'HOLIDAY' })).toBe('OTHER_WORKING');
    expect(describeChange({ days: [], remove: ['2026-09-02'] }, null)).toBe(
      'Xóa ngày đặc biệt 02/09/2026 (trở lại lịch thông thường)',
    );
    const range = mark({ from: '2026-02-16', to: '2026-02-20', type: 'HOLIDAY' }).input!;
    expect(describeChange(range, 'Nghỉ lễ, Tết')).toBe(
      'Đánh dấu 5 ngày từ 16/02/2026 đến 20/02/2026 là “Nghỉ lễ, Tết”',
    );
  });
});
