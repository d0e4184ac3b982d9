// Ratings — and the questionnaire answers given after one — whose submission met no network wait in
// localStorage and are sent once the connection returns. Each keeps the idempotency key of its first
// attempt, so a retry that the API did receive earlier is answered ok without storing anything twice
// (docs/api.md "Ratings": idempotencyKey; submitSurvey takes one too).

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

/** What every waiting item has: the key the API deduplicates on, and the API it is for. */
interface Pending {
  idempotencyKey: string;
  /** Base URL of the API it is for: a page may embed widgets of two APIs. */
  api: string;
}

/**
 * One queue in one localStorage entry. `slot`: items that replace each other (a newer answer for the
 * same thing replaces the one still waiting).
 */
function queue<T extends Pending>(key: string, slot: (item: T) => string) {
  /** Never throws: storage may be full, disabled (private mode) or hold garbage from another version. */
  const read = (store: KeyValueStore | null): T[] => {
    try {
      const parsed: unknown = JSON.parse(store?.getItem(key) ?? '[]');
      return Array.isArray(parsed)
        ? parsed.filter((item): item is T => typeof item?.idempotencyKey === 'string')
        : [];
    } catch {
      return [];
    }
  };
  const write = (store: KeyValueStore | null, items: T[]): boolean => {
    try {
      if (items.length) store?.setItem(key, JSON.stringify(items));
      else store?.removeItem(key);
      return Boolean(store);
    } catch {
      return false;
    }
  };
  const remove = (store: KeyValueStore | null, idempotencyKey: string): void => {
    write(
      store,
      read(store).filter((item) => item.idempotencyKey !== idempotencyKey),
    );
  };
  return {
    read,
    remove,
    add: (store: KeyValueStore | null, item: T): boolean =>
      write(store, [...read(store).filter((other) => slot(other) !== slot(item)), item]),
    /**
     * Sends every waiting item of `api` once, one after the other; `send` answers whether the item is
     * settled (stored or refused for good). Unsettled ones stay for the next `online` event.
     * Returns the settled items.
     */
    async flush(store: KeyValueStore | null, api: string, send: (item: T) => Promise<boolean>): Promise<T[]> {
      const settled: T[] = [];
      for (const item of read(store).filter((candidate) => candidate.api === api)) {
        let done = false;
        try {
          done = await send(item);
        } catch {
          done = false;
        }
        if (!done) break; // Still offline: the rest would fail the same way.
        remove(store, item.idempotencyKey);
        settled.push(item);
      }
      return settled;
    },
  };
}

/** One pending rating per dossier and API: a newer answer replaces the one still waiting. */
const ratings = queue<PendingRating>('dvc-satisfaction:pending', (r) => `${r.api} ${r.dossierCode}`);

export const readQueue = ratings.read;
export const enqueue = ratings.add;
export const dequeue = ratings.remove;
export const flushQueue = ratings.flush;

/** Questionnaire answers given after a rating (SubmitSurveyInput, answers as the API takes them). */
export interface PendingSurvey {
  dossierCode: string;
  token: string;
  questionnaireCode: string;
  questionnaireVersion: number;
  answers: ({ questionCode: string; value: number } | { questionCode: string; options: string[] })[];
  idempotencyKey: string;
  api: string;
  queuedAt: string;
}

/** One pending set of answers per dossier, questionnaire and API: newer answers replace waiting ones. */
const surveys = queue<PendingSurvey>(
  'dvc-satisfaction:pending-answers',
  (s) => `${s.api} ${s.dossierCode} ${s.questionnaireCode}`,
);

export const readSurveyQueue = surveys.read;
export const enqueueSurvey = surveys.add;
export const flushSurveyQueue = surveys.flush;

/** A key the API accepts for both submitRating and submitSurvey (8–100 of A–Z a–z 0–9 . _ : -). */
export function newIdempotencyKey(random: () => string = () => crypto.randomUUID()): string {
  return `dvc-${random()}`;
}
