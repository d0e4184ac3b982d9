// The national dossier sync (`DongBoHoSoMC`) pointed at us: POST /api/dvcqg/dong-bo-ho-so over real
// HTTP into a real database. A scripted set of dossiers of two communes is sent as national snapshots
// to one API and as hand-written events through the GraphQL mutation to another; both give the same
// dossiers and the same statistics, and those equal the figures computed by hand below. Re-sending is
// a no-op, later snapshots add only what is new, and the request-level errors have stable codes.
//
// Calendar facts (holidays.json has no holiday in March–April 2026 before 26/4): working hours
// 07:00–11:30 and 13:30–17:00, 1 working day = 480 minutes; 1.004873 (TTHN) takes 3 working days
// (1,440 minutes); 1.001193 (khai sinh) is same-day with a 15:00 cut-off.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleNationalSync, NATIONAL_SYNC_PATH } from '../../api/src/server/national-sync-endpoint.ts';
import type { Services } from '../../api/src/services/context.ts';
import type { TestApi } from '../support/api.ts';
import { at, type DossierEventInput, dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

const NINH_PHUOC = '22870';
const PHUOC_HAU = '22873';
const TTHN = '1.004873';
const KHAI_SINH = '1.001193';

/** 'YYYY-MM-DDTHH:mm' local time → the national yyyyMMddHHmmss. */
const national = (local: string) => `${local.replace(/[-T:]/g, '')}00`;
/** 'YYYY-MM-DDTHH:mm' local time → ISO 8601 with the +07:00 offset. */

// The applicant, as the one-stop system knows them. None of it may reach our database.
const APPLICANT = {
  name: 'Đoàn Thị Ngọc Quyên',
  id: '058196007788',
  phone: '0905778899',
  email: 'quyen.doan@example.vn',
  address: '27 Nguyễn Văn Trỗi',
};
const personal = {
  ChuHoSo: APPLICANT.name,
  SoGiayToChuHoSo: APPLICANT.id,
  DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: APPLICANT.id }],
  SoDienThoai: APPLICANT.phone,
  Fax: APPLICANT.phone,
  Email: APPLICANT.email,
  TrichYeuHoSo: `Hồ sơ của ${APPLICANT.name}, ${APPLICANT.address}`,
  NoiNopHoSo: APPLICANT.address,
  MaDoiTuong: APPLICANT.id,
};

type Dates = Partial<
  Record<'NgayNopHoSo' | 'NgayTiepNhan' | 'NgayHenTra' | 'NgayKetThucXuLy' | 'NgayTra' | 'NgayTuChoi', string>
>;
interface Supplement {
  NgayBoSung: string;
  NgayTiepNhanBoSung?: string;
  NgayHenTraTruoc?: string;
  NgayHenTraMoi?: string;
}

/** A DongBoHoSoMC item as a one-stop system sends it: every value a string, "" for nothing. */
function item(
  code: string,
  agency: string,
  procedure: string,
  kenh: 1 | 2 | 3,
  trangThai: number,
  dates: Dates,
  supplements: Supplement[] = [],
): Record<string, unknown> {
  const d = (k: keyof Dates) => (dates[k] ? national(dates[k]) : '');
  return {
    MaHoSo: code,
    MaTTHC: procedure,
    TenTTHC:
      procedure === TTHN ? 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân' : 'Thủ tục đăng ký khai sinh',
    MaLinhVuc: 'HOTICH',
    TenLinhVuc: 'Hộ tịch',
    KenhThucHien: String(kenh),
    LoaiDoiTuong: '1',
    ...personal,
    NgayNopHoSo: d('NgayNopHoSo'),
    NgayTiepNhan: d('NgayTiepNhan'),
    NgayHenTra: d('NgayHenTra'),
    TrangThaiHoSo: String(trangThai),
    NgayKetThucXuLy: d('NgayKetThucXuLy'),
    NgayTra: d('NgayTra'),
    ThongTinTra: '',
    DonViXuLy: agency,
    NgayTuChoi: d('NgayTuChoi'),
    DuocThanhToanTrucTuyen: '0',
    HinhThuc: '0',
    TaiLieuNop: [],
    DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', MaPhiLePhi: '', HinhThucThu: '', Gia: '0', LoaiPhiLePhi: '' }],
    DanhSachHoSoBoSung: supplements.map((s) => ({
      NguoiYeuCauBoSung: 'Cán bộ một cửa',
      NoiDungBoSung: `Bổ sung bản sao giấy tờ của ${APPLICANT.name}`,
      NgayBoSung: national(s.NgayBoSung),
      NgayTiepNhanBoSung: s.NgayTiepNhanBoSung ? national(s.NgayTiepNhanBoSung) : '',
      NgayHenTraTruoc: s.NgayHenTraTruoc ? national(s.NgayHenTraTruoc) : '',
      NgayHenTraMoi: s.NgayHenTraMoi ? national(s.NgayHenTraMoi) : '',
    })),
  };
}

type Ev = DossierEventInput;
/** The same dossier as a one-stop system using our GraphQL API would send it (its own numbering). */
function events(
  code: string,
  agency: string,
  procedure: string,
  channel: string,
  steps: [string, string, string?][],
): Ev[] {
  return dossierEvents(
    code,
    agency,
    procedure,
    channel,
    steps.map(([status, time, due]) => [status, time, due ? { dueAt: at(due) } : {}]),
  );
}

// ─── The scripted dossiers ─────────────────────────────────────────────────────────────────────────
// Each: the national snapshot, the GraphQL events, and the row expected by hand.
interface Scripted {
  code: string;
  snapshot: Record<string, unknown>;
  events: Ev[];
  expected: {
    status: string;
    receivedAt: string | null;
    dueAt: string | null;
    endedAt: string | null;
    timeliness: string | null;
    pausedMinutes: number;
  };
}
const scripted: Scripted[] = [
  {
    // Mon 2/3 08:15 + 1,440: Mon 405, Tue 885, Wed 1,365, Thu +75 → due Thu 5/3 08:15.
    // Resolved Wed 4/3, a day before the due day → EARLY.
    code: 'H56.22870-260302-0001',
    snapshot: item('H56.22870-260302-0001', NINH_PHUOC, TTHN, 1, 10, {
      NgayNopHoSo: '2026-03-02T08:15',
      NgayTiepNhan: '2026-03-02T08:15',
      NgayHenTra: '2026-03-05T08:15',
      NgayKetThucXuLy: '2026-03-04T10:00',
      NgayTra: '2026-03-04T14:30',
    }),
    events: events('H56.22870-260302-0001', NINH_PHUOC, TTHN, 'IN_PERSON', [
      ['RECEIVED', '2026-03-02T08:15', '2026-03-05T08:15'],
      ['PROCESSING', '2026-03-02T08:30'],
      ['RESOLVED', '2026-03-04T10:00'],
      ['RETURNED', '2026-03-04T14:30'],
    ]),
    expected: {
      status: 'RETURNED',
      receivedAt: '2026-03-02T08:15',
      dueAt: '2026-03-05T08:15',
      endedAt: '2026-03-04T10:00',
      timeliness: 'EARLY',
      pausedMinutes: 0,
    },
  },
  {
    // Online. Mon 2/3 09:00 + 1,440: Mon 360, Tue 840, Wed 1,320, Thu +120 → due Thu 5/3 09:00.
    // Resolved on the due day (16:00, after the hour) → ON_TIME: compared by day. Not yet returned.
    code: 'H56.22870-260302-0002',
    snapshot: item('H56.22870-260302-0002', NINH_PHUOC, TTHN, 2, 9, {
      NgayNopHoSo: '2026-03-01T20:00',
      NgayTiepNhan: '2026-03-02T09:00',
      NgayHenTra: '2026-03-05T09:00',
      NgayKetThucXuLy: '2026-03-05T16:00',
    }),
    events: events('H56.22870-260302-0002', NINH_PHUOC, TTHN, 'ONLINE', [
      ['SUBMITTED', '2026-03-01T20:00'],
      ['RECEIVED', '2026-03-02T09:00', '2026-03-05T09:00'],
      ['RESOLVED', '2026-03-05T16:00'],
    ]),
    expected: {
      status: 'RESOLVED',
      receivedAt: '2026-03-02T09:00',
      dueAt: '2026-03-05T09:00',
      endedAt: '2026-03-05T16:00',
      timeliness: 'ON_TIME',
      pausedMinutes: 0,
    },
  },
  {
    // One supplement. Tue 3/3 08:00 + 1,440: Tue 420, Wed 900, Thu 1,380, Fri +60 → due Fri 6/3 08:00.
    // Requested Wed 4/3 08:00, answered Mon 9/3 08:00: Wed 420 + Thu 480 + Fri 480 + Mon 60 = 1,440
    // minutes paused; the due date moves 1,440 from Fri 08:00: Fri 420, Mon 900, Tue 1,380, Wed +60 →
    // Wed 11/3 08:00 (NgayHenTraMoi, and NgayHenTra now). Resolved Tue 10/3 → EARLY.
    code: 'H56.22870-260303-0003',
    snapshot: item(
      'H56.22870-260303-0003',
      NINH_PHUOC,
      TTHN,
      1,
      10,
      {
        NgayNopHoSo: '2026-03-03T08:00',
        NgayTiepNhan: '2026-03-03T08:00',
        NgayHenTra: '2026-03-11T08:00',
        NgayKetThucXuLy: '2026-03-10T15:00',
        NgayTra: '2026-03-10T16:00',
      },
      [
        {
          NgayBoSung: '2026-03-04T08:00',
          NgayTiepNhanBoSung: '2026-03-09T08:00',
          NgayHenTraTruoc: '2026-03-06T08:00',
          NgayHenTraMoi: '2026-03-11T08:00',
        },
      ],
    ),
    events: events('H56.22870-260303-0003', NINH_PHUOC, TTHN, 'IN_PERSON', [
      ['RECEIVED', '2026-03-03T08:00', '2026-03-06T08:00'],
      ['SUPPLEMENT_REQUESTED', '2026-03-04T08:00'],
      ['PROCESSING', '2026-03-09T08:00', '2026-03-11T08:00'],
      ['RESOLVED', '2026-03-10T15:00'],
      ['RETURNED', '2026-03-10T16:00'],
    ]),
    expected: {
      status: 'RETURNED',
      receivedAt: '2026-03-03T08:00',
      dueAt: '2026-03-11T08:00',
      endedAt: '2026-03-10T15:00',
      timeliness: 'EARLY',
      pausedMinutes: 1440,
    },
  },
  {
    // Late. Mon 9/3 10:00 + 1,440: Mon 300, Tue 780, Wed 1,260, Thu +180 → due Thu 12/3 10:00.
    // Resolved Mon 16/3 → LATE.
    code: 'H56.22870-260309-0004',
    snapshot: item('H56.22870-260309-0004', NINH_PHUOC, TTHN, 1, 10, {
      NgayNopHoSo: '2026-03-09T10:00',
      NgayTiepNhan: '2026-03-09T10:00',
      NgayHenTra: '2026-03-12T10:00',
      NgayKetThucXuLy: '2026-03-16T09:00',
      NgayTra: '2026-03-16T10:00',
    }),
    events: events('H56.22870-260309-0004', NINH_PHUOC, TTHN, 'IN_PERSON', [
      ['RECEIVED', '2026-03-09T10:00', '2026-03-12T10:00'],
      ['RESOLVED', '2026-03-16T09:00'],
      ['RETURNED', '2026-03-16T10:00'],
    ]),
    expected: {
      status: 'RETURNED',
      receivedAt: '2026-03-09T10:00',
      dueAt: '2026-03-12T10:00',
      endedAt: '2026-03-16T09:00',
      timeliness: 'LATE',
      pausedMinutes: 0,
    },
  },
  {
    // Withdrawn. Khai sinh received Wed 11/3 09:00, before the cut-off → due 17:00 the same day.
    // Withdrawn at 10:00 → finished, counted ON_TIME (docs/domain.md §3.8).
    code: 'H56.22870-260311-0005',
    snapshot: item('H56.22870-260311-0005', NINH_PHUOC, KHAI_SINH, 1, 7, {
      NgayNopHoSo: '2026-03-11T09:00',
      NgayTiepNhan: '2026-03-11T09:00',
      NgayHenTra: '2026-03-11T17:00',
      NgayKetThucXuLy: '2026-03-11T10:00',
    }),
    events: events('H56.22870-260311-0005', NINH_PHUOC, KHAI_SINH, 'IN_PERSON', [
      ['RECEIVED', '2026-03-11T09:00', '2026-03-11T17:00'],
      ['WITHDRAWN', '2026-03-11T10:00'],
    ]),
    expected: {
      status: 'WITHDRAWN',
      receivedAt: '2026-03-11T09:00',
      dueAt: '2026-03-11T17:00',
      endedAt: '2026-03-11T10:00',
      timeliness: 'ON_TIME',
      pausedMinutes: 0,
    },
  },
  {
    // Khai sinh online, received Thu 12/3 15:30, after the cut-off → due Fri 13/3 17:00.
    // Resolved Fri 11:00 → ON_TIME (the due day); returned electronically at 11:05.
    code: 'H56.22870-260312-0006',
    snapshot: item('H56.22870-260312-0006', NINH_PHUOC, KHAI_SINH, 2, 10, {
      NgayNopHoSo: '2026-03-11T21:00',
      NgayTiepNhan: '2026-03-12T15:30',
      NgayHenTra: '2026-03-13T17:00',
      NgayKetThucXuLy: '2026-03-13T11:00',
      NgayTra: '2026-03-13T11:05',
    }),
    events: events('H56.22870-260312-0006', NINH_PHUOC, KHAI_SINH, 'ONLINE', [
      ['SUBMITTED', '2026-03-11T21:00'],
      ['RECEIVED', '2026-03-12T15:30', '2026-03-13T17:00'],
      ['RESOLVED', '2026-03-13T11:00'],
      ['RETURNED', '2026-03-13T11:05'],
    ]),
    expected: {
      status: 'RETURNED',
      receivedAt: '2026-03-12T15:30',
      dueAt: '2026-03-13T17:00',
      endedAt: '2026-03-13T11:00',
      timeliness: 'ON_TIME',
      pausedMinutes: 0,
    },
  },
  {
    // Refused at reception: never received, so neither received nor finished.
    code: 'H56.22870-260313-0007',
    snapshot: item('H56.22870-260313-0007', NINH_PHUOC, KHAI_SINH, 2, 3, {
      NgayNopHoSo: '2026-03-13T20:00',
      NgayTuChoi: '2026-03-16T08:30',
    }),
    events: events('H56.22870-260313-0007', NINH_PHUOC, KHAI_SINH, 'ONLINE', [
      ['SUBMITTED', '2026-03-13T20:00'],
      ['REFUSED', '2026-03-16T08:30'],
    ]),
    expected: {
      status: 'REFUSED',
      receivedAt: null,
      dueAt: null,
      endedAt: '2026-03-16T08:30',
      timeliness: null,
      pausedMinutes: 0,
    },
  },
  {
    // Postal, still in process. Mon 16/3 08:00 + 1,440 → due Thu 19/3 08:00: received, not finished,
    // and past due today.
    code: 'H56.22870-260316-0008',
    snapshot: item('H56.22870-260316-0008', NINH_PHUOC, TTHN, 3, 4, {
      NgayNopHoSo: '2026-03-14T10:00',
      NgayTiepNhan: '2026-03-16T08:00',
      NgayHenTra: '2026-03-19T08:00',
    }),
    events: events('H56.22870-260316-0008', NINH_PHUOC, TTHN, 'POSTAL', [
      ['SUBMITTED', '2026-03-14T10:00'],
      ['RECEIVED', '2026-03-16T08:00', '2026-03-19T08:00'],
      ['PROCESSING', '2026-03-16T08:30'],
    ]),
    expected: {
      status: 'PROCESSING',
      receivedAt: '2026-03-16T08:00',
      dueAt: '2026-03-19T08:00',
      endedAt: null,
      timeliness: 'IN_PROGRESS_LATE',
      pausedMinutes: 0,
    },
  },
  {
    // Phước Hậu. Khai sinh received Tue 3/3 08:30 → due 17:00; resolved 10:00 → ON_TIME.
    code: 'H56.22873-260303-0001',
    snapshot: item('H56.22873-260303-0001', PHUOC_HAU, KHAI_SINH, 1, 10, {
      NgayNopHoSo: '2026-03-03T08:30',
      NgayTiepNhan: '2026-03-03T08:30',
      NgayHenTra: '2026-03-03T17:00',
      NgayKetThucXuLy: '2026-03-03T10:00',
      NgayTra: '2026-03-03T10:30',
    }),
    events: events('H56.22873-260303-0001', PHUOC_HAU, KHAI_SINH, 'IN_PERSON', [
      ['RECEIVED', '2026-03-03T08:30', '2026-03-03T17:00'],
      ['RESOLVED', '2026-03-03T10:00'],
      ['RETURNED', '2026-03-03T10:30'],
    ]),
    expected: {
      status: 'RETURNED',
      receivedAt: '2026-03-03T08:30',
      dueAt: '2026-03-03T17:00',
      endedAt: '2026-03-03T10:00',
      timeliness: 'ON_TIME',
      pausedMinutes: 0,
    },
  },
  {
    // Phước Hậu, stopped. Wed 4/3 14:00 + 1,440: Wed 180, Thu 660, Fri 1,140, Mon 270 + 30 →
    // due Mon 9/3 14:00. Stopped Fri 6/3 → finished, counted ON_TIME.
    code: 'H56.22873-260304-0002',
    snapshot: item('H56.22873-260304-0002', PHUOC_HAU, TTHN, 1, 8, {
      NgayNopHoSo: '2026-03-04T14:00',
      NgayTiepNhan: '2026-03-04T14:00',
      NgayHenTra: '2026-03-09T14:00',
      NgayKetThucXuLy: '2026-03-06T10:00',
    }),
    events: events('H56.22873-260304-0002', PHUOC_HAU, TTHN, 'IN_PERSON', [
      ['RECEIVED', '2026-03-04T14:00', '2026-03-09T14:00'],
      ['STOPPED', '2026-03-06T10:00'],
    ]),
    expected: {
      status: 'STOPPED',
      receivedAt: '2026-03-04T14:00',
      dueAt: '2026-03-09T14:00',
      endedAt: '2026-03-06T10:00',
      timeliness: 'ON_TIME',
      pausedMinutes: 0,
    },
  },
];

// Events the mapping derives from the snapshots (mapping.ts): SUBMITTED when NgayNopHoSo is given,
// RECEIVED, PROCESSING from statuses 4–10, the supplement's request and answer, the ends.
const EVENTS_FROM_SNAPSHOTS = 5 + 4 + 7 + 5 + 4 + 5 + 2 + 3 + 5 + 4;

// Two items that fail, in the middle of the list: one the mapping rejects, one ingestion rejects.
const badDate = {
  ...scripted[0]!.snapshot,
  MaHoSo: 'H56.22870-260302-0900',
  NgayTiepNhan: '2026-03-02 08:15',
};
const unknownProcedure = { ...scripted[1]!.snapshot, MaHoSo: 'H56.22870-260302-0901', MaTTHC: '9.999999' };
const items = [
  ...scripted.slice(0, 3).map((s) => s.snapshot),
  badDate,
  ...scripted.slice(3, 6).map((s) => s.snapshot),
  unknownProcedure,
  ...scripted.slice(6).map((s) => s.snapshot),
];
const ITEM_ERRORS = [
  { index: 3, maHoSo: 'H56.22870-260302-0900', code: 'INVALID_DATE' },
  { index: 7, maHoSo: 'H56.22870-260302-0901', code: 'UNKNOWN_PROCEDURE' },
];

// ─── Servers ───────────────────────────────────────────────────────────────────────────────────────

let viaSync: TestApi;
let viaGraphql: TestApi;
let syncUrl: string;
let ingest: Record<string, string>;
const sideServers: Server[] = [];

/** Serves the handler with the given services on a port of its own. */
async function sideServer(services: Services): Promise<string> {
  // No request budget on the side server (the budgets are app.ts's, tested in query-limits.test.ts).
  const server = createServer((req, res) => void handleNationalSync(services, req, res, async () => null));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sideServers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${NATIONAL_SYNC_PATH}`;
}

/**
 * The endpoint on the API's own server once app.ts routes it; until then the same handler with the
 * same services on a side port.
 */
async function syncEndpoint(t: TestApi): Promise<string> {
  const onApi = `${new URL(t.url).origin}${NATIONAL_SYNC_PATH}`;
  const probe = await fetch(onApi, { method: 'POST', body: '[]' });
  const body = (await probe.json().catch(() => null)) as { code?: string } | null;
  const wired = probe.status === 401 && body?.code === 'UNAUTHENTICATED';
  return wired ? onApi : sideServer(t.api.services);
}

beforeAll(async () => {
  [viaSync, viaGraphql] = await Promise.all([startSeededApi(0), startSeededApi(0)]);
  ingest = await keyFor(viaSync, 'INGEST');
  syncUrl = await syncEndpoint(viaSync);
});
afterAll(async () => {
  await Promise.all(sideServers.map((s) => new Promise((resolve) => s.close(resolve))));
  await Promise.all([viaSync?.close(), viaGraphql?.close()]);
});

interface SyncAnswer {
  accepted: number;
  duplicates: number;
  errors: { index: number; maHoSo: string | null; code: string; message: string }[];
}
async function post(body: unknown, headers: Record<string, string> = ingest, url = syncUrl) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as SyncAnswer & Problem };
}
interface Problem {
  code: string;
  message: string;
}
const envelope = (data: unknown[]) => ({
  session: 'phiên-của-cổng-quốc-gia',
  madonvi: '000.00.22.H56',
  service: 'DongBoHoSoMC',
  isUpdating: 'False',
  data,
});

const STATS = `query($code: String!) {
  stats(scope: { agencyCode: $code }, period: { from: "2026-01-01", to: "2026-12-31" }) {
    received finished early onTime late onTimeRate
  } }`;
async function statsOf(t: TestApi, code: string) {
  const res = await t.gql<{ stats: Record<string, unknown> }>(STATS, { code }, await keyFor(t, 'READ'));
  expect(res.errors).toBeUndefined();
  return res.data!.stats;
}

/** The dossier rows, with instants as local 'YYYY-MM-DDTHH:mm'. */
async function rows(t: TestApi, codes: string[]) {
  const local = (d: Date | null) =>
    d ? new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16) : null;
  const found = await t.api.services.prisma.dossier.findMany({
    where: { code: { in: codes } },
    orderBy: { code: 'asc' },
    select: {
      code: true,
      status: true,
      receivedAt: true,
      dueAt: true,
      endedAt: true,
      timeliness: true,
      pausedMinutes: true,
      supplementRequests: true,
      apologies: true,
    },
  });
  return found.map((r) => ({
    ...r,
    receivedAt: local(r.receivedAt),
    dueAt: local(r.dueAt),
    endedAt: local(r.endedAt),
  }));
}

// ─── Tests ─────────────────────────────────────────────────────────────────────────────────────────

describe('POST /api/dvcqg/dong-bo-ho-so', () => {
  it('records the snapshots and reports the bad items by their index in the list', async () => {
    const res = await post(envelope(items));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.accepted).toBe(EVENTS_FROM_SNAPSHOTS);
    expect(res.body.duplicates).toBe(0);
    expect(res.body.errors.map(({ index, maHoSo, code }) => ({ index, maHoSo, code }))).toEqual(ITEM_ERRORS);
    for (const e of res.body.errors) expect(e.message).toMatch(/\p{L}/u);
  });

  it('gives the same dossiers and statistics as the same dossiers sent as GraphQL events', async () => {
    const mutation = `mutation($events: [DossierEventInput!]!) {
      recordDossierEvents(events: $events) { accepted duplicates errors { index code message } } }`;
    const all = scripted.flatMap((s) => s.events);
    const res = await viaGraphql.gql<{ recordDossierEvents: { accepted: number; errors: unknown[] } }>(
      mutation,
      { events: all },
      await keyFor(viaGraphql, 'INGEST'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordDossierEvents).toMatchObject({ accepted: all.length, errors: [] });

    const codes = scripted.map((s) => s.code);
    const fromSync = await rows(viaSync, codes);
    expect(fromSync).toEqual(await rows(viaGraphql, codes));
    // And both are what the rules give by hand.
    expect(
      fromSync.map(({ code, status, receivedAt, dueAt, endedAt, timeliness, pausedMinutes }) => ({
        code,
        status,
        receivedAt,
        dueAt,
        endedAt,
        timeliness,
        pausedMinutes,
      })),
    ).toEqual(
      [...scripted]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((s) => ({ code: s.code, ...s.expected })),
    );

    // Ninh Phước: received 7 (all but the refusal); finished 6 (not the one in process); early: the
    // 2/3 and the supplemented one; on time: resolved on the due day, withdrawn, khai sinh after the
    // cut-off; late: the 9/3 one.
    const ninhPhuoc = await statsOf(viaSync, NINH_PHUOC);
    expect(ninhPhuoc).toEqual({ received: 7, finished: 6, early: 2, onTime: 3, late: 1, onTimeRate: 5 / 6 });
    expect(await statsOf(viaGraphql, NINH_PHUOC)).toEqual(ninhPhuoc);
    // Phước Hậu: resolved the same day, and stopped (counted on time).
    const phuocHau = await statsOf(viaSync, PHUOC_HAU);
    expect(phuocHau).toEqual({ received: 2, finished: 2, early: 0, onTime: 2, late: 0, onTimeRate: 1 });
    expect(await statsOf(viaGraphql, PHUOC_HAU)).toEqual(phuocHau);
  });

  it('adds nothing when the same payload comes again, as an envelope or as a bare list', async () => {
    for (const body of [envelope(items), items]) {
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ accepted: 0, duplicates: EVENTS_FROM_SNAPSHOTS });
      expect(res.body.errors.map(({ index, maHoSo, code }) => ({ index, maHoSo, code }))).toEqual(
        ITEM_ERRORS,
      );
    }
  });

  it('adds only the new events of a later snapshot: a supplement, then its answer, an apology and the end', async () => {
    const code = 'H56.22873-260406-0003';
    // TTHN received Mon 6/4 08:00 + 1,440: Mon 420, Tue 900, Wed 1,380, Thu +60 → due Thu 9/4 08:00.
    const base = {
      NgayNopHoSo: '2026-04-06T08:00',
      NgayTiepNhan: '2026-04-06T08:00',
      NgayHenTra: '2026-04-09T08:00',
    };
    const asked = { NgayBoSung: '2026-04-07T09:00', NgayHenTraTruoc: '2026-04-09T08:00' };
    // Answered Thu 9/4 09:00: paused Tue 360 + Wed 480 + Thu 120 = 960; due Thu 08:00 + 960: Thu 420,
    // Fri 900, Mon +60 → Mon 13/4 08:00. An apology then promises Wed 15/4 17:00; resolved Wed 15/4
    // 10:00, after the due day 13/4 → LATE: the apology does not help.
    const answered = { ...asked, NgayTiepNhanBoSung: '2026-04-09T09:00', NgayHenTraMoi: '2026-04-13T08:00' };
    const steps: [Record<string, unknown>, { accepted: number; duplicates: number }][] = [
      [item(code, PHUOC_HAU, TTHN, 1, 4, base), { accepted: 3, duplicates: 0 }],
      [item(code, PHUOC_HAU, TTHN, 1, 5, base, [asked]), { accepted: 1, duplicates: 3 }],
      [
        item(
          code,
          PHUOC_HAU,
          TTHN,
          1,
          9,
          { ...base, NgayHenTra: '2026-04-15T17:00', NgayKetThucXuLy: '2026-04-15T10:00' },
          [answered],
        ),
        { accepted: 3, duplicates: 4 }, // the answer, the apology, the resolution
      ],
    ];
    for (const [snapshot, expected] of steps) {
      const res = await post(envelope([snapshot]));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...expected, errors: [] });
    }
    expect((await post([steps[2]![0]])).body).toEqual({ accepted: 0, duplicates: 7, errors: [] });
    expect(await rows(viaSync, [code])).toEqual([
      {
        code,
        status: 'RESOLVED',
        receivedAt: '2026-04-06T08:00',
        dueAt: '2026-04-15T17:00',
        endedAt: '2026-04-15T10:00',
        timeliness: 'LATE',
        pausedMinutes: 960,
        supplementRequests: 1,
        apologies: 1,
      },
    ]);
  });

  it('infers an apology without supplements from the due date recorded with an earlier snapshot', async () => {
    const code = 'H56.22873-260406-0004';
    // Received Mon 6/4 09:00 → due Thu 9/4 09:00. Later: NgayHenTra 14/4 17:00 (an apology), resolved
    // Tue 14/4 10:00 and returned at 11:00 → LATE against 9/4.
    const received = {
      NgayNopHoSo: '2026-04-06T09:00',
      NgayTiepNhan: '2026-04-06T09:00',
      NgayHenTra: '2026-04-09T09:00',
    };
    expect((await post([item(code, PHUOC_HAU, TTHN, 1, 2, received)])).body).toEqual({
      accepted: 2,
      duplicates: 0,
      errors: [],
    });
    const done = item(code, PHUOC_HAU, TTHN, 1, 10, {
      ...received,
      NgayHenTra: '2026-04-14T17:00',
      NgayKetThucXuLy: '2026-04-14T10:00',
      NgayTra: '2026-04-14T11:00',
    });
    // New: processing from reception, the apology, resolved, returned.
    expect((await post([done])).body).toEqual({ accepted: 4, duplicates: 2, errors: [] });
    expect((await post([done])).body).toEqual({ accepted: 0, duplicates: 6, errors: [] });
    expect(await rows(viaSync, [code])).toEqual([
      {
        code,
        status: 'RETURNED',
        receivedAt: '2026-04-06T09:00',
        dueAt: '2026-04-14T17:00',
        endedAt: '2026-04-14T10:00',
        timeliness: 'LATE',
        pausedMinutes: 0,
        supplementRequests: 0,
        apologies: 1,
      },
    ]);
  });

  it('records large requests in calls of at most 1,000 events, mapping errors back to the item', async () => {
    // 250 dossiers × 5 events = 1,250 events: two ingestion calls (items 0–199, then 200–249).
    // Item 240, in the second call, names an agency that does not exist.
    const many = Array.from({ length: 250 }, (_, i) =>
      item(`H56.22873-260504-${1000 + i}`, i === 240 ? '99999' : PHUOC_HAU, KHAI_SINH, 1, 10, {
        NgayNopHoSo: '2026-05-04T08:00',
        NgayTiepNhan: '2026-05-04T08:00',
        NgayHenTra: '2026-05-04T17:00',
        NgayKetThucXuLy: '2026-05-04T10:00',
        NgayTra: '2026-05-04T11:00',
      }),
    );
    const res = await post(envelope(many));
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(249 * 5);
    expect(res.body.errors.map(({ index, maHoSo, code }) => ({ index, maHoSo, code }))).toEqual([
      { index: 240, maHoSo: 'H56.22873-260504-1240', code: 'UNKNOWN_AGENCY' },
    ]);
    expect((await post(many)).body).toMatchObject({ accepted: 0, duplicates: 249 * 5 });
  });

  it('keeps no personal data of the applicant anywhere in the database', async () => {
    const pool = viaSync.api.services.db.pool;
    const tables = await pool.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.rows.length).toBeGreaterThan(5);
    let dumped = '';
    for (const { name } of tables.rows) {
      const { rows: dump } = await pool.query<{ j: string | null }>(
        `SELECT json_agg(t)::text AS j FROM "${name}" t`,
      );
      dumped += dump[0]!.j ?? '';
    }
    expect(dumped).toContain('H56.22870-260302-0001');
    for (const value of Object.values(APPLICANT)) expect(dumped).not.toContain(value);
  });
});

describe('request errors', () => {
  it('needs an API key with the ingest scope', async () => {
    const payload = envelope([scripted[0]!.snapshot]);
    const none = await post(payload, {});
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const garbage = await post(payload, { authorization: 'Bearer not-an-api-key' });
    expect(garbage.status).toBe(401);
    expect(garbage.body.code).toBe('UNAUTHENTICATED');
    const revokedLike = await post(payload, { authorization: `Bearer tthc_000000000000_${'A'.repeat(43)}` });
    expect(revokedLike.status).toBe(401);
    const readOnly = await post(payload, await keyFor(viaSync, 'READ'));
    expect(readOnly.status).toBe(403);
    expect(readOnly.body).toEqual({ code: 'FORBIDDEN', message: expect.stringMatching(/ingest/) });
  });

  it('answers malformed JSON with 400 BAD_JSON, and other shapes with their codes', async () => {
    const bad = await post('{"data": [ {"MaHoSo": ');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_JSON');
    expect((await post('')).body.code).toBe('BAD_JSON');
    const shape = await post({ ketQua: [] });
    expect([shape.status, shape.body.code]).toEqual([400, 'INVALID_PAYLOAD']);
    const progress = await post({ service: 'CapNhatTienDoHoSoMC', data: [] });
    expect([progress.status, progress.body.code]).toEqual([400, 'UNSUPPORTED_SERVICE']);
    const get = await fetch(syncUrl, { headers: ingest });
    expect([get.status, ((await get.json()) as Problem).code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
  });

  it('takes at most 1,000 items a request', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...scripted[0]!.snapshot, MaHoSo: `X-${i}` }));
    const res = await post(envelope(many));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('TOO_MANY_ITEMS');
    expect(await viaSync.api.services.prisma.dossier.count({ where: { code: { startsWith: 'X-' } } })).toBe(
      0,
    );
  });

  it('refuses a body over 5 MB with 413 and a JSON error', async () => {
    const res = await post(`[${' '.repeat(5 * 1024 * 1024)}]`);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unexpected failure with 500 INTERNAL, without details, and logs it', async () => {
    const services = viaSync.api.services;
    const logged: unknown[] = [];
    const failing: Services = {
      ...services,
      logger: Object.assign(Object.create(services.logger), {
        error: (...args: unknown[]) => logged.push(args),
      }),
      prisma: new Proxy(services.prisma, {
        get: (target, property) =>
          property === 'dossier'
            ? { findMany: () => Promise.reject(new Error('kết nối cơ sở dữ liệu bị ngắt: chi tiết nội bộ')) }
            : Reflect.get(target, property),
      }),
    };
    const url = await sideServer(failing);
    const res = await post(envelope([scripted[0]!.snapshot]), ingest, url);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại sau.' });
    expect(res.text).not.toMatch(/chi tiết nội bộ|\n\s+at |stack/i);
    expect(logged).toHaveLength(1);
  });
});
