import { AgencyLevel, Channel, ImplementingLevel, OnlineLevel, TimeUnit } from '@tthc/db';
import { builder } from './builder.ts';

export const ChannelEnum = builder.enumType(Channel, {
  name: 'Channel',
  description:
    'Channel through which a dossier is filed and its result returned (cách thức thực hiện; national KenhThucHien 1 in person, 2 online, 3 postal). Time limits and fees are per channel.',
  values: {
    IN_PERSON: { description: 'In person at the one-stop desk (trực tiếp; KenhThucHien 1).' },
    ONLINE: { description: 'Online, through a public-service portal (trực tuyến; KenhThucHien 2).' },
    POSTAL: { description: 'By the public postal service (qua dịch vụ bưu chính công ích; KenhThucHien 3).' },
  },
});
export const OnlineLevelEnum = builder.enumType(OnlineLevel, {
  name: 'OnlineLevel',
  description:
    'Online public service level of a procedure (mức độ dịch vụ công trực tuyến, Decree 42/2022/NĐ-CP).',
  values: {
    INFO_ONLY: {
      description:
        'Information only (cung cấp thông tin): the procedure is published online but cannot be carried out online.',
    },
    PARTIAL: {
      description:
        'Partially online (dịch vụ công trực tuyến một phần): filed online, but some step (a payment, the result, an original document) takes place in person.',
    },
    FULL: {
      description:
        'Fully online (dịch vụ công trực tuyến toàn trình): every step, from filing to the result, can be done online.',
    },
  },
});
export const TimeUnitEnum = builder.enumType(TimeUnit, {
  name: 'TimeUnit',
  description: 'Unit of a time limit (national DONVITINH). HOURS are working hours (8 per working day).',
  values: {
    HOURS: {
      description: 'Working hours (giờ làm việc): 60 working minutes each, counted on the working calendar.',
    },
    WORKING_DAYS: {
      description:
        'Working days (ngày làm việc): 8 working hours (480 working minutes) each, counted on the working calendar.',
    },
    DAYS: {
      description:
        'Calendar days (ngày): whole days from the day after reception (Civil Code 2015 Art. 147–148); a period ending on a day off ends on the next working day.',
    },
    MONTHS: {
      description:
        'Calendar months (tháng): whole months from the reception day, clamped to the month’s last day; a period ending on a day off ends on the next working day.',
    },
  },
});
export const AgencyLevelEnum = builder.enumType(AgencyLevel, {
  name: 'AgencyLevel',
  description:
    'Level of an agency or administrative unit (cấp). DISTRICT exists only before 1/7/2025 (two-tier local government).',
  values: {
    MINISTRY: { description: 'A ministry or central agency (bộ, cơ quan ngang bộ).' },
    PROVINCE: {
      description: 'A province or centrally run city: its People’s Committee (UBND tỉnh, thành phố).',
    },
    DISTRICT: {
      description:
        'A district, town or provincial city (huyện, thị xã, thành phố thuộc tỉnh); only for units that ended before 1/7/2025.',
    },
    COMMUNE: {
      description: 'A commune, ward or special zone (xã, phường, đặc khu; thị trấn before 1/7/2025).',
    },
    DEPARTMENT: {
      description:
        'An agency under an administrative unit (sở, ban, ngành, phòng, the police): its dossiers count in the unit’s subtree.',
    },
  },
});
export const ImplementingLevelEnum = builder.enumType(ImplementingLevel, {
  name: 'ImplementingLevel',
  description: 'Level of government that carries out a procedure (cấp thực hiện).',
  values: {
    MINISTRY: { description: 'Ministry level (cấp bộ).' },
    PROVINCE: { description: 'Provincial level (cấp tỉnh).' },
    DISTRICT: { description: 'District level (cấp huyện); abolished on 1/7/2025.' },
    COMMUNE: { description: 'Commune level (cấp xã).' },
  },
});
