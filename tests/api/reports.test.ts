// Issue 11 "Reports": the periodic report of an agency subtree (Query.agencyReport; docs/api.md
// "Reports"). Figures of a small ingested case (tests/support/report-case.ts) computed by hand, the
// same figures as the API's own queries (stats, index766, oneStopEvaluation) for the same scope, and
// who may read it: officials and read keys of the subtree only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import {
  A,
  B,
  C,
  ingestReportCase,
  PROVINCE,
  Q1,
  REPORT_QUERY,
  type ReportOfficials,
  type ReportTableData,
  rowOf,
  TTHN,
  totalRowOf,
} from '../support/report-case.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let officials: ReportOfficials;

/** The PAR INDEX row of the on-time share (services/reports/par-index.ts). */
const PAR_ON_TIME = 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn';

interface Report {
  agencyCode: string;
  from: string;
  to: string;
  year: number;
  quarters: number[];
  parts: string[];
  tables: ReportTableData[];
}

async function report(code: string, period: { from: string; to: string }, headers: Record<string, string>) {
  const res = await t.gql<{ agencyReport: Report }>(REPORT_QUERY, { code, period }, headers);
  return res;
}

async function provinceReport(): Promise<Report> {
  const res = await report(PROVINCE, Q1, officials.monitor);
  expect(res.errors).toBeUndefined();
  return res.data!.agencyReport;
}

const table = (r: Report, id: string) => {
  const found = r.tables.find((x) => x.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};

beforeAll(async () => {
  t = await startSeededApi(0);
  officials = await ingestReportCase(t);
  // Self-scored by the commune's officer, verified by an administrator: indicator 5 of A in Q1.
  const set = `mutation($input: SetEvaluationScoresInput!) { setEvaluationScores(input: $input) { userErrors { code } } }`;
  const self = await t.gql<{ setEvaluationScores: { userErrors: unknown[] } }>(
    set,
    { input: { agencyCode: A, year: 2026, quarter: 1, scores: [{ indicator: 5, selfScore: 2 }] } },
    officials.communeA,
  );
  expect(self.errors ?? self.data!.setEvaluationScores.userErrors).toEqual([]);
  const verified = await t.gql<{ setEvaluationScores: { userErrors: unknown[] } }>(
    set,
    { input: { agencyCode: A, year: 2026, quarter: 1, scores: [{ indicator: 5, verifiedScore: 1 }] } },
    await keyFor(t, 'ADMIN'),
  );
  expect(verified.errors ?? verified.data!.setEvaluationScores.userErrors).toEqual([]);
  // A reform task of commune A due 20/3/2026, never started: overdue on any day after that.
  const task = await t.gql<{ createReformTask: { userErrors: unknown[] } }>(
    `mutation($input: CreateReformTaskInput!) { createReformTask(input: $input) { userErrors { code message } } }`,
    {
      input: {
        year: 2026,
        title: 'Rà soát, đơn giản hóa thủ tục hành chính cấp xã',
        document: 'Kế hoạch 3941/KH-UBND',
        agencyCode: A,
        deadline: '2026-03-20',
      },
    },
    officials.monitor,
  );
  expect(task.errors ?? task.data!.createReformTask.userErrors).toEqual([]);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the province report for Q1 2026', () => {
  it('has every part and table, each with its source', async () => {
    const r = await provinceReport();
    expect(r).toMatchObject({ agencyCode: PROVINCE, from: Q1.from, to: Q1.to, year: 2026, quarters: [1] });
    expect(r.parts).toHaveLength(6);
    expect(r.tables.map((x) => x.id)).toEqual([
      'don-vi',
      'linh-vuc',
      'hai-long',
      'chi-so-766',
      'danh-gia-tong',
      'danh-gia-chi-tiet',
      'nhiem-vu',
      'par-index',
    ]);
    expect(table(r, 'chi-so-766').source).toContain('766/QĐ-TTg');
    expect(table(r, 'hai-long').source).toContain('2640/QĐ-BNV');
    expect(table(r, 'danh-gia-tong').source).toContain('61/2018/NĐ-CP');
    expect(table(r, 'par-index').source).toContain('876/QĐ-BNV');
  });

  it('processing by unit: the hand-counted figures of each commune and the total', async () => {
    const units = table(await provinceReport(), 'don-vi');
    // A: received A1–A5 (5); finished in March A1–A4 (4): early A1, on time A2 and the withdrawn A4,
    // late A3 → on-time rate (1 + 2) / 4 = 0.75; A5 is open but not due until 2/4: not late-open.
    expect(rowOf(units, A)).toMatchObject({
      received: 5,
      finished: 4,
      early: 1,
      onTime: 2,
      late: 1,
      onTimeRate: 0.75,
      lateOpen: 0,
      withdrawn: 1,
      refused: 0,
    });
    // B: two received, both early → 2 / 2 = 1.
    expect(rowOf(units, B)).toMatchObject({ received: 2, finished: 2, early: 2, onTimeRate: 1, lateOpen: 0 });
    // C: three received, C1 early, C2 on time (2 / 2 = 1); C3 due 19/3 and open on 31/3: late-open.
    expect(rowOf(units, C)).toMatchObject({ received: 3, finished: 2, early: 1, onTime: 1, lateOpen: 1 });
    // Total: 5 + 2 + 3 = 10 received; 4 + 2 + 2 = 8 finished; early 1 + 2 + 1 = 4, on time 2 + 0 + 1 = 3,
    // late 1 → (4 + 3) / 8 = 0.875.
    expect(totalRowOf(units)).toMatchObject({
      received: 10,
      finished: 8,
      early: 4,
      onTime: 3,
      late: 1,
      onTimeRate: 0.875,
      lateOpen: 1,
      withdrawn: 1,
    });
    // Only the three communes with dossiers have a row, and the total.
    expect(units.rows).toHaveLength(4);
  });

  it('the totals equal the API’s stats for the same scope; the sector table too', async () => {
    const r = await provinceReport();
    const res = await t.gql<{ stats: Record<string, number | null> }>(
      `query($period: PeriodInput!) { stats(scope: { agencyCode: "${PROVINCE}" }, period: $period) {
         received finished early onTime late onTimeRate lateOpen medianProcessingWorkingDays p90ProcessingWorkingDays } }`,
      { period: Q1 },
    );
    const s = res.data!.stats;
    for (const id of ['don-vi', 'linh-vuc']) {
      expect(totalRowOf(table(r, id))).toMatchObject({
        received: s.received,
        finished: s.finished,
        onTimeRate: s.onTimeRate,
        lateOpen: s.lateOpen,
        medianDays: s.medianProcessingWorkingDays,
        p90Days: s.p90ProcessingWorkingDays,
      });
    }
    // Every dossier is of one procedure, hence one sector row holding all ten, named by the sector's
    // Vietnamese name (Sector.name), its slug code nowhere in the table.
    const sectors = table(r, 'linh-vuc');
    expect(sectors.rows.filter((x) => !x.total)).toHaveLength(1);
    const proc = await t.gql<{ procedure: { sector: { code: string; name: string } } }>(
      `{ procedure(code: "${TTHN}") { sector { code name } } }`,
    );
    const sector = proc.data!.procedure.sector;
    expect(sectors.columns.map((c) => c.key).slice(0, 2)).toEqual(['name', 'received']);
    expect(rowOf(sectors, sector.name)).toMatchObject({ name: sector.name, received: 10 });
    expect(sectors.rows.flatMap((x) => x.cells.map((c) => c.text))).not.toContain(sector.code);
  });

  it('the Decision 766 indicators are those of Query.index766', async () => {
    const r = await provinceReport();
    const res = await t.gql<{
      index766: {
        total: number | null;
        indicators: { id: string; numerator: number; denominator: number; score: number | null }[];
      };
    }>(
      `query($period: PeriodInput!) { index766(agencyCode: "${PROVINCE}", period: $period) { total indicators { id numerator denominator score } } }`,
      { period: Q1 },
    );
    const indicators = table(r, 'chi-so-766');
    for (const i of res.data!.index766.indicators) {
      expect(rowOf(indicators, i.id)).toMatchObject({
        numerator: i.numerator,
        denominator: i.denominator,
        score: i.score,
      });
    }
    // 3.3, the online share: all ten dossiers came in person → 0 of 10.
    expect(rowOf(indicators, '3.3')).toMatchObject({ numerator: 0, denominator: 10 });
  });

  it('the 9-indicator evaluation per unit: computed, self-scored and verified side by side', async () => {
    const r = await provinceReport();
    const totals = table(r, 'danh-gia-tong');
    // The province and the three communes with dossiers, for the one quarter.
    expect(totals.rows.map((x) => x.cells[0]!.text)).toEqual([PROVINCE, A, B, C]);
    const detail = table(r, 'danh-gia-chi-tiet');
    expect(detail.rows).toHaveLength(4 * 9);
    const indicator = (unit: string, n: number) => {
      const row = detail.rows.find((x) => x.cells[0]!.text === unit && x.cells[3]!.number === n)!;
      return Object.fromEntries(
        detail.columns.map((c, i) => [c.key, row.cells[i]!.number ?? row.cells[i]!.text]),
      );
    };
    // A: one dossier longer than the limit → indicator 1 computed 0; B all shorter → 2; C shorter and
    // equal → 1 (Circular 01/2018: 0 with any longer, 2 with all shorter, else 1).
    expect(indicator(A, 1)).toMatchObject({ computedScore: 0, effectiveScore: 0 });
    expect(indicator(B, 1)).toMatchObject({ computedScore: 2, effectiveScore: 2 });
    expect(indicator(C, 1)).toMatchObject({ computedScore: 1, effectiveScore: 1 });
    // Indicator 5 of A: self-scored 2, verified 1 → the verified score counts.
    expect(indicator(A, 5)).toMatchObject({
      selfScore: 2,
      verifiedScore: 1,
      computedScore: null,
      effectiveScore: 1,
    });
    // Indicators 3 and 4 from supplement requests (docs/domain.md §4.2): A1–A3 needed none → 2 and 2.
    expect(indicator(A, 3)).toMatchObject({ computedScore: 2, effectiveScore: 2 });
    expect(indicator(A, 4)).toMatchObject({ computedScore: 2, effectiveScore: 2 });
    // A's total: 0 (1) + 0 (2) + 2 (3) + 2 (4) + 1 (5) = 5 of five scored indicators; no band until all nine.
    expect(rowOf(totals, A)).toMatchObject({
      quarter: 'Quý I',
      total: 5,
      scored: 5,
      maxScore: 18,
      band: null,
    });
    // The same as Query.oneStopEvaluation.
    const res = await t.gql<{ oneStopEvaluation: { total: number; scored: number } }>(
      `{ oneStopEvaluation(agencyCode: "${A}", year: 2026, quarter: 1) { total scored } }`,
    );
    expect(res.data!.oneStopEvaluation).toEqual({ total: 5, scored: 5 });
  });

  it('the reform programme’s tasks with their standing', async () => {
    const tasks = table(await provinceReport(), 'nhiem-vu');
    // The demo seed has tasks of its own; this one is found by its title.
    expect(rowOf(tasks, 'Rà soát, đơn giản hóa thủ tục hành chính cấp xã', 2)).toMatchObject({
      code: A,
      title: 'Rà soát, đơn giản hóa thủ tục hành chính cấp xã',
      document: 'Kế hoạch 3941/KH-UBND',
      deadline: '2026-03-20',
      progress: 0,
      standing: 'Quá hạn, chưa hoàn thành',
    });
  });

  it('the PAR INDEX inputs: value, numerator and denominator, and what they feed', async () => {
    const par = table(await provinceReport(), 'par-index');
    // Rows found by their Vietnamese content (column 1); the first column numbers them 1, 2, 3…
    const row = (name: string) => rowOf(par, name, 1);
    // On time: (early 4 + on time 3) / finished 8.
    const onTime = row(PAR_ON_TIME);
    expect(onTime).toMatchObject({ order: 2, value: 0.875, numerator: 7, denominator: 8 });
    expect(String(onTime.criterion)).toContain('Cải cách thủ tục hành chính');
    // Received online: 0 of 10; satisfaction: no rating yet → no value (not 0).
    expect(row('Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến')).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 10,
    });
    expect(
      row('Tỷ lệ người dân, doanh nghiệp hài lòng với việc giải quyết thủ tục hành chính'),
    ).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(par.rows.every((x) => x.format === 'PERCENT')).toBe(true);
    expect(par.rows.map((x) => x.cells[0]!.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('no internal code as text: the PAR INDEX and SIPAS tables show words, not PAR-DUNG-HAN or PHIEU', async () => {
    const r = await provinceReport();
    for (const id of ['par-index', 'hai-long']) {
      const part = table(r, id);
      expect(part.columns.map((c) => c.header)).not.toContain('Mã');
      const texts = part.rows.flatMap((x) => x.cells.map((c) => c.text ?? ''));
      // An internal id: capitals joined by hyphens (PAR-DUNG-HAN, CHUOI-1) or a bare PHIEU, SIPAS, HAI-LONG.
      expect(texts.filter((x) => /^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(x))).toEqual([]);
    }
  });

  it('the two on-time rates say what each counts: Part 1 and PAR INDEX vs Decision 766 indicator 2.1', async () => {
    const r = await provinceReport();
    for (const id of ['don-vi', 'linh-vuc', 'par-index']) {
      expect(table(r, id).note).toContain('chỉ tiêu 2.1 của Quyết định 766/QĐ-TTg');
      expect(table(r, id).note).toContain('hồ sơ đã giải quyết trong kỳ');
    }
    expect(table(r, 'chi-so-766').note).toContain('Chỉ tiêu 2.1 tính trên hồ sơ tiếp nhận trong kỳ');
    expect(table(r, 'chi-so-766').note).toContain('khác tỷ lệ đúng hạn ở Phần 1');
  });
});

describe('who may read it', () => {
  it('a commune’s official reads its commune, with its own figures only', async () => {
    const res = await report(A, Q1, officials.communeA);
    expect(res.errors).toBeUndefined();
    const units = table(res.data!.agencyReport, 'don-vi');
    expect(totalRowOf(units)).toMatchObject({ received: 5, finished: 4, onTimeRate: 0.75 });
  });

  it('refuses another commune and the province to a commune’s official, and anyone anonymous', async () => {
    for (const code of [B, PROVINCE]) {
      const res = await report(code, Q1, officials.communeA);
      expect(res.data?.agencyReport ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await report(A, Q1, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a read key of the province reads it; an unknown agency is NOT_FOUND', async () => {
    const ok = await report(PROVINCE, Q1, await keyFor(t, 'READ'));
    expect(ok.errors).toBeUndefined();
    const unknown = await report('99999', Q1, officials.monitor);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the period', () => {
  it('whole quarters of one year: a half-year has two quarters', async () => {
    const res = await report(A, { from: '2026-07-01', to: '2026-12-31' }, officials.communeA);
    expect(res.errors).toBeUndefined();
    expect(res.data!.agencyReport.quarters).toEqual([3, 4]);
  });

  it('anything else is INVALID_PERIOD, before any figure is read', async () => {
    for (const period of [
      { from: '2026-01-15', to: '2026-03-31' }, // starts inside a quarter
      { from: '2026-01-01', to: '2026-05-31' }, // ends inside one
      { from: '2026-04-01', to: '2026-03-31' }, // ends before it starts
      { from: '2025-10-01', to: '2026-03-31' }, // across two years
    ]) {
      const res = await report(A, period, officials.communeA);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(period)).toBe('INVALID_PERIOD');
    }
  });
});
