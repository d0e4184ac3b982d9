import { describe, expect, it } from 'vitest';
import { channelLabel, formatQuantity, formatTimeLimit, sortByChannel, unitLabel } from './format.ts';

describe('formatQuantity', () => {
  it('writes whole numbers below ten with a leading zero, as administrative texts do', () => {
    expect(formatQuantity(1)).toBe('01');
    expect(formatQuantity(9)).toBe('09');
  });

  it('leaves numbers from ten upwards as they are', () => {
    expect(formatQuantity(10)).toBe('10');
    expect(formatQuantity(27)).toBe('27');
  });

  it('uses a decimal comma and no leading zero for fractions', () => {
    expect(formatQuantity(0.5)).toBe('0,5');
    expect(formatQuantity(1.5)).toBe('1,5');
    expect(formatQuantity(2.125)).toBe('2,13');
  });

  it('groups thousands with a dot', () => {
    expect(formatQuantity(1000)).toBe('1.000');
    expect(formatQuantity(1234567.5)).toBe('1.234.567,5');
  });

  it('writes zero as 0', () => {
    expect(formatQuantity(0)).toBe('0');
  });
});

describe('formatTimeLimit', () => {
  it('formats each time unit of the contract', () => {
    expect(formatTimeLimit({ value: 1, unit: 'WORKING_DAYS' })).toBe('01 ngày làm việc');
    expect(formatTimeLimit({ value: 15, unit: 'DAYS' })).toBe('15 ngày');
    expect(formatTimeLimit({ value: 4, unit: 'HOURS' })).toBe('04 giờ làm việc');
    expect(formatTimeLimit({ value: 3, unit: 'MONTHS' })).toBe('03 tháng');
    expect(formatTimeLimit({ value: 0.5, unit: 'WORKING_DAYS' })).toBe('0,5 ngày làm việc');
  });

  it('says the limit is unknown instead of printing a meaningless number', () => {
    expect(formatTimeLimit({ value: Number.NaN, unit: 'DAYS' })).toBe('Chưa xác định');
    expect(formatTimeLimit({ value: -1, unit: 'DAYS' })).toBe('Chưa xác định');
  });
});

describe('labels', () => {
  it('names the channels as the national catalogue does', () => {
    expect(channelLabel('IN_PERSON')).toBe('Trực tiếp');
    expect(channelLabel('ONLINE')).toBe('Trực tuyến');
    expect(channelLabel('POSTAL')).toBe('Qua dịch vụ bưu chính');
  });

  it('shows a value it does not know as sent', () => {
    expect(channelLabel('KIOSK')).toBe('KIOSK');
    expect(unitLabel('WEEKS')).toBe('WEEKS');
  });
});

describe('sortByChannel', () => {
  it('lists in person, online, postal, then unknown channels, without mutating its input', () => {
    const input = [
      { channel: 'POSTAL' },
      { channel: 'KIOSK' },
      { channel: 'IN_PERSON' },
      { channel: 'ONLINE' },
    ];
    expect(sortByChannel(input).map((limit) => limit.channel)).toEqual([
      'IN_PERSON',
      'ONLINE',
      'POSTAL',
      'KIOSK',
    ]);
    expect(input[0]?.channel).toBe('POSTAL');
  });
});
