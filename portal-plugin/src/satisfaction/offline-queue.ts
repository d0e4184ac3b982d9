// Ratings whose submission met no network wait in localStorage and are sent once the connection
// returns. Each keeps the idempotency key of its first attempt, so a retry that the API did receive
// earlier is answered ok without storing anything twice (docs/api.md "Ratings": idempotencyKey).

export interface PendingRating {
  dossierCode: string;
  token: string;
  level: 'DISSATISFIED' | 'SATISFIED' | 'VERY_SATISFIED';
  comment?: string | undefined;
  idempotencyKey: string;
  /** Base URL of the API it is for: a page may embed widgets of two APIs. */
  api: string;
  queuedAt: string;
}

/** The part of Storage used here: a test passes a Map-backed fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY = 'dvc-satisfaction:pending';

/** Never throws: storage may be full, disabled (private mode) or hold garbage from another version. */
export function readQueue(store: KeyValueStore | null): PendingRating[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((item): item is PendingRating => typeof item?.idempotencyKey === 'string')
      : [];
  } catch {
    return [];
  }
}

function write(store: KeyValueStore | null, items: PendingRating[]): boolean {
  try {
    if (items.length) store?.setItem(KEY, JSON.stringify(items));
    else store?.removeItem(KEY);
    return Boolean(store);
  } catch {
    return false;
  }
}

/** Keeps one pending rating per dossier and API: a newer answer replaces the one still waiting. */
export function enqueue(store: KeyValueStore | null, rating: PendingRating): boolean {
  const others = readQueue(store).filter(
    (item) => item.dossierCode !== rating.dossierCode || item.api !== rating.api,
  );
  return write(store, [...others, rating]);
}

export function dequeue(store: KeyValueStore | null, idempotencyKey: string): void {
  write(
    store,
    readQueue(store).filter((item) => item.idempotencyKey !== idempotencyKey),
  );
}

/**
 * Sends every pending rating of `api` once, one after the other; `send` answers whether the rating
 * is settled (stored or refused for good). Unsettled ones stay for the next `online` event.
 * Returns the settled ratings.
 */
export async function flushQueue(
  store: KeyValueStore | null,
  api: string,
  send: (rating: PendingRating) => Promise<boolean>,
): Promise<PendingRating[]> {
  const settled: PendingRating[] = [];
  for (const rating of readQueue(store).filter((item) => item.api === api)) {
    let done = false;
    try {
      done = await send(rating);
    } catch {
      done = false;
    }
    if (!done) break; // Still offline: the rest would fail the same way.
    dequeue(store, rating.idempotencyKey);
    settled.push(rating);
  }
  return settled;
}

/** A key the API accepts for both submitRating and submitSurvey (8–100 of A–Z a–z 0–9 . _ : -). */
export function newIdempotencyKey(random: () => string = () => crypto.randomUUID()): string {
  return `dvc-${random()}`;
}
