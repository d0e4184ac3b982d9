import { describe, expect, it } from 'vitest';
import {
  actorLabel,
  apiProblemMessage,
  apiProblemStatus,
  channelLabel,
  implementingLevelLabel,
  onlineLevelLabel,
  roleLabel,
  timeUnitLabel,
} from './labels';

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

describe('channel, level, unit and role labels', () => {
  it('names the channels; a fee without a channel applies to all of them', () => {
    expect(channelLabel('IN_PERSON')).toBe('Trực tiếp');
    expect(channelLabel('ONLINE')).toBe('Trực tuyến');
    expect(channelLabel('POSTAL')).toBe('Dịch vụ bưu chính');
    expect(channelLabel(null)).toBe('Mọi cách thức');
  });

  it('names implementing levels, time units and roles', () => {
    expect(implementingLevelLabel('COMMUNE')).toBe('Cấp xã');
    expect(timeUnitLabel('WORKING_DAYS')).toBe('ngày làm việc');
    expect(roleLabel('UNIT_ADMIN')).toBe('Quản trị đơn vị');
    expect(roleLabel('REFORM_MONITOR')).toBe('Theo dõi cải cách hành chính');
    expect(roleLabel('AUDITOR')).toBe('AUDITOR');
  });
});

describe('apiProblemMessage and apiProblemStatus', () => {
  it('tells an unreachable API apart from one that answered badly', () => {
    expect(apiProblemMessage('unreachable')).toMatch(/^Không kết nối được/);
    expect(apiProblemMessage('timeout')).toMatch(/không phản hồi/);
    expect(apiProblemMessage('graphql-error')).not.toBe(apiProblemMessage('unreachable'));
  });

  it('gives each refusal of the API its HTTP status', () => {
    expect(apiProblemStatus('forbidden')).toBe(403);
    expect(apiProblemStatus('rate-limited')).toBe(429);
    expect(apiProblemStatus('service-unavailable')).toBe(503);
    expect(apiProblemStatus('unreachable')).toBe(502);
  });
});

describe('actorLabel', () => {
  it('names who saved a version', () => {
    expect(actorLabel('USER:12')).toBe('Tài khoản #12');
    expect(actorLabel('API_KEY:3')).toBe('Khóa API #3');
    expect(actorLabel('CLI')).toBe('Dòng lệnh quản trị');
    expect(actorLabel(null)).toBe('Dữ liệu gốc (Cơ sở dữ liệu quốc gia)');
  });
});
