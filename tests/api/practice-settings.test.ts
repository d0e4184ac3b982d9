// Issue 12 rule 11 "Local practice as settings" (docs/domain.md §3.2, §2.3, §3.8, §4.2): a province's
// working hours, same-day cut-off default, comparison by day or instant and evaluation bands, set by
// its administrators from a day not in the past (updatePracticeSettings, audited) and read with
// their history (practiceSettings). Without settings the defaults are today's constants.
import { addDays, dayOf } from '@tthc/api/domain';
import { rebuildRollups } from '@tthc/api/rollups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYWHERE } from '../../api/src/services/access/reach.ts';
import { previewCalendarChange } from '../../api/src/services/calendar-impact.ts';
import { updatePracticeSettings } from '../../api/src/services/practice-settings.ts';
import type { TestApi } from '../support/api.ts';
import { ingestAll } from '../support/dashboard-fixtures.ts';
import { dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { rollupSnapshot } from '../support/rollup-snapshot.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let system: Record<string, string>;
let provinceAdmin: Record<string, string>;
let communeAdmin: Record<string, string>;

const PROVINCE = '56'; // Tỉnh Khánh Hòa
const COMMUNE = '22870'; // Xã Ninh Phước, in Khánh Hòa
// The API judges "the past" by its own clock, today in Asia/Ho_Chi_Minh.
const today = dayOf(new Date());
const tomorrow = addDays(today, 1);
const yesterday = addDays(today, -1);

const DEFAULT_BANDS = [
  { code: 'EXCELLENT', label: 'Xuất sắc', min: 15, minInclusive: false },
  { code: 'GOOD', label: 'Tốt', min: 12, minInclusive: true },
  { code: 'FAIR', label: 'Khá', min: 9, minInclusive: true },
  { code: 'AVERAGE', label: 'Trung bình', min: 6, minInclusive: true },
  { code: 'POOR', label: 'Yếu', min: 0, minInclusive: true },
];
// A stricter province: "Tốt" from 14 (inclusive) instead of 12.
const STRICT_BANDS = DEFAULT_BANDS.map((b) => (b.code === 'GOOD' ? { ...b, min: 14 } : b));

const DEFAULTS = {
  effectiveFrom: null,
  workingHours: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  // (11:30 − 07:00) + (17:00 − 13:30) = 270 + 210 = 480 minutes = 8 hours.
  workingMinutesPerDay: 480,
  sameDayCutoff: '15:00',
  comparison: 'DAY',
  evaluationBands: DEFAULT_BANDS,
};

const SETTINGS = `effectiveFrom workingHours { start end } workingMinutesPerDay sameDayCutoff comparison
  evaluationBands { code label min minInclusive }`;
const QUERY = `query($code: String!, $on: Date) { practiceSettings(agencyCode: $code, on: $on) {
  agency { code } province { code } on inForce { ${SETTINGS} } history { ${SETTINGS} } } }`;
const UPDATE = `mutation($input: UpdatePracticeSettingsInput!) { updatePracticeSettings(input: $input) {
  settings { ${SETTINGS} } userErrors { field code message } } }`;

interface Settings {
  effectiveFrom: string | null;
  workingMinutesPerDay: number;
  sameDayCutoff: string;
  comparison: string;
  evaluationBands: unknown[];
  workingHours: { start: string; end: string }[];
}
interface Report {
  agency: { code: string };
  province: { code: string } | null;
  on: string;
  inForce: Settings;
  history: Settings[];
}

async function settings(code: string, on?: string): Promise<Report> {
  const res = await t.gql<{ practiceSettings: Report }>(QUERY, { code, on });
  expect(res.errors).toBeUndefined();
  return res.data!.practiceSettings;
}

async function update(input: Record<string, unknown>, headers = system) {
  const res = await t.gql<{
    updatePracticeSettings: { settings: Settings | null; userErrors: { field: string[]; code: string }[] };
  }>(UPDATE, { input }, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.updatePracticeSettings;
}

async function bandsOf(year: number, quarter: number) {
  const res = await t.gql<{ oneStopEvaluation: { bands: unknown[] } }>(
    `query($y: Int!, $q: Int!) { oneStopEvaluation(agencyCode: "${COMMUNE}", year: $y, quarter: $q) {
       bands { code label min minInclusive } } }`,
    { y: year, q: quarter },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.oneStopEvaluation.bands;
}

/** The quarter of a day, and the quarter before it (its last day is before today). */
const quarterOf = (day: string) => ({
  year: Number(day.slice(0, 4)),
  quarter: Math.ceil(Number(day.slice(5, 7)) / 3),
});
const previousQuarter = ({ year, quarter }: { year: number; quarter: number }) =>
  quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };

beforeAll(async () => {
  t = await startSeededApi(0);
  await addOfficial(t, 'qtht-practice', 'SYSTEM_ADMIN');
  await addOfficial(t, 'qt-tinh-practice', 'UNIT_ADMIN', PROVINCE);
  await addOfficial(t, 'qt-xa-practice', 'UNIT_ADMIN', COMMUNE);
  system = await sessionOf(t, 'qtht-practice');
  provinceAdmin = await sessionOf(t, 'qt-tinh-practice');
  communeAdmin = await sessionOf(t, 'qt-xa-practice');
});
afterAll(async () => {
  await t?.close();
});

describe('practice settings', () => {
  it('without settings: the defaults, equal to today’s constants, for the province and its communes', async () => {
    const province = await settings(PROVINCE);
    expect(province).toMatchObject({ agency: { code: PROVINCE }, province: { code: PROVINCE }, on: today });
    expect(province.inForce).toEqual(DEFAULTS);
    expect(province.history).toEqual([]);
    // A commune is governed by its province.
    const commune = await settings(COMMUNE);
    expect(commune.province).toEqual({ code: PROVINCE });
    expect(commune.inForce).toEqual(DEFAULTS);
    // The evaluation's bands are the defaults (docs/domain.md §4.2).
    expect(await bandsOf(2026, 1)).toEqual(DEFAULT_BANDS);
  });

  it('refuses, with a stable code at the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, Record<string, string>, string, string[]][] = [
      [
        { agencyCode: PROVINCE, effectiveFrom: yesterday, comparison: 'INSTANT' },
        system,
        'EFFECTIVE_DATE_PAST',
        ['input', 'effectiveFrom'],
      ],
      [
        { agencyCode: COMMUNE, effectiveFrom: tomorrow, comparison: 'INSTANT' },
        system,
        'NOT_A_PROVINCE',
        ['input', 'agencyCode'],
      ],
      [
        { agencyCode: 'KHONG-CO', effectiveFrom: tomorrow, comparison: 'INSTANT' },
        system,
        'NOT_FOUND',
        ['input', 'agencyCode'],
      ],
      // The commune's administrator does not administer the province.
      [
        { agencyCode: PROVINCE, effectiveFrom: tomorrow, comparison: 'INSTANT' },
        communeAdmin,
        'OUT_OF_SCOPE',
        ['input', 'agencyCode'],
      ],
      // No band from 0: a total of 3 would have no band.
      [
        { agencyCode: PROVINCE, effectiveFrom: tomorrow, evaluationBands: DEFAULT_BANDS.slice(0, 4) },
        system,
        'INVALID_SETTING',
        ['input', 'evaluationBands'],
      ],
      // A session that ends before it starts.
      [
        { agencyCode: PROVINCE, effectiveFrom: tomorrow, workingHours: [{ start: '11:30', end: '07:00' }] },
        system,
        'INVALID_SETTING',
        ['input', 'workingHours'],
      ],
      [
        { agencyCode: PROVINCE, effectiveFrom: tomorrow, sameDayCutoff: '25:00' },
        system,
        'INVALID_SETTING',
        ['input', 'sameDayCutoff'],
      ],
      // The defaults again: nothing to change.
      [{ agencyCode: PROVINCE, effectiveFrom: tomorrow, comparison: 'DAY' }, system, 'NOTHING_TO_CHANGE', []],
    ];
    for (const [input, headers, code, field] of cases) {
      const payload = await update(input, headers);
      expect(payload.settings).toBeNull();
      expect(payload.userErrors[0]).toMatchObject({ code });
      if (field.length) expect(payload.userErrors[0]!.field).toEqual(field);
    }
    // Anonymous callers are not administrators at all.
    const anonymous = await t.gql(UPDATE, { input: { agencyCode: PROVINCE, effectiveFrom: tomorrow } });
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    expect((await settings(PROVINCE)).history).toEqual([]);
  });

  it('a setting from tomorrow changes nothing today and applies from tomorrow on', async () => {
    const payload = await update(
      { agencyCode: PROVINCE, effectiveFrom: tomorrow, evaluationBands: STRICT_BANDS, comparison: 'INSTANT' },
      provinceAdmin,
    );
    expect(payload.userErrors).toEqual([]);
    const saved = {
      ...DEFAULTS,
      effectiveFrom: tomorrow,
      evaluationBands: STRICT_BANDS,
      comparison: 'INSTANT',
    };
    expect(payload.settings).toEqual(saved);

    // Today: still the defaults; tomorrow and after: the new settings — for the commune too.
    expect((await settings(PROVINCE, today)).inForce).toEqual(DEFAULTS);
    expect((await settings(PROVINCE, tomorrow)).inForce).toEqual(saved);
    expect((await settings(COMMUNE, addDays(tomorrow, 30))).inForce).toEqual(saved);
    expect((await settings(PROVINCE)).history).toEqual([saved]);

    // The evaluation reads the bands in force on the quarter's last day: the quarter that ended
    // before today keeps the defaults; the current quarter ends after tomorrow, so it has the new ones.
    const current = quarterOf(today);
    const past = previousQuarter(current);
    expect(await bandsOf(past.year, past.quarter)).toEqual(DEFAULT_BANDS);
    const currentEnd = addDays(
      `${current.quarter === 4 ? current.year + 1 : current.year}-${String((current.quarter % 4) * 3 + 1).padStart(2, '0')}-01`,
      -1,
    );
    expect(await bandsOf(current.year, current.quarter)).toEqual(
      currentEnd >= tomorrow ? STRICT_BANDS : DEFAULT_BANDS,
    );

    // The classification uses them: 2+2+2+2+2+1+1+1+0 = 13 verified points on all nine indicators
    // (no dossier, so nothing is computed) is "Tốt" by default (12 ≤ 13) but "Khá" under the strict
    // bands (9 ≤ 13 < 14).
    const scores = [2, 2, 2, 2, 2, 1, 1, 1, 0].map((v, i) => ({ indicator: i + 1, verifiedScore: v }));
    const bandAfterScoring = async ({ year, quarter }: { year: number; quarter: number }) => {
      const res = await t.gql<{
        setEvaluationScores: { evaluation: { total: number; band: { code: string } | null } | null };
      }>(
        `mutation($input: SetEvaluationScoresInput!) { setEvaluationScores(input: $input) {
           evaluation { total band { code } } } }`,
        { input: { agencyCode: COMMUNE, year, quarter, scores } },
        system,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.setEvaluationScores.evaluation;
    };
    expect(await bandAfterScoring(past)).toEqual({ total: 13, band: { code: 'GOOD' } });
    expect(await bandAfterScoring(current)).toEqual({
      total: 13,
      band: { code: currentEnd >= tomorrow ? 'FAIR' : 'GOOD' },
    });
  });

  it('saving the same day again replaces that day’s settings; each change is audited', async () => {
    const payload = await update({ agencyCode: PROVINCE, effectiveFrom: tomorrow, sameDayCutoff: '16:00' });
    expect(payload.userErrors).toEqual([]);
    // The other fields stay as saved for that day.
    expect(payload.settings).toMatchObject({
      sameDayCutoff: '16:00',
      comparison: 'INSTANT',
      evaluationBands: STRICT_BANDS,
    });
    expect((await settings(PROVINCE)).history).toHaveLength(1);

    const log = await t.gql<{
      auditLog: {
        edges: {
          node: {
            action: string;
            entityId: string;
            agency: { code: string } | null;
            who: { username: string | null };
          };
        }[];
      };
    }>(
      `{ auditLog(first: 10, filter: { action: "practice-settings" }) {
         edges { node { action entityId agency { code } who { username } } } } }`,
      {},
      system,
    );
    expect(log.errors).toBeUndefined();
    // Newest first: the system administrator's change, then the province administrator's.
    expect(log.data!.auditLog.edges.map((e) => e.node)).toEqual([
      {
        action: 'practice-settings.update',
        entityId: `${PROVINCE}/${tomorrow}`,
        agency: { code: PROVINCE },
        who: { username: 'qtht-practice' },
      },
      {
        action: 'practice-settings.update',
        entityId: `${PROVINCE}/${tomorrow}`,
        agency: { code: PROVINCE },
        who: { username: 'qt-tinh-practice' },
      },
    ]);
  });
});

describe('the comparison and working hours in force at reception', () => {
  // Khánh Hòa's settings are set for a past day through the service with its clock moved back to
  // 1/8/2025 (the API itself refuses a day in the past), then dossiers of that time are ingested.
  it('a dossier received from the day of INSTANT is compared by instant; one received before, by day', async () => {
    await updatePracticeSettings(
      t.api.services.prisma,
      { agencyCode: PROVINCE, effectiveFrom: '2025-09-01', granularity: 'instant' },
      { actor: 'TEST', reach: EVERYWHERE, userId: null },
      '2025-08-01',
    );
    const P1 = '1.004873'; // 3 working days: received Mon 08:00, due Thu 08:00
    await ingestAll(t, await keyFor(t, 'INGEST'), [
      // Received Mon 4/8/2025 (by day then): due Thu 7/8 08:00, resolved Thu 7/8 10:00 → ON_TIME
      // (the due day).
      ...dossierEvents('GR-1', COMMUNE, P1, 'IN_PERSON', [
        ['RECEIVED', '2025-08-04T08:00'],
        ['RESOLVED', '2025-08-07T10:00'],
      ]),
      // Received Mon 8/9/2025 (by instant from 1/9): due Thu 11/9 08:00, resolved Thu 11/9 10:00 →
      // LATE, two hours after the due instant (by day it would be on time).
      ...dossierEvents('GR-2', COMMUNE, P1, 'IN_PERSON', [
        ['RECEIVED', '2025-09-08T08:00'],
        ['RESOLVED', '2025-09-11T10:00'],
      ]),
    ]);
    const figures = async (from: string, to: string) => {
      const res = await t.gql<{ stats: Record<string, number> }>(
        `query($p: PeriodInput!) { stats(scope: { agencyCode: "${COMMUNE}" }, period: $p) { finished early onTime late } }`,
        { p: { from, to } },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.stats;
    };
    expect(await figures('2025-08-01', '2025-08-31')).toEqual({ finished: 1, early: 0, onTime: 1, late: 0 });
    expect(await figures('2025-09-01', '2025-09-30')).toEqual({ finished: 1, early: 0, onTime: 0, late: 1 });
    // From 1/10/2025 the province works 07:30–11:30 and 13:00–17:00 (240 + 240 = 480 minutes).
    await updatePracticeSettings(
      t.api.services.prisma,
      {
        agencyCode: PROVINCE,
        effectiveFrom: '2025-10-01',
        workingHours: [
          [450, 690],
          [780, 1020],
        ],
      },
      { actor: 'TEST', reach: EVERYWHERE, userId: null },
      '2025-09-15',
    );
    // Received Mon 6/10/2025 07:15, 3 working days = 1,440 working minutes.
    // Default hours: Mon 07:15–11:30 (255) + 13:30–17:00 (210) = 465; Tue 945; Wed 1,425; the last
    // 15 minutes on Thu 07:00–07:15 → due Thu 9/10 07:15.
    // The province's hours: counting starts 07:30; 480 a day → 1,440 at Wed 8/10 17:00.
    const due = async (agencyCode?: string) => {
      const res = await t.gql<{ dueDate: string }>(
        `query($a: String) { dueDate(procedureCode: "${P1}", channel: IN_PERSON, receivedAt: "2025-10-06T07:15:00+07:00", agencyCode: $a) }`,
        { a: agencyCode },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.dueDate;
    };
    expect(await due()).toBe('2025-10-09T07:15:00+07:00');
    expect(await due(COMMUNE)).toBe('2025-10-08T17:00:00+07:00');
    // Resolved Thu 9/10 07:10: on the default due day (on time), but after the province's due date
    // (Wed 17:00) → LATE.
    await ingestAll(t, await keyFor(t, 'INGEST'), [
      ...dossierEvents('GR-3', COMMUNE, P1, 'IN_PERSON', [
        ['RECEIVED', '2025-10-06T07:15'],
        ['RESOLVED', '2025-10-09T07:10'],
      ]),
    ]);
    expect(await figures('2025-10-01', '2025-10-31')).toEqual({ finished: 1, early: 0, onTime: 0, late: 1 });
    // The dossiers received before keep the hours of their reception: August and September unchanged.
    expect(await figures('2025-08-01', '2025-08-31')).toEqual({ finished: 1, early: 0, onTime: 1, late: 0 });

    // The calendar-change preview folds an open dossier on its province's hours too. Received Mon
    // 13/10/2025 07:15, still open, 3 working days. Province hours (from 07:30, 480 a day): Mon 480,
    // Tue 960, Wed 1,440 → due Wed 15/10 17:00. With Wed 15/10 made a holiday: Mon 480, Tue 960,
    // Thu 1,440 → Thu 16/10 17:00. (On the default hours it would be Thu 07:15 → Fri 07:15.)
    await ingestAll(t, await keyFor(t, 'INGEST'), [
      ...dossierEvents('GR-4', COMMUNE, P1, 'IN_PERSON', [['RECEIVED', '2025-10-13T07:15']]),
    ]);
    const moved = await previewCalendarChange(t.api.services, {
      days: [{ date: '2025-10-15', working: false, note: 'Thử' }],
    });
    expect(moved.examples.find((e) => e.dossierCode === 'GR-4')).toMatchObject({
      dueBefore: new Date('2025-10-15T17:00:00+07:00'),
      dueAfter: new Date('2025-10-16T17:00:00+07:00'),
    });

    // The rollups rebuilt from the stored dossiers equal the incremental ones.
    const pool = t.api.services.db.pool;
    const incremental = await rollupSnapshot(pool);
    await rebuildRollups(pool);
    expect(await rollupSnapshot(pool)).toEqual(incremental);
  });
});
