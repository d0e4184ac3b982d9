// Folding stored dossiers again after a migration added to what the fold stores: rows written before
// it have NULL in the new column ("openJudgements", docs/domain.md §3.9; "counterDays"). They are folded from their
// own events exactly as ingestion would (same fold, same catalogue rules, same writes), and the
// rollups move by the difference, so the rollups stay the sum of every dossier's contribution
// whether they were rebuilt before or after. Runs at start, a page at a time.
import type pg from 'pg';
import type { WorkingCalendar } from '../../domain/calendar.ts';
import { distinctEventsBySequence, foldDossierEvents } from '../../domain/dossier-state.ts';
import { RollupDelta } from '../../domain/rollup-contribution.ts';
import type { Services } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { factsOf } from './apply.ts';
import { loadReferenceData, rulesAt } from './reference.ts';
import { loadDossiers, writeBatch } from './store.ts';

/** Dossiers folded per transaction: bounds memory and lock time. */
const PAGE = 1000;

const STALE_SQL = `SELECT d.code, p.code AS "procedureCode", a.code AS "agencyCode"
  FROM "Dossier" d JOIN "Procedure" p ON p.id = d."procedureId" JOIN "Agency" a ON a.id = d."agencyId"
 WHERE (d."openJudgements" IS NULL OR d."counterDays" IS NULL) AND d.code > $1
 ORDER BY d.code LIMIT ${PAGE}`;

/** Folds again every dossier whose "openJudgements" or "counterDays" is NULL; returns how many. */
export async function refoldStaleDossiers(
  services: Pick<Services, 'db' | 'calendars' | 'logger'>,
): Promise<number> {
  // Loaded only when there is something to fold: the cached calendar would otherwise be taken before
  // anything (a seed, a test) has written the holidays, and kept for the cache's lifetime.
  let calendar: WorkingCalendar | undefined;
  let done = 0;
  for (let after = ''; ; ) {
    const page = await services.db.pool.query<{ code: string; procedureCode: string; agencyCode: string }>(
      STALE_SQL,
      [after],
    );
    if (page.rows.length === 0) break;
    after = page.rows[page.rows.length - 1]!.code;
    calendar ??= await services.calendars.get();
    const folding = calendar;
    await inTransaction(services.db.pool, (client) => refoldPage(client, page.rows, folding));
    done += page.rows.length;
    if (page.rows.length < PAGE) break;
  }
  if (done > 0) services.logger.info({ dossiers: done }, 'Đã tính lại trạng thái hồ sơ theo quy tắc mới');
  return done;
}

async function refoldPage(
  client: pg.PoolClient,
  rows: { code: string; procedureCode: string; agencyCode: string }[],
  calendar: WorkingCalendar,
): Promise<void> {
  const reference = await loadReferenceData(client, rows);
  const stored = await loadDossiers(
    client,
    rows.map((r) => r.code),
  );
  const delta = new RollupDelta();
  const touched = [];
  for (const dossier of stored.values()) {
    if (dossier.events.length === 0) continue;
    const procedure = reference.procedureById.get(dossier.identity.procedureId);
    const receivedAt = distinctEventsBySequence(dossier.events).find(
      (e) => e.status === 'RECEIVED',
    )?.occurredAt;
    const rules =
      procedure && receivedAt
        ? rulesAt(
            procedure,
            dossier.identity.channel,
            receivedAt,
            reference.practiceOf(dossier.identity.agencyId),
            calendar,
          )
        : { limit: null, sameDayCutoffMinute: null };
    // `rules.calendar`, when there, is the province's working hours at reception (practice settings).
    const state = foldDossierEvents(dossier.events, { calendar, ...rules });
    // A row folded before "counterDays" existed (migration counter_days, which empties the rollups):
    // the rebuild that precedes this counted its requests and apologies from its events, on the
    // same days as this fold, so they are its "before" as well — they must not count twice.
    delta.add(
      dossier.facts.counterDays === null
        ? { ...dossier.facts, counterDays: state.counterDays }
        : dossier.facts,
      -1,
    );
    delta.add(factsOf(dossier.identity, state, dossier), 1);
    touched.push({ code: dossier.code, identity: dossier.identity, stored: dossier, state });
  }
  if (touched.length > 0) await writeBatch(client, touched, [], delta, calendar);
}
