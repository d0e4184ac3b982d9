// A province's local practice as settings (docs/domain.md §3.2, §2.3, §3.8, §4.2; issue 12 rule 11):
// working hours, the same-day cut-off default, the comparison by day or instant, the evaluation bands.
// Each PracticeSettings row holds every setting and is in force from its `effectiveFrom` until the
// next row; a province without rows has the defaults of domain/practice-settings.ts (today's
// constants). A change applies from a day not in the past, so figures already computed for past
// days do not change; it is audited with the settings before and after.
import type { Agency, PracticeSettings as PracticeSettingsRow, Prisma, PrismaClient } from '@tthc/db';
import type pg from 'pg';
import type { WorkingHours } from '../domain/calendar.ts';
import type { EvaluationBand, EvaluationBandCode } from '../domain/one-stop-evaluation.ts';
import {
  type DatedPracticeSettings,
  type PracticeSettings,
  practiceInForce,
  practiceProblems,
} from '../domain/practice-settings.ts';
import { type Day, dayOf } from '../domain/time.ts';
import type { ComparisonGranularity } from '../domain/timeliness.ts';
import type { Admin } from './access/reach.ts';
import { findAgency, resolveAgencyForPeriod } from './agencies.ts';
import { audit } from './audit.ts';
import { dateColumn, dayOfDateColumn } from './date-columns.ts';
import { isUniqueViolation, Problems, refused } from './input-refusal.ts';

/**
 * The province whose practice governs `agencyId`: the unit itself when it is a province, else its
 * nearest province up the tree of parents (as the unit stood: a former commune of Ninh Thuận is
 * governed by Ninh Thuận). Null for a unit under no province (a ministry).
 */
export async function governingProvinceId(prisma: PrismaClient, agencyId: number): Promise<number | null> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE up(id, "parentId", level, depth) AS (
      SELECT id, "parentId", level, 0 FROM "Agency" WHERE id = ${agencyId}::int
      UNION ALL
      SELECT a.id, a."parentId", a.level, up.depth + 1 FROM "Agency" a JOIN up ON a.id = up."parentId"
       WHERE up.level <> 'PROVINCE' AND up.depth < 20
    )
    SELECT id FROM up WHERE level = 'PROVINCE' ORDER BY depth LIMIT 1`;
  return rows[0]?.id ?? null;
}

const granularityOf = (g: PracticeSettingsRow['comparisonGranularity']): ComparisonGranularity =>
  g === 'INSTANT' ? 'instant' : 'day';

function datedOf(row: PracticeSettingsRow): DatedPracticeSettings {
  return {
    effectiveFrom: dayOfDateColumn(row.effectiveFrom),
    workingHours: { sessions: row.workingHours as unknown as [number, number][] },
    sameDayCutoffMinute: row.sameDayCutoffMinute,
    granularity: granularityOf(row.comparisonGranularity),
    evaluationBands: row.evaluationBands as unknown as EvaluationBand[],
  };
}

/** Every row of a province, oldest first. */
export async function practiceHistory(
  prisma: PrismaClient,
  provinceId: number | null,
): Promise<DatedPracticeSettings[]> {
  if (provinceId === null) return [];
  const rows = await prisma.practiceSettings.findMany({
    where: { agencyId: provinceId },
    orderBy: { effectiveFrom: 'asc' },
  });
  return rows.map(datedOf);
}

/** The settings in force on `day` for the unit `agencyId` (those of its province; defaults without any). */
export async function practiceFor(
  prisma: PrismaClient,
  agencyId: number,
  day: Day,
): Promise<PracticeSettings> {
  return practiceInForce(await practiceHistory(prisma, await governingProvinceId(prisma, agencyId)), day);
}

// One lookup per unit and request: a page of dossiers mostly shares a few units. Keyed by the
// request's context object, so it lives exactly as long as the request.
const historiesByRequest = new WeakMap<object, Map<number, Promise<DatedPracticeSettings[]>>>();

/** The settings history governing `agencyId`, looked up once per `request` (any per-request object). */
export function practiceHistoryFor(
  prisma: PrismaClient,
  request: object,
  agencyId: number,
): Promise<DatedPracticeSettings[]> {
  let byUnit = historiesByRequest.get(request);
  if (!byUnit) {
    byUnit = new Map();
    historiesByRequest.set(request, byUnit);
  }
  let history = byUnit.get(agencyId);
  if (!history) {
    history = governingProvinceId(prisma, agencyId).then((province) => practiceHistory(prisma, province));
    byUnit.set(agencyId, history);
  }
  return history;
}

export interface PracticeSettingsView {
  /** The unit asked about, and the province whose settings govern it (null: none, defaults). */
  agency: Agency;
  province: Agency | null;
  on: Day;
  /** In force on `on`; `effectiveFrom` null = the defaults. */
  inForce: PracticeSettings & { effectiveFrom: Day | null };
  history: DatedPracticeSettings[];
}

/** practiceSettings(agencyCode, on): the unit holding the code on `on`, its province's settings then and their history. */
export async function practiceSettingsView(
  prisma: PrismaClient,
  agencyCode: string,
  on: Day = dayOf(new Date()),
): Promise<PracticeSettingsView> {
  const agency = await resolveAgencyForPeriod(prisma, agencyCode, on);
  const provinceId = await governingProvinceId(prisma, agency.id);
  const province =
    provinceId === null
      ? null
      : provinceId === agency.id
        ? agency
        : await prisma.agency.findUnique({ where: { id: provinceId } });
  const history = await practiceHistory(prisma, provinceId);
  const row = [...history].reverse().find((r) => r.effectiveFrom <= on) ?? null;
  return {
    agency,
    province,
    on,
    inForce: row ?? { ...practiceInForce([], on), effectiveFrom: null },
    history,
  };
}

export interface PracticeSettingsInput {
  /** The province (its code today). */
  agencyCode: string;
  effectiveFrom: Day;
  /** Omitted: as in force on effectiveFrom. Minutes of the day, [start, end) per session. */
  workingHours?: readonly (readonly [number, number])[] | null;
  sameDayCutoffMinute?: number | null;
  granularity?: ComparisonGranularity | null;
  evaluationBands?: readonly { code: string; label: string; min: number; minInclusive: boolean }[] | null;
}

const snapshot = (s: PracticeSettings) => ({
  workingHours: s.workingHours.sessions.map(([a, b]) => [a, b]),
  sameDayCutoffMinute: s.sameDayCutoffMinute,
  comparisonGranularity: s.granularity === 'instant' ? 'INSTANT' : 'DAY',
  evaluationBands: s.evaluationBands.map((b) => ({
    code: b.code,
    label: b.label,
    min: b.min,
    minInclusive: b.minInclusive,
  })),
});

/**
 * Sets a province's settings from `effectiveFrom` (today or later): the settings in force that day
 * with the fields given changed. A row already dated that day (not yet in the past) is replaced.
 * SYSTEM_ADMIN, or an administrator whose subtree holds the province (its UNIT_ADMIN, an admin key).
 */
export async function updatePracticeSettings(
  prisma: PrismaClient,
  input: PracticeSettingsInput,
  by: Admin,
  today: Day = dayOf(new Date()),
): Promise<DatedPracticeSettings> {
  const province = await findAgency(prisma, input.agencyCode.trim());
  if (!province) {
    throw refused(['agencyCode'], 'NOT_FOUND', `Không tìm thấy cơ quan, đơn vị "${input.agencyCode}".`);
  }
  if (province.level !== 'PROVINCE') {
    throw refused(
      ['agencyCode'],
      'NOT_A_PROVINCE',
      `${province.name} không phải là tỉnh, thành phố: thiết lập thực tiễn địa phương đặt cho cấp tỉnh.`,
    );
  }
  if (!by.reach.covers(province.id)) {
    throw refused(
      ['agencyCode'],
      'OUT_OF_SCOPE',
      `${province.name} nằm ngoài phạm vi quản trị của bạn: chỉ quản trị hệ thống hoặc quản trị của tỉnh được thay đổi thiết lập này.`,
    );
  }
  if (input.effectiveFrom < today) {
    throw refused(
      ['effectiveFrom'],
      'EFFECTIVE_DATE_PAST',
      `Ngày áp dụng ${input.effectiveFrom} đã qua: thiết lập chỉ áp dụng từ hôm nay (${today}) trở đi, để số liệu đã công bố không thay đổi.`,
    );
  }
  const history = await practiceHistory(prisma, province.id);
  const before = practiceInForce(history, input.effectiveFrom);
  const after: PracticeSettings = {
    workingHours:
      input.workingHours == null
        ? before.workingHours
        : ({ sessions: input.workingHours.map(([a, b]) => [a, b] as const) } satisfies WorkingHours),
    sameDayCutoffMinute: input.sameDayCutoffMinute ?? before.sameDayCutoffMinute,
    granularity: input.granularity ?? before.granularity,
    evaluationBands:
      input.evaluationBands == null
        ? before.evaluationBands
        : input.evaluationBands.map((b) => ({ ...b, code: b.code as EvaluationBandCode })),
  };
  const problems = new Problems();
  for (const p of practiceProblems(after)) problems.add(p.field, 'INVALID_SETTING', p.message);
  problems.throwIfAny();
  const data = snapshot(after);
  if (JSON.stringify(data) === JSON.stringify(snapshot(before))) {
    throw refused(
      null,
      'NOTHING_TO_CHANGE',
      `Thiết lập của ${province.name} áp dụng từ ${input.effectiveFrom} đã như vậy.`,
    );
  }
  const effectiveFrom = dateColumn(input.effectiveFrom);
  const columns = {
    workingHours: data.workingHours as Prisma.InputJsonValue,
    sameDayCutoffMinute: data.sameDayCutoffMinute,
    comparisonGranularity: data.comparisonGranularity as 'DAY' | 'INSTANT',
    evaluationBands: data.evaluationBands as Prisma.InputJsonValue,
    createdBy: by.actor,
  };
  try {
    const row = await prisma.$transaction(async (tx) => {
      const saved = await tx.practiceSettings.upsert({
        where: { agencyId_effectiveFrom: { agencyId: province.id, effectiveFrom } },
        create: { agencyId: province.id, effectiveFrom, ...columns },
        update: columns,
      });
      await audit(
        tx,
        by.actor,
        'practice-settings.update',
        'PracticeSettings',
        `${province.code}/${input.effectiveFrom}`,
        { effectiveFrom: input.effectiveFrom, before: snapshot(before), after: data },
        { agencyId: province.id },
      );
      return saved;
    });
    return datedOf(row);
  } catch (error) {
    // Two administrators saving the same day at once: the second one is told to look again.
    if (isUniqueViolation(error)) {
      throw refused(
        ['effectiveFrom'],
        'NOTHING_TO_CHANGE',
        'Thiết lập vừa được người khác lưu; hãy tải lại và thử lại.',
      );
    }
    throw error;
  }
}

/**
 * The settings rows governing each unit named by one of `agencyCodes` (any holder of the code), by
 * unit id: what ingestion folds a dossier with (the comparison in force at its reception). One
 * query for a batch; an empty map when no province has settings.
 */
export async function practiceByAgency(
  pool: pg.Pool | pg.PoolClient,
  agencyCodes: readonly string[],
): Promise<Map<number, DatedPracticeSettings[]>> {
  // The day as text: node-postgres would read a DATE as local midnight of the process's time zone.
  const { rows } = await pool.query<
    Omit<PracticeSettingsRow, 'effectiveFrom'> & { unitId: number; effectiveFrom: Day }
  >(
    `WITH RECURSIVE up(unit, id, "parentId", level, depth) AS (
       SELECT id, id, "parentId", level, 0 FROM "Agency" WHERE code = ANY($1::text[])
       UNION ALL
       SELECT up.unit, a.id, a."parentId", a.level, up.depth + 1 FROM "Agency" a JOIN up ON a.id = up."parentId"
        WHERE up.level <> 'PROVINCE' AND up.depth < 20
     )
     SELECT up.unit AS "unitId", to_char(s."effectiveFrom", 'YYYY-MM-DD') AS "effectiveFrom",
            s."workingHours", s."sameDayCutoffMinute", s."comparisonGranularity", s."evaluationBands"
       FROM up JOIN "PracticeSettings" s ON s."agencyId" = up.id
      WHERE up.level = 'PROVINCE'
      ORDER BY s."effectiveFrom"`,
    [agencyCodes],
  );
  const byUnit = new Map<number, DatedPracticeSettings[]>();
  for (const row of rows) {
    const list = byUnit.get(row.unitId) ?? [];
    list.push(datedOf({ ...row, effectiveFrom: dateColumn(row.effectiveFrom) }));
    byUnit.set(row.unitId, list);
  }
  return byUnit;
}
