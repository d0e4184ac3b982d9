import type pg from 'pg';
import type { WorkingCalendar } from '../../domain/calendar.ts';
import {
  type DossierEventFact,
  type DossierState,
  distinctEventsBySequence,
  foldDossierEvents,
} from '../../domain/dossier-state.ts';
import { type Admission, DossierEventLog } from '../../domain/event-admission.ts';
import { type DossierFacts, RollupDelta } from '../../domain/rollup-contribution.ts';
import { formatLocalIso } from '../../domain/time.ts';
import type { ErrorCode } from '../../errors.ts';
import type { Services } from '../context.ts';
import { PhaseTimer } from '../phase-timer.ts';
import { inTransaction } from '../transaction.ts';
import { rulesAt } from './reference.ts';
import { type EventRow, loadDossiers, type StoredDossier, writeBatch } from './store.ts';
import type { DossierEventInput, Identity, IngestJob, ResolvedEvent, StatsChange } from './types.ts';

export async function applyGroup(
  services: Pick<Services, 'db' | 'calendars' | 'pubsub' | 'logger'>,
  jobs: IngestJob[],
): Promise<void> {
  const timer = new PhaseTimer();
  const calendar = await services.calendars.get();
  const change = await inTransaction(
    services.db.pool,
    (client) => ingestInTransaction(client, jobs, calendar, timer),
    timer,
  );
  const events = jobs.reduce((n, j) => n + j.resolved.length, 0);
  const accepted = jobs.reduce((n, j) => n + j.accepted, 0);
  services.logger.debug({ batches: jobs.length, events, accepted, ms: timer.phases }, 'ingest group');
  if (accepted > 0) services.pubsub.publish('stats:changed', change);
}

interface Tagged extends ResolvedEvent {
  job: IngestJob;
}

async function ingestInTransaction(
  client: pg.PoolClient,
  jobs: IngestJob[],
  calendar: WorkingCalendar,
  timer: PhaseTimer,
): Promise<StatsChange> {
  const byCode = new Map<string, Tagged[]>();
  const tagged = jobs.flatMap((job) => job.resolved.map((e): Tagged => ({ ...e, job })));
  for (const e of tagged) {
    const list = byCode.get(e.input.dossierCode);
    if (list) list.push(e);
    else byCode.set(e.input.dossierCode, [e]);
  }
  const codes = [...byCode.keys()].sort();
  const existing = await loadDossiers(client, codes);
  timer.mark('load');

  const newEvents: EventRow[] = [];
  const touched: {
    code: string;
    stored: StoredDossier | undefined;
    identity: Identity;
    fresh: Tagged[];
  }[] = [];
  for (const code of codes) {
    const stored = existing.get(code);
    const identity: Identity = stored?.identity ?? identityOf(byCode.get(code)![0]!);
    // Events are judged in arrival order, the stored ones first: the first recorded wins.
    const log = new DossierEventLog(stored?.events);
    const fresh: Tagged[] = [];
    for (const e of byCode.get(code)!) {
      const refuse = (errorCode: ErrorCode, message: string, field?: keyof DossierEventInput) =>
        e.job.errors.push({ index: e.index, code: errorCode, message, ...(field ? { field } : {}) });
      // The event's own agency was checked before; the dossier's agency is checked here, under the
      // dossier's lock: a key must not alter another unit's dossier by naming its own unit.
      if (!e.job.options.scope.isAllowed(identity.agencyId)) {
        refuse(
          'OUT_OF_SCOPE',
          `Hồ sơ ${code} thuộc cơ quan, đơn vị ngoài phạm vi của khóa API.`,
          'dossierCode',
        );
        continue;
      }
      if (!sameDossier(identity, e)) {
        refuse('INCONSISTENT_DOSSIER', `Hồ sơ ${code} đã được ghi nhận với thủ tục, cơ quan hoặc kênh khác.`);
        continue;
      }
      // One rule for both paths (event-admission.ts): same sequence and content → duplicate, other
      // content → IDEMPOTENCY_CONFLICT; dated across a reception or an end → INCONSISTENT.
      const admission = log.admit({ ...factOf(e), derived: e.input.derived });
      if (admission.kind === 'DUPLICATE') {
        e.job.duplicates += 1;
        continue;
      }
      if (admission.kind !== 'NEW') {
        refuse(...refusalOf(code, e, admission));
        continue;
      }
      e.job.accepted += 1;
      fresh.push(e);
    }
    if (fresh.length > 0) touched.push({ code, stored, identity, fresh });
  }

  const delta = new RollupDelta();
  const states: {
    code: string;
    identity: Identity;
    stored: StoredDossier | undefined;
    state: DossierState;
  }[] = [];
  for (const t of touched) {
    const facts: DossierEventFact[] = [...(t.stored?.events ?? []), ...t.fresh.map(factOf)];
    // The procedure is in the catalogue data of the batch that named it (every batch of the group
    // that touches this dossier names the same procedure, or its event was rejected above).
    const procedure = t.fresh[0]!.reference.procedureById.get(t.identity.procedureId)!;
    // The limit and cut-off of the procedure version in force when the dossier was received
    // (docs/domain.md §2.4); not received yet, there is no due date to compute.
    const receivedAt = distinctEventsBySequence(facts).find((e) => e.status === 'RECEIVED')?.occurredAt;
    const rules = receivedAt
      ? rulesAt(
          procedure,
          t.identity.channel,
          receivedAt,
          t.fresh[0]!.reference.practiceOf(t.identity.agencyId),
          calendar,
        )
      : { limit: null, sameDayCutoffMinute: null };
    // `rules.calendar`, when there, is the province's working hours at reception (practice settings).
    const state = foldDossierEvents(facts, { calendar, ...rules });
    if (t.stored) delta.add(t.stored.facts, -1);
    delta.add(factsOf(t.identity, state, t.stored), 1);
    states.push({ code: t.code, identity: t.identity, stored: t.stored, state });
    for (const e of t.fresh) {
      newEvents.push({
        code: t.code,
        sequence: e.input.sequence,
        status: e.input.status,
        occurredAt: e.input.occurredAt,
        dueAt: e.input.dueAt ?? null,
        apologyRef: e.input.apologyRef ?? null,
        source: e.job.options.source,
      });
    }
  }
  timer.mark('fold');
  if (states.length > 0) await writeBatch(client, states, newEvents, delta, calendar, timer);
  return {
    agencyIds: [...new Set(states.map((s) => s.identity.agencyId))],
    procedureIds: [...new Set(states.map((s) => s.identity.procedureId))],
  };
}

function factOf(e: ResolvedEvent): DossierEventFact {
  return {
    sequence: e.input.sequence,
    status: e.input.status,
    occurredAt: e.input.occurredAt,
    dueAt: e.input.dueAt ?? null,
    apologyRef: e.input.apologyRef ?? null,
  };
}

const FIELD_NAMES = {
  status: 'trạng thái',
  occurredAt: 'thời điểm',
  dueAt: 'ngày hẹn trả',
  apologyRef: 'số phiếu xin lỗi',
} as const;

/** Local time for messages, e.g. 02/03/2026 08:15: the officials reading them think in Asia/Ho_Chi_Minh. */
function local(d: Date): string {
  const [date, time] = formatLocalIso(d).split('T') as [string, string];
  const [y, m, day] = date.split('-');
  return `${day}/${m}/${y} ${time.slice(0, 5)}`;
}

/** The error code, message and field at fault (if one) of an event the admission rules refuse. */
function refusalOf(
  code: string,
  e: ResolvedEvent,
  admission: Extract<Admission, { kind: 'CONFLICT' | 'OUT_OF_ORDER' }>,
): [ErrorCode, string, (keyof DossierEventInput)?] {
  const sequence = e.input.sequence;
  if (admission.kind === 'CONFLICT') {
    const fields = admission.fields.map((f) => FIELD_NAMES[f]).join(', ');
    return [
      'IDEMPOTENCY_CONFLICT',
      `Sự kiện số ${sequence} của hồ sơ ${code} đã được ghi nhận với nội dung khác (${fields}): giữ nguyên nội dung đã ghi nhận, không ghi đè.`,
    ];
  }
  const other = admission.against;
  const describe = (f: DossierEventFact) =>
    `sự kiện số ${f.sequence} (${STATUS_NAMES[f.status]}, lúc ${local(f.occurredAt)})`;
  return [
    'INCONSISTENT',
    `Dữ liệu không nhất quán: ${describe(factOf(e))} trái thứ tự thời gian với ${describe(other)} đã ghi nhận của hồ sơ ${code}. Theo số thứ tự, sự kiện trước không được xảy ra sau, sự kiện sau không được xảy ra trước thời điểm tiếp nhận hoặc kết thúc hồ sơ.`,
    'occurredAt',
  ];
}

/** The national names of TrangThaiHoSo 1..10 (docs/domain.md §3.4), for messages. */
const STATUS_NAMES: Record<DossierEventFact['status'], string> = {
  SUBMITTED: 'mới đăng ký',
  RECEIVED: 'được tiếp nhận',
  REFUSED: 'không được tiếp nhận',
  PROCESSING: 'đang xử lý',
  SUPPLEMENT_REQUESTED: 'yêu cầu bổ sung',
  AWAITING_PAYMENT: 'chờ thực hiện nghĩa vụ tài chính',
  WITHDRAWN: 'rút hồ sơ',
  STOPPED: 'dừng xử lý',
  RESOLVED: 'đã xử lý xong',
  RETURNED: 'đã trả kết quả',
};

export function identityOf(e: ResolvedEvent): Identity {
  return {
    procedureId: e.procedureId,
    agencyId: e.agencyId,
    agencyCode: e.input.agencyCode,
    channel: e.input.channel,
    applicantType: e.input.applicantType ?? null,
  };
}

/**
 * An event belongs to a dossier when it names the same procedure, channel and unit. The unit is
 * compared by code: a dossier received by TT Phước Dân (22870) before 1/7/2025 may get its result
 * event after the merger, when 22870 names xã Ninh Phước — still the same desk.
 */
export function sameDossier(identity: Identity, e: ResolvedEvent): boolean {
  return (
    identity.procedureId === e.procedureId &&
    identity.channel === e.input.channel &&
    (identity.agencyId === e.agencyId || e.reference.agencyCode(identity.agencyId) === e.input.agencyCode)
  );
}

export function factsOf(identity: Identity, state: DossierState, stored?: StoredDossier): DossierFacts {
  return {
    agencyId: identity.agencyId,
    procedureId: identity.procedureId,
    channel: identity.channel,
    status: state.status,
    receivedAt: state.receivedAt,
    resolvedAt: state.resolvedAt,
    returnedAt: state.returnedAt,
    endedAt: state.endedAt,
    timeliness: state.timeliness,
    timelinessDueAt: state.timelinessDueAt,
    supplementPendingSince: state.supplementPendingSince,
    supplementRequests: state.supplementRequests,
    apologies: state.apologies,
    processingMinutes: state.processingMinutes,
    // A dossier that reopens (e.g. a late RECEIVED folds an end away) keeps its rating row, but the
    // rating only counts while the dossier is finished (rollup-contribution counts it at the end).
    rating: stored?.facts.rating ?? null,
    ratingLinkIssued: stored?.facts.ratingLinkIssued ?? false,
    hasPetition: stored?.facts.hasPetition ?? false,
    openJudgements: state.openJudgements,
    counterDays: state.counterDays,
  };
}
