// The sectors (lĩnh vực) to choose from in forms and filters, kept for a while: sectors change with
// a new national catalogue, not from one request to the next.
import { AdminSectorsDocument } from '../graphql/generated/graphql';
import type { ApiClient } from './graphql';

export interface SectorOption {
  code: string;
  name: string;
}

const TTL_MS = 10 * 60_000;

let cached: { at: number; sectors: SectorOption[] } | null = null;

/** Sorted by name (Vietnamese order); empty when the API could not be asked (forms then take a code). */
export async function listSectors(api: ApiClient, now = Date.now()): Promise<SectorOption[]> {
  if (cached && now - cached.at < TTL_MS) return cached.sectors;
  try {
    const { sectors } = await api.request(AdminSectorsDocument, {});
    const sorted = sectors
      .map(({ code, name }) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    cached = { at: now, sectors: sorted };
    return sorted;
  } catch (error) {
    console.error(`[admin-ui] sectors: ${String(error)}`);
    return cached?.sectors ?? [];
  }
}

/** After a save that may add a sector. */
export function forgetSectors(): void {
  cached = null;
}
