import { describe, expect, it } from 'vitest';
import type { DossierEventInput } from '../ingestion/ingest.ts';
import { MAX_SUPPLEMENTS, type MappingResult, mapDongBoHoSo, SEQUENCE } from './mapping.ts';

/** An instant given as local time in Asia/Ho_Chi_Minh. */
const at = (local: string) => new Date(`${local}+07:00`);

/** A complete snapshot as a one-stop system sends it, personal data included. */
function snapshot(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: 'H56.22870-260302-0001',
    MaTTHC: '1.004873',
    TenTTHC: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    MaLinhVuc: 'HT',
    TenLinhVuc: 'Hộ tịch',
    KenhThucHien: '1',
    ChuHoSo: 'Nguyễn Thị Hồng Nhung',
    SoGiayToChuHoSo: '058196001234',
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '058196001234' }],
    LoaiDoiTuong: '1',
    Email: 'nhung.nguyen@example.vn',
    SoDienThoai: '0905123456',
    TrichYeuHoSo: 'Xác nhận tình trạng hôn nhân cho bà Nguyễn Thị Hồng Nhung, 12 Lê Lợi',
    NoiNopHoSo: '12 Lê Lợi, thôn Phước Dân',
    NgayNopHoSo: '20260302080000',
    NgayTiepNhan: '20260302081500',
    NgayHenTra: '20260305081500',
    TrangThaiHoSo: '4',
    NgayKetThucXuLy: '',
    NgayTra: '',
    DonViXuLy: '22870',
    NgayTuChoi: '',
    DuocThanhToanTrucTuyen: '0',
    DanhSachHoSoBoSung: [],
    DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '0' }],
    ...overrides,
  };
}

function eventsOf(result: MappingResult): DossierEventInput[] {
  if ('error' in result) throw new Error(`unexpected ${result.error.code}: ${result.error.message}`);
  return result.events;
}

function errorOf(result: MappingResult) {
  if (!('error' in result)) throw new Error(`expected an error, got ${result.events.length} events`);
  return result.error;
}

/** sequence → [status, local time, due date] for compact expectations. */
function summary(events: DossierEventInput[]) {
  const local = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
  return events.map((e) => [
    e.sequence,
    e.status,
    local(e.occurredAt),
    e.dueAt === undefined ? undefined : e.dueAt === null ? null : local(e.dueAt),
  ]);
}

const supplement = (
  NgayBoSung: string,
  NgayTiepNhanBoSung: string,
  NgayHenTraTruoc: string,
  NgayHenTraMoi: string,
) => ({
  NguoiYeuCauBoSung: 'Trần Văn Cán Bộ',
  NoiDungBoSung: 'Bổ sung bản sao CCCD 058196001234 của Nguyễn Thị Hồng Nhung',
  NgayBoSung,
  NgayTiepNhanBoSung,
  NgayHenTraTruoc,
  NgayHenTraMoi,
});

describe('mapDongBoHoSo: events and sequence numbers', () => {
  it('maps an in-process dossier: submitted, received with its due date, processing from reception', () => {
    const events = eventsOf(mapDongBoHoSo(snapshot()));
    expect(summary(events)).toEqual([
      [1, 'SUBMITTED', '2026-03-02T08:00:00', undefined],
      [2, 'RECEIVED', '2026-03-02T08:15:00', '2026-03-05T08:15:00'],
      [3, 'PROCESSING', '2026-03-02T08:15:00', undefined],
    ]);
    expect(events[0]).toMatchObject({
      dossierCode: 'H56.22870-260302-0001',
      procedureCode: '1.004873',
      agencyCode: '22870',
      channel: 'IN_PERSON',
      applicantType: 'CITIZEN',
    });
  });

  it('maps a resolved and returned dossier with one supplement; the original due date is NgayHenTraTruoc', () => {
    const events = eventsOf(
      mapDongBoHoSo(
        snapshot({
          TrangThaiHoSo: '10',
          NgayHenTra: '20260309081500', // moved by the supplement
          NgayKetThucXuLy: '20260309100000',
          NgayTra: '20260309143000',
          DanhSachHoSoBoSung: [
            supplement('20260303090000', '20260305090000', '20260305081500', '20260309081500'),
          ],
        }),
      ),
    );
    expect(summary(events)).toEqual([
      [1, 'SUBMITTED', '2026-03-02T08:00:00', undefined],
      [2, 'RECEIVED', '2026-03-02T08:15:00', '2026-03-05T08:15:00'],
      [3, 'PROCESSING', '2026-03-02T08:15:00', undefined],
      [100, 'SUPPLEMENT_REQUESTED', '2026-03-03T09:00:00', undefined],
      [101, 'PROCESSING', '2026-03-05T09:00:00', '2026-03-09T08:15:00'],
      [9004, 'RESOLVED', '2026-03-09T10:00:00', undefined],
      [9005, 'RETURNED', '2026-03-09T14:30:00', undefined],
    ]);
  });

  it('gives the same events for the same snapshot, and for numbers instead of strings', () => {
    const item = snapshot({ TrangThaiHoSo: '9', NgayKetThucXuLy: '20260304160000' });
    const again = JSON.parse(JSON.stringify(item));
    expect(mapDongBoHoSo(again)).toEqual(mapDongBoHoSo(item));
    const numeric = {
      ...item,
      KenhThucHien: 1,
      TrangThaiHoSo: 9,
      LoaiDoiTuong: 1,
      NgayTiepNhan: 20260302081500,
    };
    expect(mapDongBoHoSo(numeric)).toEqual(mapDongBoHoSo(item));
  });

  it('keeps every sequence stable over the life of a dossier: later snapshots only add events', () => {
    const first = supplement('20260303090000', '20260305090000', '20260305081500', '20260309081500');
    const second = supplement('20260310090000', '', '20260309081500', '');
    const secondAnswered = supplement('20260310090000', '20260311100000', '20260309081500', '20260312100000');
    const lifecycle = [
      snapshot({ TrangThaiHoSo: '2' }),
      snapshot({ TrangThaiHoSo: '4' }),
      snapshot({
        TrangThaiHoSo: '5',
        DanhSachHoSoBoSung: [{ ...first, NgayTiepNhanBoSung: '', NgayHenTraMoi: '' }],
      }),
      snapshot({ TrangThaiHoSo: '4', NgayHenTra: '20260309081500', DanhSachHoSoBoSung: [first] }),
      snapshot({ TrangThaiHoSo: '5', NgayHenTra: '20260309081500', DanhSachHoSoBoSung: [first, second] }),
      snapshot({
        TrangThaiHoSo: '6',
        NgayHenTra: '20260312100000',
        DanhSachHoSoBoSung: [first, secondAnswered],
      }),
      snapshot({
        TrangThaiHoSo: '9',
        NgayHenTra: '20260312100000',
        NgayKetThucXuLy: '20260312090000',
        DanhSachHoSoBoSung: [first, secondAnswered],
      }),
      snapshot({
        TrangThaiHoSo: '10',
        NgayHenTra: '20260312100000',
        NgayKetThucXuLy: '20260312090000',
        NgayTra: '20260313080000',
        DanhSachHoSoBoSung: [first, secondAnswered],
      }),
    ];
    const stored = new Map<number, DossierEventInput>();
    const added: number[][] = [];
    for (const item of lifecycle) {
      const fresh: number[] = [];
      for (const event of eventsOf(mapDongBoHoSo(item))) {
        const known = stored.get(event.sequence);
        // The same sequence always describes the same event, whichever snapshot produced it.
        if (known) expect(event).toEqual(known);
        else {
          stored.set(event.sequence, event);
          fresh.push(event.sequence);
        }
      }
      added.push(fresh);
    }
    expect(added).toEqual([[1, 2], [3], [100], [101], [102], [103, 9000], [9004], [9005]]);
    // Sequence order is time order.
    const ordered = [...stored.values()].sort((a, b) => a.sequence - b.sequence);
    for (let i = 1; i < ordered.length; i++) {
      expect(ordered[i]!.occurredAt.getTime()).toBeGreaterThanOrEqual(ordered[i - 1]!.occurredAt.getTime());
    }
  });

  it('numbers supplements by request time, whatever their order in the list', () => {
    const a = supplement('20260303090000', '20260303150000', '20260305081500', '20260305150000');
    const b = supplement('20260304090000', '20260304100000', '20260305150000', '20260305160000');
    const inOrder = eventsOf(mapDongBoHoSo(snapshot({ DanhSachHoSoBoSung: [a, b] })));
    const reversed = eventsOf(mapDongBoHoSo(snapshot({ DanhSachHoSoBoSung: [b, a] })));
    expect(reversed).toEqual(inOrder);
    expect(inOrder.map((e) => e.sequence)).toEqual([1, 2, 3, 100, 101, 102, 103]);
  });

  it('ignores supplement requests made before the reception, without renumbering the others', () => {
    const events = eventsOf(
      mapDongBoHoSo(
        snapshot({
          KenhThucHien: '2',
          NgayNopHoSo: '20260301200000',
          DanhSachHoSoBoSung: [
            supplement('20260302070000', '20260302080000', '', ''), // before NgayTiepNhan 08:15
            supplement('20260303090000', '20260304090000', '20260305081500', '20260306081500'),
          ],
          NgayHenTra: '20260306081500',
        }),
      ),
    );
    expect(summary(events)).toEqual([
      [1, 'SUBMITTED', '2026-03-01T20:00:00', undefined],
      [2, 'RECEIVED', '2026-03-02T08:15:00', '2026-03-05T08:15:00'],
      [3, 'PROCESSING', '2026-03-02T08:15:00', undefined],
      [102, 'SUPPLEMENT_REQUESTED', '2026-03-03T09:00:00', undefined],
      [103, 'PROCESSING', '2026-03-04T09:00:00', '2026-03-06T08:15:00'],
    ]);
  });

  it('maps a refusal at reception: never received, NgayTiepNhan ignored', () => {
    const events = eventsOf(
      mapDongBoHoSo(
        snapshot({
          KenhThucHien: '2',
          TrangThaiHoSo: '3',
          NgayNopHoSo: '20260302200000',
          NgayTiepNhan: '20260303080000',
          NgayTuChoi: '20260303080000',
        }),
      ),
    );
    expect(summary(events)).toEqual([
      [1, 'SUBMITTED', '2026-03-02T20:00:00', undefined],
      [9001, 'REFUSED', '2026-03-03T08:00:00', undefined],
    ]);
  });

  it('maps withdrawals and stops at NgayKetThucXuLy (else NgayTra), with or without a reception', () => {
    const withdrawn = eventsOf(mapDongBoHoSo(snapshot({ TrangThaiHoSo: '7', NgayTra: '20260303100000' })));
    expect(summary(withdrawn).map((e) => e.slice(0, 3))).toEqual([
      [1, 'SUBMITTED', '2026-03-02T08:00:00'],
      [2, 'RECEIVED', '2026-03-02T08:15:00'],
      [3, 'PROCESSING', '2026-03-02T08:15:00'],
      [9002, 'WITHDRAWN', '2026-03-03T10:00:00'],
    ]);
    const beforeReception = eventsOf(
      mapDongBoHoSo(
        snapshot({
          KenhThucHien: '2',
          TrangThaiHoSo: '7',
          NgayTiepNhan: '',
          NgayKetThucXuLy: '20260302090000',
        }),
      ),
    );
    expect(summary(beforeReception).map((e) => e.slice(0, 2))).toEqual([
      [1, 'SUBMITTED'],
      [9002, 'WITHDRAWN'],
    ]);
    const stopped = eventsOf(
      mapDongBoHoSo(
        snapshot({
          TrangThaiHoSo: '8',
          NgayKetThucXuLy: '20260320100000',
          DanhSachHoSoBoSung: [supplement('20260303090000', '', '20260305081500', '')],
        }),
      ),
    );
    expect(summary(stopped).map((e) => e.slice(0, 2))).toEqual([
      [1, 'SUBMITTED'],
      [2, 'RECEIVED'],
      [3, 'PROCESSING'],
      [100, 'SUPPLEMENT_REQUESTED'],
      [9003, 'STOPPED'],
    ]);
  });

  it('maps status 10 without NgayKetThucXuLy to RETURNED only', () => {
    const events = eventsOf(mapDongBoHoSo(snapshot({ TrangThaiHoSo: 10, NgayTra: '20260304100000' })));
    expect(events.map((e) => [e.sequence, e.status])).toEqual([
      [1, 'SUBMITTED'],
      [2, 'RECEIVED'],
      [3, 'PROCESSING'],
      [9005, 'RETURNED'],
    ]);
  });

  it('records an undated AWAITING_PAYMENT at the latest dated moment before it', () => {
    const events = eventsOf(
      mapDongBoHoSo(
        snapshot({
          TrangThaiHoSo: '6',
          NgayHenTra: '20260306081500',
          DanhSachHoSoBoSung: [
            supplement('20260303090000', '20260304090000', '20260305081500', '20260306081500'),
          ],
        }),
      ),
    );
    expect(summary(events).at(-1)).toEqual([9000, 'AWAITING_PAYMENT', '2026-03-04T09:00:00', undefined]);
    const noSupplement = eventsOf(mapDongBoHoSo(snapshot({ TrangThaiHoSo: '6' })));
    expect(summary(noSupplement).at(-1)).toEqual([
      9000,
      'AWAITING_PAYMENT',
      '2026-03-02T08:15:00',
      undefined,
    ]);
  });

  it('infers an apology when NgayHenTra is a later day than the due date after the last supplement', () => {
    const events = eventsOf(
      mapDongBoHoSo(
        snapshot({
          TrangThaiHoSo: '9',
          NgayHenTra: '20260312170000', // apology: 9/3 → 12/3
          NgayKetThucXuLy: '20260311100000',
          DanhSachHoSoBoSung: [
            supplement('20260303090000', '20260305090000', '20260305081500', '20260309081500'),
          ],
        }),
      ),
    );
    // 10 days from the reception day (2/3) to the new due day (12/3).
    expect(summary(events).slice(4)).toEqual([
      [101, 'PROCESSING', '2026-03-05T09:00:00', '2026-03-09T08:15:00'],
      [1010, 'PROCESSING', '2026-03-05T09:00:00', '2026-03-12T17:00:00'],
      [9004, 'RESOLVED', '2026-03-11T10:00:00', undefined],
    ]);
    expect(events.every((e) => !e.apologyRef)).toBe(true);
  });

  it('infers an apology without supplements only from the initial due date already recorded', () => {
    const item = snapshot({ NgayHenTra: '20260310170000' });
    const recorded = { recordedInitialDueAt: at('2026-03-05T08:15:00') };
    // Without what we recorded, the payload cannot tell the apology's date from the original one.
    expect(summary(eventsOf(mapDongBoHoSo(item)))[1]).toEqual([
      2,
      'RECEIVED',
      '2026-03-02T08:15:00',
      '2026-03-10T17:00:00',
    ]);
    const events = eventsOf(mapDongBoHoSo(item, recorded));
    expect(summary(events)).toEqual([
      [1, 'SUBMITTED', '2026-03-02T08:00:00', undefined],
      [2, 'RECEIVED', '2026-03-02T08:15:00', '2026-03-05T08:15:00'],
      [3, 'PROCESSING', '2026-03-02T08:15:00', undefined],
      [1008, 'PROCESSING', '2026-03-02T08:15:00', '2026-03-10T17:00:00'],
    ]);
  });

  it('infers nothing from a NgayHenTra on the same day or earlier (a sender that did not update it)', () => {
    const s1 = supplement('20260303090000', '20260305090000', '20260305081500', '20260309081500');
    for (const NgayHenTra of ['20260309170000', '20260305081500', '']) {
      const events = eventsOf(mapDongBoHoSo(snapshot({ NgayHenTra, DanhSachHoSoBoSung: [s1] })));
      expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 100, 101]);
    }
  });

  it('leaves the original due date to the procedure when supplements do not state NgayHenTraTruoc', () => {
    const events = eventsOf(
      mapDongBoHoSo(
        snapshot({
          NgayHenTra: '20260309081500',
          DanhSachHoSoBoSung: [supplement('20260303090000', '20260305090000', '', '')],
        }),
      ),
    );
    expect(events.find((e) => e.sequence === SEQUENCE.RECEIVED)!.dueAt).toBeNull();
  });

  it('treats empty strings and nulls as absent', () => {
    const events = eventsOf(
      mapDongBoHoSo(
        snapshot({ NgayNopHoSo: '', LoaiDoiTuong: null, NgayHenTra: null, DanhSachHoSoBoSung: null }),
      ),
    );
    expect(events.map((e) => e.sequence)).toEqual([2, 3]);
    expect(events[0]!.applicantType).toBeNull();
    expect(events[0]!.dueAt).toBeNull();
  });
});

describe('mapDongBoHoSo: personal data', () => {
  it('never copies the applicant’s name, ID numbers, phone, e-mail or address into events or errors', () => {
    const item = snapshot({
      TrangThaiHoSo: '10',
      NgayKetThucXuLy: '20260304100000',
      NgayTra: '20260304150000',
      DanhSachHoSoBoSung: [
        supplement('20260302090000', '20260302100000', '20260305081500', '20260305091500'),
      ],
    });
    const bad = snapshot({ TrangThaiHoSo: '9', NgayKetThucXuLy: '20260301000000' });
    const serialized = JSON.stringify([
      mapDongBoHoSo(item),
      mapDongBoHoSo(bad),
      mapDongBoHoSo({ ...item, NgayTra: 'x' }),
    ]);
    expect(serialized).toContain('H56.22870-260302-0001');
    for (const personal of [
      'Nguyễn',
      'Nhung',
      '058196001234',
      '0905123456',
      'nhung.nguyen@example.vn',
      'Lê Lợi',
      'Trần Văn',
      'Cán Bộ',
      'CCCD',
    ]) {
      expect(serialized).not.toContain(personal);
    }
    const keys = new Set(eventsOf(mapDongBoHoSo(item)).flatMap((e) => Object.keys(e)));
    expect([...keys].sort()).toEqual(
      [
        'agencyCode',
        'applicantType',
        'channel',
        'derived',
        'dossierCode',
        'dueAt',
        'occurredAt',
        'procedureCode',
        'sequence',
        'status',
      ].sort(),
    );
  });
});

describe('mapDongBoHoSo: validation errors', () => {
  const cases: [string, Record<string, unknown> | unknown, string][] = [
    ['not an object', ['MaHoSo'], 'INVALID_FIELD'],
    ['no MaHoSo', snapshot({ MaHoSo: '' }), 'MISSING_FIELD'],
    ['no MaTTHC', snapshot({ MaTTHC: undefined }), 'MISSING_FIELD'],
    ['no DonViXuLy', snapshot({ DonViXuLy: null }), 'MISSING_FIELD'],
    ['MaHoSo not text', snapshot({ MaHoSo: { x: 1 } }), 'INVALID_FIELD'],
    ['no KenhThucHien', snapshot({ KenhThucHien: '' }), 'MISSING_FIELD'],
    ['KenhThucHien 4', snapshot({ KenhThucHien: '4' }), 'INVALID_CHANNEL'],
    ['KenhThucHien text', snapshot({ KenhThucHien: 'online' }), 'INVALID_CHANNEL'],
    ['no TrangThaiHoSo', snapshot({ TrangThaiHoSo: undefined }), 'MISSING_FIELD'],
    ['TrangThaiHoSo 0', snapshot({ TrangThaiHoSo: 0 }), 'INVALID_STATUS'],
    ['TrangThaiHoSo 11', snapshot({ TrangThaiHoSo: '11' }), 'INVALID_STATUS'],
    ['LoaiDoiTuong 5', snapshot({ LoaiDoiTuong: '5' }), 'INVALID_FIELD'],
    ['ISO date', snapshot({ NgayTiepNhan: '2026-03-02T08:15:00' }), 'INVALID_DATE'],
    ['31 February', snapshot({ NgayTiepNhan: '20260231081500' }), 'INVALID_DATE'],
    ['25 o’clock', snapshot({ NgayHenTra: '20260305250000' }), 'INVALID_DATE'],
    ['12 digits', snapshot({ NgayNopHoSo: '202603020800' }), 'INVALID_DATE'],
    ['bad supplement date', snapshot({ DanhSachHoSoBoSung: [{ NgayBoSung: 'hôm qua' }] }), 'INVALID_DATE'],
    [
      'supplement without NgayBoSung',
      snapshot({ DanhSachHoSoBoSung: [{ NgayTiepNhanBoSung: '' }] }),
      'MISSING_FIELD',
    ],
    ['supplements not a list', snapshot({ DanhSachHoSoBoSung: 'x' }), 'INVALID_FIELD'],
    [
      'too many supplements',
      snapshot({
        DanhSachHoSoBoSung: Array.from({ length: MAX_SUPPLEMENTS + 1 }, () => ({
          NgayBoSung: '20260303090000',
        })),
      }),
      'INVALID_FIELD',
    ],
    ['received without NgayTiepNhan', snapshot({ TrangThaiHoSo: '2', NgayTiepNhan: '' }), 'MISSING_FIELD'],
    [
      'submitted without NgayNopHoSo',
      snapshot({ TrangThaiHoSo: '1', NgayNopHoSo: '', NgayTiepNhan: '' }),
      'MISSING_FIELD',
    ],
    ['resolved without NgayKetThucXuLy', snapshot({ TrangThaiHoSo: '9' }), 'MISSING_FIELD'],
    [
      'returned without NgayTra',
      snapshot({ TrangThaiHoSo: '10', NgayKetThucXuLy: '20260304100000' }),
      'MISSING_FIELD',
    ],
    ['refused without NgayTuChoi', snapshot({ TrangThaiHoSo: '3' }), 'MISSING_FIELD'],
    ['withdrawn without a date', snapshot({ TrangThaiHoSo: '7' }), 'MISSING_FIELD'],
    [
      'resolved before received',
      snapshot({ TrangThaiHoSo: '9', NgayKetThucXuLy: '20260302081459' }),
      'INCONSISTENT',
    ],
    [
      'returned before resolved',
      snapshot({ TrangThaiHoSo: '10', NgayKetThucXuLy: '20260304100000', NgayTra: '20260304090000' }),
      'INCONSISTENT',
    ],
    ['submitted after received', snapshot({ NgayNopHoSo: '20260302090000' }), 'INCONSISTENT'],
    ['due before received', snapshot({ NgayHenTra: '20260301170000' }), 'INCONSISTENT'],
    ['status 1 with a reception', snapshot({ TrangThaiHoSo: '1' }), 'INCONSISTENT'],
    ['status 5 with nothing pending', snapshot({ TrangThaiHoSo: '5' }), 'INCONSISTENT'],
    [
      'status 4 with a pending supplement',
      snapshot({ DanhSachHoSoBoSung: [supplement('20260303090000', '', '20260305081500', '')] }),
      'INCONSISTENT',
    ],
    [
      'supplement answered before requested',
      snapshot({ DanhSachHoSoBoSung: [supplement('20260303090000', '20260303080000', '', '')] }),
      'INCONSISTENT',
    ],
    [
      'unanswered supplement followed by another',
      snapshot({
        DanhSachHoSoBoSung: [
          supplement('20260303090000', '', '', ''),
          supplement('20260304090000', '20260304100000', '', ''),
        ],
      }),
      'INCONSISTENT',
    ],
    [
      'supplement after the end',
      snapshot({
        TrangThaiHoSo: '9',
        NgayKetThucXuLy: '20260304100000',
        DanhSachHoSoBoSung: [supplement('20260304110000', '20260304120000', '', '')],
      }),
      'INCONSISTENT',
    ],
  ];
  it.each(cases)('%s → %s', (_name, item, code) => {
    const error = errorOf(mapDongBoHoSo(item));
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('names the field in Vietnamese messages', () => {
    expect(errorOf(mapDongBoHoSo(snapshot({ TrangThaiHoSo: '9' })))).toEqual({
      code: 'MISSING_FIELD',
      message: 'Thiếu trường NgayKetThucXuLy (bắt buộc với hồ sơ trạng thái 9).',
    });
    expect(errorOf(mapDongBoHoSo(snapshot({ NgayTiepNhan: '2026' }))).message).toBe(
      'Trường NgayTiepNhan không đúng định dạng ngày giờ yyyyMMddHHmmss.',
    );
  });
});
