import { describe, expect, it } from 'vitest';
import {
  dequeue,
  enqueue,
  enqueueSurvey,
  flushQueue,
  flushSurveyQueue,
  type KeyValueStore,
  newIdempotencyKey,
  type PendingRating,
  type PendingSurvey,
  readQueue,
  readSurveyQueue,
} from './offline-queue.ts';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const API = 'https://dichvucong.khanhhoa.gov.vn/graphql';
const rating = (dossierCode: string, key: string, extra: Partial<PendingRating> = {}): PendingRating => ({
  dossierCode,
  token: `token-${dossierCode}`,
  level: 'SATISFIED',
  idempotencyKey: key,
  api: API,
  queuedAt: '2026-03-05T08:00:00.000Z',
  ...extra,
});

describe('the offline queue', () => {
  it('keeps one rating per dossier: a newer answer replaces the waiting one', () => {
    const store = memoryStore();
    expect(enqueue(store, rating('H56.14-260305-0001', 'dvc-a'))).toBe(true);
    enqueue(store, rating('H56.14-260305-0002', 'dvc-b'));
    enqueue(store, rating('H56.14-260305-0001', 'dvc-c', { level: 'DISSATISFIED' }));
    expect(readQueue(store).map((item) => [item.dossierCode, item.idempotencyKey, item.level])).toEqual([
      ['H56.14-260305-0002', 'dvc-b', 'SATISFIED'],
      ['H56.14-260305-0001', 'dvc-c', 'DISSATISFIED'],
    ]);
  });

  it('sends each waiting rating once with its first idempotency key, and forgets the settled ones', async () => {
    const store = memoryStore();
    enqueue(store, rating('H56.14-260305-0001', 'dvc-first-key'));
    enqueue(store, rating('H56.14-260305-0002', 'dvc-second-key'));
    const sent: string[] = [];
    const settled = await flushQueue(store, API, async (item) => {
      sent.push(item.idempotencyKey);
      return true;
    });
    expect(sent).toEqual(['dvc-first-key', 'dvc-second-key']);
    expect(settled.map((item) => item.dossierCode)).toEqual(['H56.14-260305-0001', 'H56.14-260305-0002']);
    expect(store.data.size).toBe(0);
    // A second flush (another `online` event) sends nothing again.
    await flushQueue(store, API, async (item) => {
      sent.push(item.idempotencyKey);
      return true;
    });
    expect(sent).toHaveLength(2);
  });

  it('keeps everything when still offline, stopping at the first failure', async () => {
    const store = memoryStore();
    enqueue(store, rating('H56.14-260305-0001', 'dvc-a'));
    enqueue(store, rating('H56.14-260305-0002', 'dvc-b'));
    let calls = 0;
    const settled = await flushQueue(store, API, async () => {
      calls += 1;
      throw new TypeError('Failed to fetch');
    });
    expect(settled).toEqual([]);
    expect(calls).toBe(1);
    expect(readQueue(store)).toHaveLength(2);
  });

  it('leaves ratings for another API alone', async () => {
    const store = memoryStore();
    enqueue(store, rating('H56.14-260305-0001', 'dvc-a', { api: 'https://other.example.vn/graphql' }));
    const settled = await flushQueue(store, API, async () => true);
    expect(settled).toEqual([]);
    expect(readQueue(store)).toHaveLength(1);
  });

  it('survives missing, full or corrupted storage without throwing', () => {
    expect(readQueue(null)).toEqual([]);
    expect(enqueue(null, rating('X', 'dvc-x'))).toBe(false);
    expect(readQueue(memoryStore({ 'dvc-satisfaction:pending': '{not json' }))).toEqual([]);
    expect(readQueue(memoryStore({ 'dvc-satisfaction:pending': '[{"foo":1}]' }))).toEqual([]);
    const full = memoryStore();
    full.setItem = () => {
      throw new DOMException('QuotaExceededError');
    };
    expect(enqueue(full, rating('X', 'dvc-x'))).toBe(false);
    dequeue(full, 'dvc-x');
  });

  it('makes idempotency keys that both submitRating and submitSurvey accept', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[A-Za-z0-9._:-]{8,100}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});

describe('the offline queue of questionnaire answers', () => {
  const answers = (dossierCode: string, key: string, extra: Partial<PendingSurvey> = {}): PendingSurvey => ({
    dossierCode,
    token: `token-${dossierCode}`,
    questionnaireCode: 'DANH-GIA-NHANH',
    questionnaireVersion: 1,
    answers: [
      { questionCode: 'DG', value: 3 },
      { questionCode: 'MD', options: ['MD1', 'MD4'] },
    ],
    idempotencyKey: key,
    api: API,
    queuedAt: '2026-03-05T08:05:00.000Z',
    ...extra,
  });

  it('is kept apart from the ratings, one set per dossier and questionnaire', () => {
    const store = memoryStore();
    enqueue(store, rating('H56.14-260305-0001', 'dvc-rating'));
    enqueueSurvey(store, answers('H56.14-260305-0001', 'dvc-s1'));
    enqueueSurvey(store, answers('H56.14-260305-0001', 'dvc-s2', { questionnaireCode: 'SIPAS-2640' }));
    // Newer answers to the same questionnaire for the same dossier replace the waiting ones.
    enqueueSurvey(store, answers('H56.14-260305-0001', 'dvc-s3'));
    expect(readQueue(store).map((item) => item.idempotencyKey)).toEqual(['dvc-rating']);
    expect(readSurveyQueue(store).map((item) => [item.questionnaireCode, item.idempotencyKey])).toEqual([
      ['SIPAS-2640', 'dvc-s2'],
      ['DANH-GIA-NHANH', 'dvc-s3'],
    ]);
    expect([...store.data.keys()].sort()).toEqual([
      'dvc-satisfaction:pending',
      'dvc-satisfaction:pending-answers',
    ]);
  });

  it('sends waiting answers once, with the key of their first attempt, when the connection returns', async () => {
    const store = memoryStore();
    enqueueSurvey(store, answers('H56.14-260305-0001', 'dvc-first-attempt'));
    const sent: PendingSurvey[] = [];
    // Still offline: kept.
    expect(await flushSurveyQueue(store, API, async () => false)).toEqual([]);
    expect(readSurveyQueue(store)).toHaveLength(1);
    // Back online: sent as first built (same key, same answers), then forgotten.
    await flushSurveyQueue(store, API, async (item) => {
      sent.push(item);
      return true;
    });
    await flushSurveyQueue(store, API, async (item) => {
      sent.push(item);
      return true;
    });
    expect(sent.map((item) => [item.idempotencyKey, item.answers])).toEqual([
      [
        'dvc-first-attempt',
        [
          { questionCode: 'DG', value: 3 },
          { questionCode: 'MD', options: ['MD1', 'MD4'] },
        ],
      ],
    ]);
    expect(store.data.size).toBe(0);
  });
});
