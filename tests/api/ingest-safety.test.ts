// Security review of dossier ingestion, over real HTTP into a real database, through both write
// paths (the GraphQL mutation recordDossierEvents and the national sync POST /api/dvcqg/dong-bo-ho-so):
// 1. a key limited to an agency writes (and reads) only its subtree's dossiers: other events are
//    refused by index as OUT_OF_SCOPE, the rest of the batch is stored;
// 2. one malformed event (a date PostgreSQL or the calendar cannot take, a NUL byte, an overlong
//    reference) is refused alone, never failing the batch;
// 3. contradictory data is refused: the same sequence with other content (IDEMPOTENCY_CONFLICT), and
//    dates on the wrong side of the reception or the end (INCONSISTENT), by one rule for both paths
//    and for any arrival order (domain/event-admission.ts).
//
// Units (seed): 22870 xã Ninh Phước and 22873 xã Phước Hậu, two communes of province 56. Procedure
// 1.004873 (TTHN) takes 3 working days: a dossier received Mon 2/3/2026 08:00 is due Thu 5/3 08:00
// (working hours 07:00–11:30, 13:30–17:00; no holiday in March 2026).
import { createApiKey } from '@tthc/api';
import type { ApiScope } from '@tthc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_SYNC_PATH } from '../../api/src/server/national-sync-endpoint.ts';
import { UNRESTRICTED } from '../../api/src/services/access/agency-scope.ts';
import {
  recordDossierEvents,
  type DossierEventInput as ServiceEvent,
} from '../../api/src/services/ingestion/ingest.ts';
import type { TestApi } from '../support/api.ts';
import { at, type DossierEventInput, dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

const NINH_PHUOC = '22870';
const PHUOC_HAU = '22873';
const PROVINCE = '56';
const TTHN = '1.004873';

let t: TestApi;
let syncUrl: string;
/** Keys: not limited, and limited to each commune and to the province. */
let anyAgency: Record<string, string>;
let ninhPhuoc: Record<string, string>;
let phuocHau: Record<string, string>;
let province: Record<string, string>;

async function limitedKey(agencyCode: string, ...scopes: ApiScope[]): Promise<Record<string, string>> {
  const { key } = await createApiKey(
    t.api.services.prisma,
    { name: `test ${agencyCode}`, scopes, agencyCode },
    'TEST',
  );
  return { authorization: `Bearer ${key}` };
}

beforeAll(async () => {
  t = await startSeededApi(0); // the catalogue, agencies and calendar, no dossiers
  syncUrl = `${new URL(t.url).origin}${NATIONAL_SYNC_PATH}`;
  anyAgency = await keyFor(t, 'INGEST', 'READ');
  ninhPhuoc = await limitedKey(NINH_PHUOC, 'INGEST', 'READ');
  phuocHau = await limitedKey(PHUOC_HAU, 'INGEST', 'READ');
  province = await limitedKey(PROVINCE, 'INGEST', 'READ');
});
afterAll(async () => {
  await t?.close();
});

interface Payload {
  accepted: number;
  duplicates: number;
  errors: { index: number; code: string; message: string }[];
}
const RECORD = `mutation($events: [DossierEventInput!]!) {
  recordDossierEvents(events: $events) { accepted duplicates errors { index code message } } }`;

async function record(events: unknown[], headers: Record<string, string>): Promise<Payload> {
  const res = await t.gql<{ recordDossierEvents: Payload }>(RECORD, { events }, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.recordDossierEvents;
}
const codesOf = (p: { errors: { index: number; code: string }[] }) => p.errors.map((e) => [e.index, e.code]);

interface SyncAnswer {
  accepted: number;
  duplicates: number;
  errors: { index: number; maHoSo: string | null; code: string; message: string }[];
}
async function sync(items: unknown[], headers: Record<string, string>): Promise<SyncAnswer> {
  const res = await fetch(syncUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ service: 'DongBoHoSoMC', data: items }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as SyncAnswer;
}

/** 'YYYY-MM-DDTHH:mm' local time → the national yyyyMMddHHmmss. */
const national = (local: string) => `${local.replace(/[-T:]/g, '')}00`;

/** A minimal DongBoHoSoMC snapshot (dates in local 'YYYY-MM-DDTHH:mm', or raw national strings). */
function item(
  code: string,
  agency: string,
  trangThai: number,
  dates: Record<string, string>,
): Record<string, unknown> {
  return {
    MaHoSo: code,
    MaTTHC: TTHN,
    DonViXuLy: agency,
    KenhThucHien: '1',
    LoaiDoiTuong: '1',
    TrangThaiHoSo: String(trangThai),
    ...Object.fromEntries(
      Object.entries(dates).map(([k, v]) => [k, /^\d{14}$/.test(v) || v === '' ? v : national(v)]),
    ),
  };
}

const received = (code: string, agency: string, time = '2026-03-02T08:00') =>
  dossierEvents(code, agency, TTHN, 'IN_PERSON', [['RECEIVED', time]]);

const dossierRow = (code: string) =>
  t.api.services.prisma.dossier.findUnique({
    where: { code },
    select: {
      status: true,
      receivedAt: true,
      endedAt: true,
      timeliness: true,
      processingMinutes: true,
      agency: { select: { code: true } },
      events: { select: { sequence: true, status: true, occurredAt: true }, orderBy: { sequence: 'asc' } },
    },
  });

// ─── 1. Agency scope ───────────────────────────────────────────────────────────────────────────────

describe('a key limited to an agency writes only its subtree', () => {
  beforeAll(async () => {
    // A dossier of Ninh Phước, recorded by a key that is not limited.
    expect(await record(received('SCOPE-NP-1', NINH_PHUOC), anyAgency)).toMatchObject({ accepted: 1 });
  });

  it("refuses, through GraphQL, another commune's events by index and stores its own", async () => {
    const withdraw = (agencyCode: string): DossierEventInput => ({
      ...received('SCOPE-NP-1', agencyCode)[0]!,
      status: 'WITHDRAWN',
      occurredAt: at('2026-03-03T09:00'),
      sequence: 2,
    });
    const payload = await record(
      [
        withdraw(NINH_PHUOC), // 0: the other commune's dossier, naming it
        withdraw(PHUOC_HAU), // 1: the same dossier, naming its own unit: the dossier's unit decides
        ...received('SCOPE-PH-1', PHUOC_HAU), // 2: its own dossier
        ...received('SCOPE-NP-2', NINH_PHUOC), // 3: a new dossier of the other commune
      ],
      phuocHau,
    );
    expect(codesOf(payload)).toEqual([
      [0, 'OUT_OF_SCOPE'],
      [1, 'OUT_OF_SCOPE'],
      [3, 'OUT_OF_SCOPE'],
    ]);
    expect(payload.accepted).toBe(1);
    for (const e of payload.errors) expect(e.message).toMatch(/phạm vi của khóa API/);
    // Ninh Phước's dossier is untouched: still received, one event, under Ninh Phước.
    expect(await dossierRow('SCOPE-NP-1')).toMatchObject({
      status: 'RECEIVED',
      endedAt: null,
      agency: { code: NINH_PHUOC },
      events: [{ sequence: 1, status: 'RECEIVED' }],
    });
    expect(await dossierRow('SCOPE-NP-2')).toBeNull();
    expect(await dossierRow('SCOPE-PH-1')).toMatchObject({ agency: { code: PHUOC_HAU } });
  });

  it("lets the commune's own key and the province's key write it", async () => {
    const step = (sequence: number, status: string, time: string): DossierEventInput => ({
      ...received('SCOPE-NP-1', NINH_PHUOC)[0]!,
      status,
      occurredAt: at(time),
      sequence,
    });
    expect(await record([step(2, 'PROCESSING', '2026-03-02T09:00')], ninhPhuoc)).toEqual({
      accepted: 1,
      duplicates: 0,
      errors: [],
    });
    expect(await record([step(3, 'RESOLVED', '2026-03-04T10:00')], province)).toEqual({
      accepted: 1,
      duplicates: 0,
      errors: [],
    });
    expect(await dossierRow('SCOPE-NP-1')).toMatchObject({ status: 'RESOLVED', timeliness: 'EARLY' });
  });

  it("refuses, through the national sync, another commune's items by index and stores its own", async () => {
    const answer = await sync(
      [
        // 0: the other commune's dossier withdrawn, naming that commune.
        item('SCOPE-NP-1', NINH_PHUOC, 7, {
          NgayTiepNhan: '2026-03-02T08:00',
          NgayKetThucXuLy: '2026-03-05T09:00',
        }),
        // 1: the same, naming its own unit.
        item('SCOPE-NP-1', PHUOC_HAU, 7, {
          NgayTiepNhan: '2026-03-02T08:00',
          NgayKetThucXuLy: '2026-03-05T09:00',
        }),
        // 2: its own dossier, received (events 2 RECEIVED and 3 PROCESSING).
        item('SCOPE-PH-2', PHUOC_HAU, 4, { NgayTiepNhan: '2026-03-02T08:00' }),
      ],
      phuocHau,
    );
    expect(answer.errors.map((e) => [e.index, e.maHoSo, e.code])).toEqual([
      [0, 'SCOPE-NP-1', 'OUT_OF_SCOPE'],
      [1, 'SCOPE-NP-1', 'OUT_OF_SCOPE'],
    ]);
    expect(answer.accepted).toBe(2);
    expect(await dossierRow('SCOPE-NP-1')).toMatchObject({
      status: 'RESOLVED',
      agency: { code: NINH_PHUOC },
    });
  });

  it("does not show another commune's dossier to a limited key (the answer of an unknown code)", async () => {
    const query = `{ dossier(code: "SCOPE-NP-1") { code status } }`;
    expect((await t.gql(query, {}, phuocHau)).data).toEqual({ dossier: null });
    const seen = { dossier: { code: 'SCOPE-NP-1', status: 'RESOLVED' } };
    expect((await t.gql(query, {}, ninhPhuoc)).data).toEqual(seen);
    expect((await t.gql(query, {}, province)).data).toEqual(seen);
    expect((await t.gql(query, {}, anyAgency)).data).toEqual(seen);
  });
});

// ─── 2. One bad event costs nothing else ────────────────────────────────────────────────────────────

describe('a malformed event is refused alone', () => {
  it('through GraphQL: control characters, out-of-range dates, overlong codes and references', async () => {
    // DossierEventInput checks its own strings and dates (schema/extensions.ts): the edge check and
    // the DateTime scalar let them through, and ingestion refuses each bad event by index.
    const base = (code: string) => received(code, NINH_PHUOC)[0]!;
    const payload = await record(
      [
        base('BAD-OK-1'), // 0
        { ...base('BAD-TAB'), agencyCode: `${NINH_PHUOC}\t` }, // 1: a TAB in a code
        { ...base('BAD-C1'), apologyRef: 'PXL\u00851' }, // 2: a C1 control (NEL) in a reference
        { ...base('BAD-PROC'), procedureCode: '1'.repeat(65) }, // 3: a code of 65 characters
        { ...base('BAD-APOLOGY'), apologyRef: 'x'.repeat(101) }, // 4: a reference of 101 characters
        { ...base('BAD-DUE'), dueAt: at('2025-02-28T08:00') }, // 5: due 367 days before (limit 366)
        base('BAD-OK-2'), // 6
        { ...base('BAD-9999'), dueAt: '9999-12-31T00:00:00Z' }, // 7: the review's example
        { ...base('BAD-NUL'), apologyRef: 'PXL\u00001' }, // 8: a NUL byte
      ],
      anyAgency,
    );
    expect(codesOf(payload)).toEqual([
      [1, 'BAD_USER_INPUT'],
      [2, 'BAD_USER_INPUT'],
      [3, 'BAD_USER_INPUT'],
      [4, 'BAD_USER_INPUT'],
      [5, 'INVALID_DUE_DATE'],
      [7, 'INVALID_DUE_DATE'],
      [8, 'BAD_USER_INPUT'],
    ]);
    expect(payload.accepted).toBe(2);
    expect(await dossierRow('BAD-OK-1')).not.toBeNull();
    expect(await dossierRow('BAD-OK-2')).not.toBeNull();
  });

  it('in the ingestion service itself: impossible dates, NUL bytes and broken UTF-16', async () => {
    // Called directly, as the national sync does: no GraphQL edge check in front of it.
    const event = (dossierCode: string, extra: Partial<ServiceEvent> = {}): ServiceEvent => ({
      dossierCode,
      procedureCode: TTHN,
      agencyCode: NINH_PHUOC,
      channel: 'IN_PERSON',
      status: 'RECEIVED',
      occurredAt: new Date(at('2026-03-02T08:00')),
      sequence: 1,
      ...extra,
    });
    const result = await recordDossierEvents(
      t.api.services,
      [
        event('SVC-OK-1'), // 0
        event('SVC-DUE', { dueAt: new Date('9999-12-31T00:00:00Z') }), // 1: the review's example
        event('SVC-OLD', { occurredAt: new Date('1999-12-31T23:59:59Z') }), // 2: before 2000 (UTC)
        event('SVC-DUE-2101', { dueAt: new Date('2101-01-01T00:00:00Z') }), // 3: after 2100 (UTC)
        event('SVC-NUL-APOLOGY', { apologyRef: 'PXL\u00001' }), // 4
        event('SVC-NUL-PROC', { procedureCode: `${TTHN}\u0000` }), // 5: would fail the catalogue query
        event('SVC-NUL-AGENCY', { agencyCode: `\u0000${NINH_PHUOC}` }), // 6
        event('SVC-NUL\u0000CODE'), // 7
        event('SVC-SURROGATE', { apologyRef: 'PXL-\ud800' }), // 8: a lone surrogate
        event('SVC-SEQUENCE', { sequence: 2 ** 31 }), // 9: beyond an int column
        event('SVC-OK-2', { apologyRef: '' }), // 10: an empty reference is none
        event('SVC-OK-3', { dueAt: new Date('2100-12-31T23:59:59Z') }), // 11: the last second allowed
      ],
      { source: 'GRAPHQL', actor: 'TEST', scope: UNRESTRICTED },
    );
    expect(codesOf(result)).toEqual([
      [1, 'INVALID_DUE_DATE'],
      [2, 'INVALID_DATE'],
      [3, 'INVALID_DUE_DATE'],
      [4, 'BAD_USER_INPUT'],
      [5, 'BAD_USER_INPUT'],
      [6, 'BAD_USER_INPUT'],
      [7, 'INVALID_DOSSIER_CODE'],
      [8, 'BAD_USER_INPUT'],
      [9, 'INVALID_SEQUENCE'],
    ]);
    expect(result.accepted).toBe(3);
    expect(result.errors[3]!.message).toMatch(/ký tự điều khiển/);
    expect(result.errors[7]!.message).toMatch(/Unicode/);
    expect(await dossierRow('SVC-OK-3')).not.toBeNull();
  });

  it('through the national sync: NUL bytes in codes and impossible dates fail only their item', async () => {
    const ok = (code: string) => item(code, NINH_PHUOC, 2, { NgayTiepNhan: '2026-03-02T08:00' });
    const answer = await sync(
      [
        ok('SYNC-OK-1'), // 0
        { ...ok('SYNC-NUL-1'), MaTTHC: `${TTHN}\u0000` }, // 1
        { ...ok('SYNC-NUL-2'), DonViXuLy: `${NINH_PHUOC}\u0000` }, // 2
        { ...ok('SYNC\u0000NUL-3') }, // 3: also looked up for its recorded due date
        item('SYNC-DUE', NINH_PHUOC, 2, { NgayTiepNhan: '2026-03-02T08:00', NgayHenTra: '99991231000000' }), // 4
        item('SYNC-OLD', NINH_PHUOC, 2, { NgayTiepNhan: '18991231000000' }), // 5
        ok('SYNC-OK-2'), // 6
      ],
      anyAgency,
    );
    expect(answer.errors.map((e) => [e.index, e.code])).toEqual([
      [1, 'BAD_USER_INPUT'],
      [2, 'BAD_USER_INPUT'],
      [3, 'INVALID_DOSSIER_CODE'],
      [4, 'INVALID_DUE_DATE'],
      [5, 'INVALID_DATE'],
    ]);
    expect(answer.accepted).toBe(2); // one RECEIVED for each good item
    expect(await dossierRow('SYNC-OK-2')).not.toBeNull();
  });
});

// ─── 3. Contradictory data ─────────────────────────────────────────────────────────────────────────

describe('the same sequence with other content is a conflict, not a duplicate', () => {
  it('through GraphQL', async () => {
    const events = dossierEvents('IDEM-1', NINH_PHUOC, TTHN, 'IN_PERSON', [
      ['RECEIVED', '2026-03-02T08:00'],
      ['PROCESSING', '2026-03-02T09:00', { dueAt: at('2026-03-09T17:00'), apologyRef: 'PXL-7' }],
    ]);
    expect(await record(events, anyAgency)).toMatchObject({ accepted: 2, errors: [] });
    const payload = await record(
      [
        events[0]!, // 0: the same again
        { ...events[0]!, occurredAt: at('2026-03-02T08:30') }, // 1: another reception time
        { ...events[1]!, apologyRef: 'PXL-8' }, // 2: another apology reference
        { ...events[1]!, status: 'RESOLVED' }, // 3: another status
        ...received('IDEM-2', NINH_PHUOC), // 4: another dossier, stored
      ],
      anyAgency,
    );
    expect(payload).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(codesOf(payload)).toEqual([
      [1, 'IDEMPOTENCY_CONFLICT'],
      [2, 'IDEMPOTENCY_CONFLICT'],
      [3, 'IDEMPOTENCY_CONFLICT'],
    ]);
    expect(payload.errors[0]!.message).toMatch(/thời điểm/);
    // What was recorded first stands.
    const row = await dossierRow('IDEM-1');
    expect(row!.events.map((e) => [e.sequence, e.status, e.occurredAt.toISOString()])).toEqual([
      [1, 'RECEIVED', '2026-03-02T01:00:00.000Z'],
      [2, 'PROCESSING', '2026-03-02T02:00:00.000Z'],
    ]);
  });

  it('through the national sync: a resent snapshot is all duplicates; a changed reception date a conflict', async () => {
    // No NgayHenTra: the first RECEIVED has no due date (computed from the time limit); the resend
    // reconstructs the original due date from the one recorded, a derived value that is not compared.
    const first = item('IDEM-N1', NINH_PHUOC, 4, { NgayTiepNhan: '2026-03-02T08:00' });
    expect(await sync([first], anyAgency)).toEqual({ accepted: 2, duplicates: 0, errors: [] });
    expect(await sync([first], anyAgency)).toEqual({ accepted: 0, duplicates: 2, errors: [] });
    const moved = item('IDEM-N1', NINH_PHUOC, 4, { NgayTiepNhan: '2026-03-02T09:00' });
    const answer = await sync([moved], anyAgency);
    // RECEIVED (2) conflicts; PROCESSING (3) sits at the reception by derivation: a duplicate.
    expect(answer).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(answer.errors.map((e) => [e.index, e.code])).toEqual([[0, 'IDEMPOTENCY_CONFLICT']]);
  });
});

describe('a date on the wrong side of the reception or the end is inconsistent, on both paths', () => {
  it('through GraphQL, a RESOLVED dated before its RECEIVED in the same batch', async () => {
    const events = dossierEvents('ORDER-1', NINH_PHUOC, TTHN, 'IN_PERSON', [
      ['RECEIVED', '2026-03-02T08:00'],
      ['RESOLVED', '2026-03-01T16:00'], // the day before
    ]);
    const payload = await record(events, anyAgency);
    expect(codesOf(payload)).toEqual([[1, 'INCONSISTENT']]);
    expect(payload.errors[0]!.message).toMatch(/không nhất quán.*01\/03\/2026 16:00/);
    // Before the rule, the dossier was stored finished in 0 minutes and EARLY; now it stays open.
    expect(await dossierRow('ORDER-1')).toMatchObject({
      status: 'RECEIVED',
      endedAt: null,
      processingMinutes: null,
    });
  });

  it('through GraphQL, the earlier-sequence RECEIVED arriving after its RESOLVED', async () => {
    const [reception, resolution] = dossierEvents('ORDER-2', NINH_PHUOC, TTHN, 'IN_PERSON', [
      ['RECEIVED', '2026-03-02T08:00'],
      ['RESOLVED', '2026-03-01T16:00'],
    ]);
    expect(await record([resolution!], anyAgency)).toMatchObject({ accepted: 1, errors: [] });
    const payload = await record([reception!], anyAgency);
    expect(codesOf(payload)).toEqual([[0, 'INCONSISTENT']]);
    // The first recorded stands: a resolution of a dossier never received, no timeliness.
    expect(await dossierRow('ORDER-2')).toMatchObject({ receivedAt: null, timeliness: null });
  });

  it('through the national sync, a later snapshot ending before the recorded reception', async () => {
    expect(
      await sync([item('ORDER-N1', NINH_PHUOC, 4, { NgayTiepNhan: '2026-03-02T08:00' })], anyAgency),
    ).toMatchObject({ accepted: 2, errors: [] });
    // Consistent in itself (received 1/3 07:00, resolved 1/3 08:00), contradicting what is recorded.
    const answer = await sync(
      [
        item('ORDER-N1', NINH_PHUOC, 9, {
          NgayTiepNhan: '2026-03-01T07:00',
          NgayKetThucXuLy: '2026-03-01T08:00',
        }),
      ],
      anyAgency,
    );
    // RECEIVED (2): another date under the same sequence; RESOLVED (9004): before the recorded
    // reception (2/3 08:00). PROCESSING (3) is a duplicate: its time is derived.
    expect(new Set(answer.errors.map((e) => `${e.index} ${e.code}`))).toEqual(
      new Set(['0 IDEMPOTENCY_CONFLICT', '0 INCONSISTENT']),
    );
    expect(answer.accepted).toBe(0);
    expect(await dossierRow('ORDER-N1')).toMatchObject({ status: 'PROCESSING', endedAt: null });
  });

  it('refuses within one snapshot what GraphQL refuses within one batch (the same code)', async () => {
    const answer = await sync(
      [
        item('ORDER-N2', NINH_PHUOC, 9, {
          NgayTiepNhan: '2026-03-02T08:00',
          NgayKetThucXuLy: '2026-03-01T16:00',
        }),
      ],
      anyAgency,
    );
    expect(answer.errors.map((e) => [e.index, e.code])).toEqual([[0, 'INCONSISTENT']]);
  });
});
