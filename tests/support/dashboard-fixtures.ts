// A few dossiers of two communes and two procedures in October 2026, with known outcomes, for the
// dashboard's figures (statsBreakdown, lateDossiers, the dashboard pages). Every outcome is worked
// out by hand below; the tests that use them count their expected figures from these comments.
import { expect } from 'vitest';
import type { TestApi } from './api.ts';
import { type DossierEventInput, dossierEvents } from './dossier-events.ts';

export const PROVINCE = '56'; // Tỉnh Khánh Hòa (from 1/7/2025)
export const A = '22870'; // Xã Ninh Phước
export const B = '22873'; // Xã Phước Hậu
/** Xã Phước Hậu before 1/7/2025, merged into B (a code of its own, 22879). */
export const FORMER_B = '22879';
export const P1 = '1.004873'; // xác nhận tình trạng hôn nhân: 3 working days, sector "Hộ tịch"
export const P2 = '1.004194'; // đăng ký tạm trú: 3 working days, sector "Đăng ký, quản lý cư trú"
export const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

// Working hours Mon–Fri 07:00–11:30, 13:30–17:00; 3 working days from Mon 08:00 is Thu 08:00.
// Timeliness is judged by day (docs/domain.md §3.8): resolved before the due day EARLY, on it
// ON_TIME, after it LATE. Open on Sat 31/10 (October's asOf) and due before that day: late open.
const done = (
  code: string,
  agency: string,
  procedure: string,
  channel: string,
  received: string,
  resolved: string,
) =>
  dossierEvents(code, agency, procedure, channel, [
    ['RECEIVED', received],
    ['RESOLVED', resolved],
  ]);
const open = (code: string, agency: string, procedure: string, channel: string, received: string) =>
  dossierEvents(code, agency, procedure, channel, [['RECEIVED', received]]);

export const FIXTURES: DossierEventInput[] = [
  // A — received Mon 5/10 08:00, due Thu 8/10 08:00.
  ...done('DB-A1', A, P1, 'IN_PERSON', '2026-10-05T08:00', '2026-10-07T10:00'), // EARLY; rated very satisfied
  ...done('DB-A2', A, P1, 'ONLINE', '2026-10-05T08:00', '2026-10-09T10:00'), // LATE; rated dissatisfied
  ...done('DB-A3', A, P2, 'IN_PERSON', '2026-10-05T08:00', '2026-10-08T16:00'), // ON_TIME (on the due day)
  // Received Mon 19/10, due Thu 22/10 08:00, never finished: late open from Fri 23/10.
  ...open('DB-A4', A, P2, 'IN_PERSON', '2026-10-19T08:00'),
  // Due Thu 8/10 08:00, resolved Tue 13/10 10:00: LATE, overdue on 9/10–12/10.
  ...done('DB-A5', A, P1, 'IN_PERSON', '2026-10-05T08:00', '2026-10-13T10:00'),
  // B
  ...done('DB-B1', B, P1, 'IN_PERSON', '2026-10-05T08:00', '2026-10-08T10:00'), // ON_TIME; rated satisfied
  ...open('DB-B2', B, P1, 'IN_PERSON', '2026-10-26T08:00'), // due Thu 29/10 08:00: late open on 31/10
  ...open('DB-B3', B, P2, 'ONLINE', '2026-10-27T08:00'), // due Fri 30/10 08:00: late open on 31/10
  ...open('DB-B4', B, P2, 'IN_PERSON', '2026-10-29T08:00'), // due Tue 3/11 08:00: in time on 31/10
  // The province's own desk: received Mon 5/10, resolved Wed 7/10: EARLY.
  ...done('DB-S1', PROVINCE, P2, 'IN_PERSON', '2026-10-05T08:00', '2026-10-07T09:00'),
  // The former xã Phước Hậu, June 2025: received Mon 2/6, due Thu 5/6, resolved Wed 4/6: EARLY.
  ...done('DB-F1', FORMER_B, P1, 'IN_PERSON', '2025-06-02T08:00', '2025-06-04T10:00'),
];

export const RATINGS: [string, string][] = [
  ['DB-A1', 'VERY_SATISFIED'],
  ['DB-A2', 'DISSATISFIED'],
  ['DB-B1', 'SATISFIED'],
];

/** Config of a test API that issues rating links (ratingLink) and trusts X-Forwarded-For. */
export const RATING_CONFIG = {
  ratingSecret: 'dashboard-test-secret-'.padEnd(64, 'x'),
  ratingTokenDays: 3650,
  trustProxy: true,
};

let ip = 0;

/** Rates a finished dossier as its applicant would, through the API. */
export async function rate(t: TestApi, ingest: Record<string, string>, code: string, level: string) {
  const link = await t.gql<{ ratingLink: { token: string } }>(
    `mutation($code: String!) { ratingLink(dossierCode: $code) { token } }`,
    { code },
    ingest,
  );
  const res = await t.gql<{ submitRating: { ok: boolean } }>(
    `mutation($input: SubmitRatingInput!) { submitRating(input: $input) { ok error { code } } }`,
    { input: { dossierCode: code, token: link.data!.ratingLink.token, level } },
    { 'x-forwarded-for': `203.0.113.${++ip}` },
  );
  expect(res.data!.submitRating.ok).toBe(true);
}

/** Records `events` through recordDossierEvents and checks that every one was accepted. */
export async function ingestAll(t: TestApi, ingest: Record<string, string>, events: DossierEventInput[]) {
  const res = await t.gql<{ recordDossierEvents: { accepted: number; errors: unknown[] } }>(
    `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted errors { index code message } } }`,
    { events },
    ingest,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.recordDossierEvents).toEqual({ accepted: events.length, errors: [] });
}

/** The fixtures ingested and rated. */
export async function loadDashboardFixtures(t: TestApi, ingest: Record<string, string>) {
  await ingestAll(t, ingest, FIXTURES);
  for (const [code, level] of RATINGS) await rate(t, ingest, code, level);
}
