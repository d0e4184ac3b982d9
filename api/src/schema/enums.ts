import { AgencyLevel, Channel, ImplementingLevel, OnlineLevel, TimeUnit } from '@tthc/db';
import { builder } from './builder.ts';

export const ChannelEnum = builder.enumType(Channel, {
  name: 'Channel',
  description: 'Cách thức thực hiện (national KenhThucHien 1 in person, 2 online, 3 postal).',
});
export const OnlineLevelEnum = builder.enumType(OnlineLevel, {
  name: 'OnlineLevel',
  description: 'Online public service level (Decree 42/2022/NĐ-CP).',
});
export const TimeUnitEnum = builder.enumType(TimeUnit, {
  name: 'TimeUnit',
  description: 'Unit of a time limit. HOURS are working hours (8 per working day).',
});
export const AgencyLevelEnum = builder.enumType(AgencyLevel, {
  name: 'AgencyLevel',
  description: 'DISTRICT exists only before 1/7/2025 (two-tier local government).',
});
export const ImplementingLevelEnum = builder.enumType(ImplementingLevel, {
  name: 'ImplementingLevel',
  description: 'Cấp thực hiện.',
});
