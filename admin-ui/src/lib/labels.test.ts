import { describe, expect, it } from 'vitest';
import { apiProblemMessage, formatCount, onlineLevelLabel } from './labels';

describe('onlineLevelLabel', () => {
  it('names the levels of Decree 42/2022', () => {
    expect(onlineLevelLabel('FULL')).toBe('Toàn trình');
    expect(onlineLevelLabel('PARTIAL')).toBe('Một phần');
    expect(onlineLevelLabel('INFO_ONLY')).toBe('Chỉ cung cấp thông tin');
  });

  it('says when the level is not set', () => {
    expect(onlineLevelLabel(null)).toBe('Chưa xác định');
    expect(onlineLevelLabel(undefined)).toBe('Chưa xác định');
    expect(onlineLevelLabel('')).toBe('Chưa xác định');
  });

  it('shows a level it does not know as sent', () => {
    expect(onlineLevelLabel('LEVEL_5')).toBe('LEVEL_5');
  });
});

describe('formatCount', () => {
  it('groups thousands with a dot', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(2642)).toBe('2.642');
    expect(formatCount(12345678)).toBe('12.345.678');
  });
});

describe('apiProblemMessage', () => {
  it('tells an unreachable API apart from one that answered badly', () => {
    expect(apiProblemMessage('unreachable')).toMatch(/^Không kết nối được/);
    expect(apiProblemMessage('timeout')).toMatch(/không phản hồi/);
    expect(apiProblemMessage('graphql-error')).not.toBe(apiProblemMessage('unreachable'));
  });
});
