// Query.lateDossiers over real HTTP: the dossiers behind ServiceStats.lateOpen, for officials and keys
// who may read dossiers, within their subtree. Expected lists worked out by hand from the fixtures
// of tests/support/dashboard-fixtures.ts (due dates there; late open = unfinished on the day and due
// before it, docs/domain.md §3.9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import {
  A,
  B,
  ingestAll,
  loadDashboardFixtures,
  P1,
  P2,
  PROVINCE,
  RATING_CONFIG,
} from '../support/dashboard-fixtures.ts';
import { at, dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let admin: Record<string, string>;
let viewerA: Record<string, string>;

beforeAll(async () => {
  t = await startSeededApi(0, RATING_CONFIG);
  await loadDashboardFixtures(t, await keyFor(t, 'INGEST'));
  await addOfficial(t, 'qtht-late', 'SYSTEM_ADMIN');
  await addOfficial(t, 'xem-a', 'VIEWER', A);
  admin = await sessionOf(t, 'qtht-late');
  viewerA = await sessionOf(t, 'xem-a');
});
afterAll(async () => {
  await t?.close();
});

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: {
    node: { code: string; agency: { code: string }; procedure: { code: string }; workingDaysOverdue: number };
  }[];
}

const nodes = (page: Page) => page.edges.map((e) => e.node);

const QUERY = `query($scope: StatsScope!, $asOf: Date, $first: Int, $after: String) {
  lateDossiers(scope: $scope, asOf: $asOf, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { code agency { code } procedure { code } workingDaysOverdue } } } }`;

async function late(
  headers: Record<string, string> | undefined,
  scope: Record<string, string>,
  asOf?: string,
  page: { first?: number; after?: string | null } = {},
) {
  return t.gql<{ lateDossiers: Page }>(QUERY, { scope, asOf, ...page }, headers);
}

async function codes(headers: Record<string, string>, scope: Record<string, string>, asOf?: string) {
  const res = await late(headers, scope, asOf);
  expect(res.errors).toBeUndefined();
  return nodes(res.data!.lateDossiers)
    .map((n) => n.code)
    .sort();
}

describe('lateDossiers', () => {
  it('lists the dossiers of the scope open and past due on the day', async () => {
    // Sat 31/10: A4 (due 22/10), B2 (due 29/10), B3 (due 30/10); B4 is due 3/11.
    expect(await codes(admin, { agencyCode: PROVINCE }, '2026-10-31')).toEqual(['DB-A4', 'DB-B2', 'DB-B3']);
    // Thu 22/10, A4's due day: not yet late (by day). Fri 23/10: late.
    expect(await codes(admin, { agencyCode: A }, '2026-10-22')).toEqual([]);
    expect(await codes(admin, { agencyCode: A }, '2026-10-23')).toEqual(['DB-A4']);
    // Mon 12/10: A2 ended Fri 9/10; A5 (due 8/10, resolved 13/10) was still open and late.
    expect(await codes(admin, { agencyCode: A }, '2026-10-12')).toEqual(['DB-A5']);
    // Wed 4/11: B4 (due 3/11) joins the three of 31/10.
    expect(await codes(admin, { agencyCode: PROVINCE }, '2026-11-04')).toEqual([
      'DB-A4',
      'DB-B2',
      'DB-B3',
      'DB-B4',
    ]);
    // A procedure in the scope: P1 on 31/10, only B2.
    expect(await codes(admin, { agencyCode: PROVINCE, procedureCode: P1 }, '2026-10-31')).toEqual(['DB-B2']);
  });

  it('counts what stats counts as lateOpen for a period ending that day', async () => {
    for (const [to, scope] of [
      ['2026-10-31', { agencyCode: PROVINCE }],
      ['2026-11-04', { agencyCode: PROVINCE }],
      ['2026-10-12', { agencyCode: A }],
      ['2026-10-31', { agencyCode: B, procedureCode: P2 }],
    ] as const) {
      const stats = await t.gql<{ stats: { lateOpen: number; asOf: string } }>(
        `query($scope: StatsScope!, $period: PeriodInput!) { stats(scope: $scope, period: $period) { lateOpen asOf } }`,
        { scope, period: { from: '2026-10-01', to } },
      );
      const list = await late(admin, scope, stats.data!.stats.asOf);
      expect(list.data!.lateDossiers.totalCount).toBe(stats.data!.stats.lateOpen);
    }
  });

  it('tells how many working days a dossier was past due', async () => {
    // A5: due Thu 8/10 08:00, resolved Tue 13/10 10:00. Working minutes in between: Thu 08:00–11:30
    // and 13:30–17:00 = 420, Fri 480, Mon 480, Tue 07:00–10:00 = 180 → 1,560 = 3.25 working days,
    // given to one decimal: 3.3.
    const res = await late(admin, { agencyCode: A }, '2026-10-12');
    expect(nodes(res.data!.lateDossiers)).toEqual([
      { code: 'DB-A5', agency: { code: A }, procedure: { code: P1 }, workingDaysOverdue: 3.3 },
    ]);
  });

  it('gives the due date overdue is judged against beside the one an apology set', async () => {
    // Received Mon 2/11 with due Thu 5/11 17:00; on Fri 6/11 an apology (phiếu xin lỗi) tells the
    // citizen Fri 20/11 17:00. The apology moves dueAt, never timelinessDueAt (docs/domain.md §3.7),
    // so on Tue 10/11 the dossier is late open against 5/11 while the citizen's date is later.
    // Nothing else of the fixtures is received in November, so the other lists do not change.
    await ingestAll(t, await keyFor(t, 'INGEST'), [
      ...dossierEvents('DB-APOLOGY', A, P2, 'IN_PERSON', [
        ['RECEIVED', '2026-11-02T08:00', { dueAt: at('2026-11-05T17:00') }],
        ['PROCESSING', '2026-11-06T09:00', { dueAt: at('2026-11-20T17:00'), apologyRef: 'PXL-01' }],
      ]),
    ]);
    const res = await t.gql<{
      lateDossiers: { edges: { node: { code: string; dueAt: string; timelinessDueAt: string } }[] };
    }>(
      `query { lateDossiers(scope: { agencyCode: "${A}" }, asOf: "2026-11-10") {
        edges { node { code dueAt timelinessDueAt } } } }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.lateDossiers.edges.map((e) => e.node).find((n) => n.code === 'DB-APOLOGY')).toEqual({
      code: 'DB-APOLOGY',
      dueAt: '2026-11-20T17:00:00+07:00',
      timelinessDueAt: '2026-11-05T17:00:00+07:00',
    });
  });

  it('pages by cursor without losing or repeating a dossier', async () => {
    const first = await late(admin, { agencyCode: PROVINCE }, '2026-11-04', { first: 3 });
    expect(first.data!.lateDossiers.totalCount).toBe(4);
    expect(nodes(first.data!.lateDossiers)).toHaveLength(3);
    expect(first.data!.lateDossiers.pageInfo.hasNextPage).toBe(true);
    const second = await late(admin, { agencyCode: PROVINCE }, '2026-11-04', {
      first: 3,
      after: first.data!.lateDossiers.pageInfo.endCursor,
    });
    expect(nodes(second.data!.lateDossiers)).toHaveLength(1);
    expect(second.data!.lateDossiers.pageInfo.hasNextPage).toBe(false);
    const all = [...nodes(first.data!.lateDossiers), ...nodes(second.data!.lateDossiers)].map((n) => n.code);
    expect(all.sort()).toEqual(['DB-A4', 'DB-B2', 'DB-B3', 'DB-B4']);
    const foreign = await late(admin, { agencyCode: PROVINCE }, '2026-11-04', { after: 'QWdlbmN5OjE=' });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });

  it('shows a commune viewer its own commune only', async () => {
    expect(await codes(viewerA, { agencyCode: A }, '2026-10-31')).toEqual(['DB-A4']);
    // Without an agency: the viewer's subtree only (B2 and B3 are B's).
    expect(await codes(viewerA, {}, '2026-10-31')).toEqual(['DB-A4']);
    expect(await codes(viewerA, { procedureCode: P1 }, '2026-10-31')).toEqual([]);
    // Another commune, or the province above it: refused, as a private read outside the subtree.
    for (const agencyCode of [B, PROVINCE]) {
      const res = await late(viewerA, { agencyCode }, '2026-10-31');
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
  });

  it('needs a session or a read key', async () => {
    const anonymous = await late(undefined, { agencyCode: A });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const ingestOnly = await late(await keyFor(t, 'INGEST'), { agencyCode: A });
    expect(ingestOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await codes(await keyFor(t, 'READ'), { agencyCode: B }, '2026-10-31')).toEqual(['DB-B2', 'DB-B3']);
  });

  it('judges a day after today on today, and refuses an unknown agency', async () => {
    // A future day is judged today, as stats judges a period that has not ended.
    const today = await t.gql<{ stats: { asOf: string; lateOpen: number } }>(
      `query { stats(scope: { agencyCode: "${PROVINCE}" }, period: { from: "2026-10-01", to: "2035-12-31" }) { asOf lateOpen } }`,
    );
    const far = await late(admin, { agencyCode: PROVINCE }, '2035-12-31');
    expect(far.data!.lateDossiers.totalCount).toBe(today.data!.stats.lateOpen);
    const unknown = await late(admin, { agencyCode: '99999' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
