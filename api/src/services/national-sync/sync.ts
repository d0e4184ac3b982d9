// The national portal's dossier sync (`DongBoHoSoMC`) as a use case: each item of a request is mapped
// onto events (mapping.ts) and recorded by ingestion in calls of at most MAX_EVENTS_PER_CALL events,
// a dossier's events always in one call; errors are reported per item. The HTTP endpoint is
// server/national-sync-endpoint.ts.

import type { ErrorCode } from '../../errors.ts';
import type { AgencyScope } from '../access/agency-scope.ts';
import type { Services } from '../context.ts';
import { type DossierEventInput, recordDossierEvents } from '../ingestion/ingest.ts';
import { isDossierCode } from '../ingestion/validate.ts';
import { dossierCodeOf, mapDongBoHoSo } from './mapping.ts';

export const MAX_EVENTS_PER_CALL = 1000;

export interface SyncItemError {
  /** Position of the item in the list sent. */
  index: number;
  maHoSo: string | null;
  code: ErrorCode;
  message: string;
}

export interface SyncResult {
  accepted: number;
  duplicates: number;
  errors: SyncItemError[];
}

interface MappedItem {
  index: number;
  maHoSo: string | null;
  events: DossierEventInput[];
}

/** Maps and records the items of one request; errors are reported per item. */
export async function syncItems(
  services: Services,
  items: unknown[],
  { actor, scope }: { actor: string; scope: AgencyScope },
): Promise<SyncResult> {
  const recorded = await recordedInitialDueDates(services, items, scope);
  const errors: SyncItemError[] = [];
  const mapped: MappedItem[] = [];
  items.forEach((item, index) => {
    const maHoSo = dossierCodeOf(item);
    const result = mapDongBoHoSo(item, { recordedInitialDueAt: (maHoSo && recorded.get(maHoSo)) || null });
    if ('error' in result) errors.push({ index, maHoSo, ...result.error });
    else if (result.events.length > 0) mapped.push({ index, maHoSo, events: result.events });
  });

  let accepted = 0;
  let duplicates = 0;
  for (const chunk of chunksOf(mapped)) {
    const events = chunk.flatMap((m) => m.events);
    const owners = chunk.flatMap((m) => m.events.map(() => m));
    const result = await recordDossierEvents(services, events, { source: 'NATIONAL_SYNC', actor, scope });
    accepted += result.accepted;
    duplicates += result.duplicates;
    // One error per item and code: an unknown procedure fails every event of the dossier alike.
    const reported = new Set<string>();
    for (const error of result.errors) {
      const owner = owners[error.index];
      if (!owner) throw new Error(`Ingestion reported an error for event ${error.index} of ${events.length}`);
      const key = `${owner.index}\u0000${error.code}`;
      if (reported.has(key)) continue;
      reported.add(key);
      errors.push({ index: owner.index, maHoSo: owner.maHoSo, code: error.code, message: error.message });
    }
  }
  errors.sort((a, b) => a.index - b.index);
  return { accepted, duplicates, errors };
}

/** Items packed into calls of at most MAX_EVENTS_PER_CALL events; an item is never split. */
function chunksOf(mapped: MappedItem[]): MappedItem[][] {
  const chunks: MappedItem[][] = [];
  let current: MappedItem[] = [];
  let size = 0;
  for (const item of mapped) {
    if (current.length > 0 && size + item.events.length > MAX_EVENTS_PER_CALL) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.events.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The initial due dates we already hold for the dossiers of a request (for apology inference). Only
 * codes ingestion would accept reach the query (a NUL byte would fail it for the whole request), and
 * only the dossiers the key may write for count: another unit's dossier must not shape the mapping
 * (its events are refused as OUT_OF_SCOPE anyway).
 */
async function recordedInitialDueDates(
  services: Services,
  items: unknown[],
  scope: AgencyScope,
): Promise<Map<string, Date | null>> {
  const codes = [...new Set(items.map(dossierCodeOf).filter(isDossierCode))];
  if (codes.length === 0) return new Map();
  const rows = await services.prisma.dossier.findMany({
    where: { code: { in: codes } },
    select: { code: true, agencyId: true, initialDueAt: true },
  });
  return new Map(rows.filter((r) => scope.isAllowed(r.agencyId)).map((r) => [r.code, r.initialDueAt]));
}
