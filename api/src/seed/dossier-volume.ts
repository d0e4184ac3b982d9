// Where and when the demo dossiers arrive: which agency on which working day, under which procedure,
// through which channel, by whom. Volumes follow rough real proportions: civil-status and
// certification procedures dominate at communes; merged communes (several former units) are busier.
import type { WorkingCalendar } from '../domain/index.ts';
import { addDays, type Day, daysBetween, weekday } from '../domain/index.ts';
import { REFORM_DAY, type SeededAgency } from './agencies.ts';
import type { SeededProcedure } from './procedures.ts';
import { type Random, WeightedPicker } from './random.ts';
import type { ChannelName } from './reference-data.ts';

export type ApplicantTypeName = 'CITIZEN' | 'BUSINESS' | 'STATE_AGENCY' | 'OTHER_ORGANISATION';

/** Relative demand per procedure (high-volume civil status, certification, residence, land). */
const PROCEDURE_WEIGHTS: Readonly<Record<string, number>> = {
  '2.000815': 14, // chứng thực bản sao từ bản chính
  '1.001193': 10, // đăng ký khai sinh
  '1.004194': 8, // đăng ký tạm trú
  '2.000884': 6, // chứng thực chữ ký
  '1.000894': 6, // đăng ký kết hôn
  '2.000635': 6, // bản sao trích lục hộ tịch
  '1.004222': 6, // đăng ký thường trú
  '3.000333': 6, // phiếu lý lịch tư pháp
  '1.004873': 5, // xác nhận tình trạng hôn nhân
  '3.000347': 5, // đổi giấy phép lái xe
  '1.000656': 4, // đăng ký khai tử
  '1.013978': 3, // cấp GCN lần đầu
  '1.012783': 3, // cấp đổi GCN
  '1.013225': 3, // giấy phép xây dựng
  '1.001612': 3, // thành lập hộ kinh doanh
  '2.000986': 3, // liên thông khai sinh – thường trú – BHYT
  '1.002755': 2,
  '1.003677': 2,
  '1.010038': 2,
  '1.003197': 2,
  '3.000348': 2,
  '2.000720': 2,
  '2.001610': 2,
  '1.012784': 2,
  '1.012786': 1.5,
};
const DEFAULT_PROCEDURE_WEIGHT = 1;

/** Relative volume of provincial agencies (a merged commune weighs its number of former units). */
const DEPARTMENT_WEIGHTS: Readonly<Record<string, number>> = {
  '56.CAT': 6,
  '56.SNNMT': 5,
  '56.STP': 3,
  '56.STC': 2.5,
  '56.SXD': 2,
  '56.SYT': 0.5,
  '56.SNV': 0.3,
};
const SPECIAL_ZONE_WEIGHT = 0.1; // Đặc khu Trường Sa: very few residents
const FORMER_DISTRICT_WEIGHT = 2;

/** In person ≈ 55%, online ≈ 40%, postal ≈ 5%; fully online procedures lean online. */
const CHANNEL_SHARES: Readonly<Record<'default' | 'full', Readonly<Record<ChannelName, number>>>> = {
  default: { IN_PERSON: 0.55, ONLINE: 0.4, POSTAL: 0.05 },
  full: { IN_PERSON: 0.3, ONLINE: 0.67, POSTAL: 0.03 },
};

export interface DossierSlot {
  day: Day;
  agency: SeededAgency;
  procedure: SeededProcedure;
  channel: ChannelName;
  applicantType: ApplicantTypeName;
}

/**
 * Units that take dossiers on `day`: those in existence that day. Before the 1/7/2025 reform the demo
 * covers only the former Ninh Phước units (district 587 and its communes, all with an end date), not
 * the old Khánh Hòa province's agencies, whose dossiers would come from outside this tree.
 */
function coveredOn(agency: SeededAgency, day: Day): boolean {
  if ((agency.validFrom && agency.validFrom > day) || (agency.validTo && agency.validTo < day)) return false;
  return day >= REFORM_DAY || agency.validTo !== null;
}

function agencyWeight(agency: SeededAgency): number {
  if (agency.level === 'DEPARTMENT') return DEPARTMENT_WEIGHTS[agency.code] ?? 0;
  if (agency.level === 'DISTRICT') return FORMER_DISTRICT_WEIGHT;
  if (agency.level === 'COMMUNE')
    return agency.name.startsWith('Đặc khu') ? SPECIAL_ZONE_WEIGHT : agency.mergedUnits;
  return 0;
}

/** Mondays are busiest, Fridays quieter; demand grows ~15% over the period (more online uptake). */
function dayWeight(day: Day, first: Day, span: number): number {
  const wd = weekday(day);
  const byWeekday = wd === 1 ? 1.15 : wd === 5 ? 0.9 : wd === 6 ? 0.4 : 1;
  return byWeekday * (1 + (0.15 * daysBetween(first, day)) / Math.max(1, span));
}

function applicantType(random: Random, procedure: SeededProcedure): ApplicantTypeName {
  const u = random.next();
  if (/doanh nghiệp|hộ kinh doanh|đường bộ/i.test(procedure.sectorName)) {
    return u < 0.85 ? 'BUSINESS' : u < 0.97 ? 'CITIZEN' : 'OTHER_ORGANISATION';
  }
  if (/đất đai|xây dựng/i.test(procedure.sectorName)) {
    return u < 0.88 ? 'CITIZEN' : u < 0.95 ? 'BUSINESS' : u < 0.98 ? 'OTHER_ORGANISATION' : 'STATE_AGENCY';
  }
  return u < 0.99 ? 'CITIZEN' : 'OTHER_ORGANISATION';
}

function channel(random: Random, procedure: SeededProcedure): ChannelName {
  const shares = CHANNEL_SHARES[procedure.onlineLevel === 'FULL' ? 'full' : 'default'];
  const offered = [...procedure.timeLimits.keys()];
  return random.weighted(
    offered,
    offered.map((c) => shares[c]),
  );
}

/** Draws dossier slots: (agency, working day) by volume weight, then procedure, channel, applicant. */
export class DossierVolume {
  private readonly slots: WeightedPicker<{ day: Day; agency: SeededAgency }>;
  private readonly proceduresOf = new Map<number, WeightedPicker<SeededProcedure>>();

  constructor(
    calendar: WorkingCalendar,
    agencies: readonly SeededAgency[],
    procedures: readonly SeededProcedure[],
    first: Day,
    last: Day,
  ) {
    for (const agency of agencies) {
      const offered = procedures.filter((p) => p.timeLimits.size > 0 && p.agencyIds.includes(agency.id));
      if (offered.length === 0 || agencyWeight(agency) === 0) continue;
      this.proceduresOf.set(
        agency.id,
        new WeightedPicker(
          offered,
          offered.map((p) => PROCEDURE_WEIGHTS[p.code] ?? DEFAULT_PROCEDURE_WEIGHT),
        ),
      );
    }
    const span = daysBetween(first, last);
    const items: { day: Day; agency: SeededAgency }[] = [];
    const weights: number[] = [];
    for (let day = first; day <= last; day = addDays(day, 1)) {
      if (!calendar.isWorkingDay(day)) continue;
      for (const agency of agencies) {
        if (!this.proceduresOf.has(agency.id)) continue;
        if (!coveredOn(agency, day)) continue;
        items.push({ day, agency });
        weights.push(agencyWeight(agency) * dayWeight(day, first, span));
      }
    }
    this.slots = new WeightedPicker(items, weights);
  }

  draw(random: Random): DossierSlot {
    const { day, agency } = this.slots.pick(random);
    const procedure = this.proceduresOf.get(agency.id)!.pick(random);
    return {
      day,
      agency,
      procedure,
      channel: channel(random, procedure),
      applicantType: applicantType(random, procedure),
    };
  }
}
