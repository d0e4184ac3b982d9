// The sectors (lĩnh vực) to choose from in forms and filters. The API has no list of sectors yet, so
// they are gathered from the catalogue's procedures, page by page, and kept for a while: sectors
// change with a new national catalogue, not from one request to the next.
import { AdminProcedureSectorsDocument, type AdminProcedureSectorsQuery } from '../graphql/generated/graphql';
import type { ApiClient } from './graphql';

export interface SectorOption {
  code: string;
  name: string;
}

const TTL_MS = 10 * 60_000;
/** 1,119 procedures are 12 pages; the bound only stops a runaway loop. */
const MAX_PAGES = 100;

let cached: { at: number; sectors: SectorOption[] } | null = null;

/** Sorted by name (Vietnamese order); empty when the API could not be asked (forms then take a code). */
export async function listSectors(api: ApiClient, now = Date.now()): Promise<SectorOption[]> {
  if (cached && now - cached.at < TTL_MS) return cached.sectors;
  const byCode = new Map<string, string>();
  let after: string | null = null;
  try {
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const { procedures }: AdminProcedureSectorsQuery = await api.request(AdminProcedureSectorsDocument, {
        after,
      });
      for (const { node } of procedures.edges) byCode.set(node.sector.code, node.sector.name);
      if (!procedures.pageInfo.hasNextPage || !procedures.pageInfo.endCursor) break;
      after = procedures.pageInfo.endCursor;
    }
  } catch (error) {
    console.error(`[admin-ui] sectors: ${String(error)}`);
    return cached?.sectors ?? [];
  }
  const sectors = [...byCode]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  cached = { at: now, sectors };
  return sectors;
}

/** After a save that may add a sector's first procedure. */
export function forgetSectors(): void {
  cached = null;
}
