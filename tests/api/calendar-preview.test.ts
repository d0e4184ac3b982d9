// calendarChangePreview: which open dossiers' due dates a calendar change would move, before the
// official confirms it; and updateCalendarDays removing an exception. Over HTTP, on a seeded
// catalogue and calendar with a handful of scripted dossiers whose due dates are worked out by hand.
//
// The rule (docs/domain.md §3.2–§3.3): Monday–Friday 07:00–11:30 (270 minutes) and 13:30–17:00
// (210 minutes) are working time, 480 minutes a day;
// a limit in WORKING_DAYS is n × 480 working minutes from reception, due at the first instant they
// have elapsed; a limit in DAYS ends on reception day + n at 17:00, or on the next working day when
// that day is off; a same-day procedure received after its 15:00 cut-off is due at the end of the
// next working day (§2.3); a supplement request pauses the clock and the due date moves by the
// working time paused (§3.6). November–December 2026 has no holiday in the seeded calendar.
// Fri 20/11, Mon 23/11 … Fri 27/11, Sat 28/11, Sun 29/11, Mon 30/11, Tue 1/12, Wed 2/12.
import { createApiKey } from '@tthc/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

const AGENCY = '22870'; // xã Ninh Phước (since 1/7/2025)
const WORKING_DAYS_3 = '1.004873'; // xác nhận tình trạng hôn nhân: 3 working days on every channel
const SAME_DAY = '1.001193'; // đăng ký khai sinh: same day, 15:00 cut-off
const DAYS_10 = '3.000333'; // cấp phiếu lý lịch tư pháp: 10 days

const PREVIEW = `query($input: UpdateCalendarDaysInput!) {
  calendarChangePreview(input: $input) {
    turnedDays movedDossiers movedLater movedEarlier suppliedDueDates
    examples { dossierCode procedureCode procedureName agencyCode receivedAt dueBefore dueAfter }
    userErrors { field code message }
  } }`;
const UPDATE = `mutation($input: UpdateCalendarDaysInput!) {
  updateCalendarDays(input: $input) { days { date working kind note } removed userErrors { field code message } } }`;
const DUE_AT = `query($code: String!) { dossier(code: $code) { dueAt } }`;
const RECORD = `mutation($events: [DossierEventInput!]!) {
  recordDossierEvents(events: $events) { accepted userErrors { field code message } } }`;

interface Preview {
  turnedDays: string[] | null;
  movedDossiers: number | null;
  movedLater: number | null;
  movedEarlier: number | null;
  suppliedDueDates: number | null;
  examples: {
    dossierCode: string;
    procedureCode: string;
    procedureName: string;
    agencyCode: string;
    receivedAt: string;
    dueBefore: string;
    dueAfter: string;
  }[];
  userErrors: { field: string[] | null; code: string; message: string }[];
}

let t: TestApi;
let admin: Record<string, string>; // a SYSTEM_ADMIN's session
let adminKey: Record<string, string>; // an unrestricted ADMIN key

const MONDAY_OFF = {
  days: [{ date: '2026-11-30', working: false, note: 'Nghỉ đột xuất theo quyết định của tỉnh' }],
};

beforeAll(async () => {
  t = await startSeededApi(0);
  await addOfficial(t, 'quantri.he.thong', 'SYSTEM_ADMIN');
  await addOfficial(t, 'quantri.xa', 'UNIT_ADMIN', AGENCY);
  await addOfficial(t, 'canbo.xa', 'OFFICER', AGENCY);
  admin = await sessionOf(t, 'quantri.he.thong');
  adminKey = await keyFor(t, 'ADMIN');
  const events = [
    // A — received Thu 26/11 09:00, 3 working days = 1,440 min: Thu 09:00–11:30 150 + 210 = 360,
    // Fri 27 → 840, Mon 30 → 1,320, Tue 1/12 07:00 + 120 → due Tue 1/12 09:00.
    ...dossierEvents('CAL-A', AGENCY, WORKING_DAYS_3, 'IN_PERSON', [['RECEIVED', '2026-11-26T09:00']]),
    // B — same-day procedure received Fri 27/11 16:00, after the cut-off: due at the end of the next
    // working day, Mon 30/11 17:00.
    ...dossierEvents('CAL-B', AGENCY, SAME_DAY, 'IN_PERSON', [['RECEIVED', '2026-11-27T16:00']]),
    // C — 10 days from Fri 20/11: the reception day is not counted, day 10 is Mon 30/11, a working
    // day → due Mon 30/11 17:00.
    ...dossierEvents('CAL-C', AGENCY, DAYS_10, 'IN_PERSON', [['RECEIVED', '2026-11-20T08:00']]),
    // D — received Tue 1/12 09:00, after every day changed below: due Fri 4/12 09:00 whatever happens
    // to 28/11 or 30/11.
    ...dossierEvents('CAL-D', AGENCY, WORKING_DAYS_3, 'IN_PERSON', [['RECEIVED', '2026-12-01T09:00']]),
    // E — like A but resolved on Fri 27/11: finished, so not an open dossier.
    ...dossierEvents('CAL-E', AGENCY, WORKING_DAYS_3, 'IN_PERSON', [
      ['RECEIVED', '2026-11-26T09:00'],
      ['RESOLVED', '2026-11-27T10:00'],
    ]),
    // F — like A, but the one-stop system printed the due date on the receipt (Tue 1/12 09:00): a
    // supplied date does not depend on the calendar (fold rule 4).
    ...dossierEvents('CAL-F', AGENCY, WORKING_DAYS_3, 'IN_PERSON', [
      ['RECEIVED', '2026-11-26T09:00', { dueAt: '2026-12-01T09:00:00+07:00' }],
    ]),
    // G — received Mon 23/11 09:00: due Thu 26/11 09:00 (Mon 360, Tue 840, Wed 1,320, Thu + 120).
    // A supplement requested Fri 27/11 09:00 and answered Tue 1/12 09:00 paused the clock for
    // Fri 09:00–17:00 360 + Mon 30 480 + Tue 07:00–09:00 120 = 960 minutes; the due date moves by
    // 960 working minutes from Thu 26/11 09:00: Thu 360, Fri 840, Mon 30/11 07:00 + 120 → Mon 09:00.
    ...dossierEvents('CAL-G', AGENCY, WORKING_DAYS_3, 'IN_PERSON', [
      ['RECEIVED', '2026-11-23T09:00'],
      ['SUPPLEMENT_REQUESTED', '2026-11-27T09:00'],
      ['PROCESSING', '2026-12-01T09:00'],
    ]),
    // H — received Mon 16/11 09:00, due Thu 19/11 09:00, still open (late): its due date lies before
    // every day changed below, so nothing can move it.
    ...dossierEvents('CAL-H', AGENCY, WORKING_DAYS_3, 'IN_PERSON', [['RECEIVED', '2026-11-16T09:00']]),
  ];
  const res = await t.gql<{ recordDossierEvents: { accepted: number; userErrors: unknown[] } }>(
    RECORD,
    { events },
    await keyFor(t, 'INGEST'),
  );
  expect(res.data?.recordDossierEvents).toEqual({ accepted: events.length, userErrors: [] });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const preview = async (input: unknown, headers = admin) => {
  const res = await t.gql<{ calendarChangePreview: Preview }>(PREVIEW, { input }, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.calendarChangePreview;
};
const dueAt = async (code: string) =>
  (await t.gql<{ dossier: { dueAt: string } }>(DUE_AT, { code }, adminKey)).data?.dossier.dueAt;

describe('the scripted dossiers', () => {
  it('have the due dates worked out above on the calendar in force', async () => {
    expect(await dueAt('CAL-A')).toBe('2026-12-01T09:00:00+07:00');
    expect(await dueAt('CAL-B')).toBe('2026-11-30T17:00:00+07:00');
    expect(await dueAt('CAL-C')).toBe('2026-11-30T17:00:00+07:00');
    expect(await dueAt('CAL-D')).toBe('2026-12-04T09:00:00+07:00');
    expect(await dueAt('CAL-F')).toBe('2026-12-01T09:00:00+07:00');
    expect(await dueAt('CAL-G')).toBe('2026-11-30T09:00:00+07:00');
    expect(await dueAt('CAL-H')).toBe('2026-11-19T09:00:00+07:00');
  });
});

describe('calendarChangePreview', () => {
  it('a weekday made a day off moves the open dossiers it reaches, and writes nothing', async () => {
    const p = await preview(MONDAY_OFF);
    // With Monday 30/11 off:
    // A: Thu 360, Fri 840, Tue 1/12 → 1,320, Wed 2/12 07:00 + 120 → Wed 2/12 09:00 (later).
    // B: the next working day after Fri 27/11 is Tue 1/12 → Tue 17:00 (later).
    // C: day 10 (Mon 30/11) is off → the next working day, Tue 1/12 17:00 (later).
    // G: the pause counts Fri 360 + Tue 120 = 480 minutes only; Thu 26/11 09:00 + 480 → Thu 360,
    //    Fri 27/11 07:00 + 120 → Fri 27/11 09:00 (earlier: fewer paused minutes).
    // D (received after 30/11), E (finished), F (supplied date), H (due before 30/11): unchanged.
    // F is counted apart: computed on the calendar, its date would move like A's.
    expect(p).toEqual({
      turnedDays: ['2026-11-30'],
      movedDossiers: 4,
      movedLater: 3,
      movedEarlier: 1,
      suppliedDueDates: 1,
      // The soonest due first (then by code): G Mon 09:00, B and C Mon 17:00, A Tue 09:00.
      examples: [
        example('CAL-G', WORKING_DAYS_3, '2026-11-23T09:00', '2026-11-30T09:00', '2026-11-27T09:00'),
        example('CAL-B', SAME_DAY, '2026-11-27T16:00', '2026-11-30T17:00', '2026-12-01T17:00'),
        example('CAL-C', DAYS_10, '2026-11-20T08:00', '2026-11-30T17:00', '2026-12-01T17:00'),
        example('CAL-A', WORKING_DAYS_3, '2026-11-26T09:00', '2026-12-01T09:00', '2026-12-02T09:00'),
      ],
      userErrors: [],
    });
    expect(p.examples[1]!.procedureName).toMatch(/khai sinh/i);
    // Nothing was written: no exception on 30/11, the stored due dates as they were, no audit row.
    const days = await t.gql<{ calendarDays: unknown[] }>(
      `{ calendarDays(from: "2026-11-30", to: "2026-11-30") { date } }`,
    );
    expect(days.data!.calendarDays).toEqual([]);
    expect(await dueAt('CAL-A')).toBe('2026-12-01T09:00:00+07:00');
    expect(await t.api.services.prisma.auditLog.count({ where: { action: 'calendar.set-days' } })).toBe(0);
  });

  it('a Saturday made a working day moves due dates earlier', async () => {
    const p = await preview({ days: [{ date: '2026-11-28', working: true, note: 'Làm bù' }] }, adminKey);
    // With Saturday 28/11 working:
    // A: Thu 360, Fri 840, Sat 28 → 1,320, Mon 30 07:00 + 120 → Mon 30/11 09:00 (earlier).
    // B: the next working day after Fri 27/11 is Sat 28/11 → Sat 17:00 (earlier).
    // C: day 10 is Mon 30/11 either way → unchanged.
    // G: the pause grows to 360 + 480 (Sat) + 480 + 120 = 1,440; Thu 26/11 09:00 + 1,440 → Thu 360,
    //    Fri 840, Sat 1,320, Mon 30/11 09:00 — the same instant as before: unchanged.
    // F's supplied date stays, though computed it would move like A's.
    expect(p).toMatchObject({
      turnedDays: ['2026-11-28'],
      movedDossiers: 2,
      movedLater: 0,
      movedEarlier: 2,
      suppliedDueDates: 1,
    });
    expect(p.examples.map((e) => [e.dossierCode, e.dueAfter])).toEqual([
      ['CAL-B', '2026-11-28T17:00:00+07:00'],
      ['CAL-A', '2026-11-30T09:00:00+07:00'],
    ]);
  });

  it('a new note on an existing exception turns no day and moves nothing', async () => {
    // 2/9/2026 (Quốc khánh) is a seeded holiday; it stays a day off.
    const p = await preview({ days: [{ date: '2026-09-02', working: false, note: 'Quốc khánh 2/9' }] });
    expect(p).toMatchObject({
      turnedDays: [],
      movedDossiers: 0,
      movedLater: 0,
      movedEarlier: 0,
      examples: [],
    });
  });

  it('refuses what updateCalendarDays would refuse, as userErrors', async () => {
    const dup = await preview({
      days: [
        { date: '2026-11-30', working: false },
        { date: '2026-11-30', working: true },
      ],
    });
    expect(dup.movedDossiers).toBeNull();
    expect(dup.userErrors).toEqual([
      { field: ['input', 'days'], code: 'DUPLICATE_DATE', message: 'Ngày 30/11/2026 xuất hiện hai lần.' },
    ]);
    const missing = await preview({ days: [], remove: ['2026-11-30'] });
    expect(missing.userErrors).toEqual([
      {
        field: ['input', 'remove'],
        code: 'NOT_FOUND',
        message: 'Ngày 30/11/2026 không có ngày nghỉ lễ hay ngày làm bù nào để xóa.',
      },
    ]);
    const wrongKind = await preview({ days: [{ date: '2026-11-28', working: true, kind: 'HOLIDAY' }] });
    expect(wrongKind.userErrors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
    const empty = await preview({ days: [] });
    expect(empty.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'days'], 'BAD_USER_INPUT']]);
  });

  it('is for a system administrator or an unrestricted admin key only, like the calendar', async () => {
    const ask = (headers?: Record<string, string>) =>
      t.gql<{ calendarChangePreview: Preview }>(PREVIEW, { input: MONDAY_OFF }, headers);
    expect((await ask()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await ask(await keyFor(t, 'READ'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ask(await keyFor(t, 'INGEST'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A commune's unit admin administers its subtree, not the calendar every agency's due dates use.
    expect((await ask(await sessionOf(t, 'quantri.xa'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ask(await sessionOf(t, 'canbo.xa'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { key } = await createApiKey(
      t.api.services.prisma,
      { name: 'khóa quản trị của xã', scopes: ['ADMIN'], agencyCode: AGENCY },
      'TEST',
    );
    expect((await ask({ authorization: `Bearer ${key}` })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The refused ones answered no data.
    const refused = await ask(await sessionOf(t, 'quantri.xa'));
    expect(refused.data?.calendarChangePreview ?? null).toBeNull();
    const allowed = await ask(adminKey);
    expect(allowed.data!.calendarChangePreview.movedDossiers).toBe(4);
  });
});

describe('updateCalendarDays with remove', () => {
  it('sets a day off, previews its removal, then removes it with an audit row of before and after', async () => {
    const set = await t.gql<{ updateCalendarDays: unknown }>(UPDATE, { input: MONDAY_OFF }, admin);
    expect(set.data!.updateCalendarDays).toEqual({
      days: [{ date: '2026-11-30', working: false, kind: 'HOLIDAY', note: MONDAY_OFF.days[0]!.note }],
      removed: [],
      userErrors: [],
    });
    // Removing it is the change above undone: the same four dossiers move back (A, B, C earlier, G later).
    const back = await preview({ days: [], remove: ['2026-11-30'] });
    expect(back).toMatchObject({
      turnedDays: ['2026-11-30'],
      movedDossiers: 4,
      movedLater: 1,
      movedEarlier: 3,
    });
    expect(back.examples.map((e) => [e.dossierCode, e.dueBefore, e.dueAfter])).toEqual([
      ['CAL-G', '2026-11-27T09:00:00+07:00', '2026-11-30T09:00:00+07:00'],
      ['CAL-B', '2026-12-01T17:00:00+07:00', '2026-11-30T17:00:00+07:00'],
      ['CAL-C', '2026-12-01T17:00:00+07:00', '2026-11-30T17:00:00+07:00'],
      ['CAL-A', '2026-12-02T09:00:00+07:00', '2026-12-01T09:00:00+07:00'],
    ]);

    const removed = await t.gql<{ updateCalendarDays: unknown }>(
      UPDATE,
      { input: { days: [], remove: ['2026-11-30'] } },
      admin,
    );
    expect(removed.data!.updateCalendarDays).toEqual({ days: [], removed: ['2026-11-30'], userErrors: [] });
    const days = await t.gql<{ calendarDays: unknown[] }>(
      `{ calendarDays(from: "2026-11-30", to: "2026-11-30") { date } }`,
    );
    expect(days.data!.calendarDays).toEqual([]);
    // The same-day birth registration of Friday 16:00 is due Monday 17:00 again.
    const due = await t.gql<{ dueDate: string }>(
      `{ dueDate(procedureCode: "${SAME_DAY}", receivedAt: "2026-11-27T16:00:00+07:00", channel: IN_PERSON) }`,
    );
    expect(due.data!.dueDate).toBe('2026-11-30T17:00:00+07:00');

    const rows = await t.api.services.prisma.auditLog.findMany({
      where: { action: 'calendar.set-days' },
      orderBy: { id: 'asc' },
    });
    const user = await t.api.services.prisma.user.findUniqueOrThrow({
      where: { username: 'quantri.he.thong' },
    });
    const monday = { working: false, kind: 'HOLIDAY', note: MONDAY_OFF.days[0]!.note };
    expect(rows.map((r) => [r.actor, r.agencyId, r.data])).toEqual([
      [`USER:${user.id}`, null, { before: { '2026-11-30': null }, after: { '2026-11-30': monday } }],
      [`USER:${user.id}`, null, { before: { '2026-11-30': monday }, after: { '2026-11-30': null } }],
    ]);

    // Removing it again is refused and changes nothing.
    const again = await t.gql<{ updateCalendarDays: { removed: unknown; userErrors: { code: string }[] } }>(
      UPDATE,
      { input: { days: [], remove: ['2026-11-30'] } },
      admin,
    );
    expect(again.data!.updateCalendarDays.removed).toBeNull();
    expect(again.data!.updateCalendarDays.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect(await t.api.services.prisma.auditLog.count({ where: { action: 'calendar.set-days' } })).toBe(2);
  });

  it('refuses a date both set and removed', async () => {
    const res = await t.gql<{ updateCalendarDays: { userErrors: unknown[] } }>(
      UPDATE,
      { input: { days: [{ date: '2026-09-02', working: false }], remove: ['2026-09-02'] } },
      admin,
    );
    expect(res.data!.updateCalendarDays.userErrors).toEqual([
      {
        field: ['input', 'remove'],
        code: 'DUPLICATE_DATE',
        message: 'Ngày 02/09/2026 vừa được đặt vừa được xóa trong cùng một lần cập nhật.',
      },
    ]);
  });
});

/** An example row: local times as written in the comments above. */
function example(code: string, procedureCode: string, received: string, before: string, after: string) {
  return {
    dossierCode: code,
    procedureCode,
    procedureName: expect.any(String),
    agencyCode: AGENCY,
    receivedAt: `${received}:00+07:00`,
    dueBefore: `${before}:00+07:00`,
    dueAfter: `${after}:00+07:00`,
  };
}
