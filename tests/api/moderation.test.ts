// Rating comments for officials and their moderation over real HTTP (issue 9): `ratingComments` for
// those who may read comments (VIEWER and above, read keys) within their subtree; hideRatingComment /
// restoreRatingComment by an administrator of the dossier's agency, audited, reversible. A hidden
// comment reaches no public path, no key and no live event; its rating still counts in the figures.
import { createApiKey, schema } from '@tthc/api';
import { getNamedType, isInputObjectType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

const A = '22870'; // Xã Ninh Phước
const B = '22873'; // Xã Phước Hậu
const TTHN = '1.004873';
const KHAI_SINH = '1.001193';
const ABUSIVE = 'Cán bộ một cửa thái độ hách dịch, nói năng thô lỗ';

let t: TestApi;
let viewerA: Record<string, string>;
let adminA: Record<string, string>;
let adminB: Record<string, string>;
let readKey: Record<string, string>;
let adminKeyA: Record<string, string>;
let ingest: Record<string, string>;
/** Rating ids by dossier code. */
const ratingOf: Record<string, string> = {};

const finished = (code: string, agency: string, procedure: string) =>
  dossierEvents(code, agency, procedure, 'IN_PERSON', [
    ['RECEIVED', '2026-10-05T08:00'],
    ['RESOLVED', '2026-10-06T10:00'],
  ]);

let ip = 0;
async function rate(dossierCode: string, level: string, comment?: string) {
  const link = await t.gql<{ issueRatingLink: { link: { token: string } } }>(
    'mutation($i: IssueRatingLinkInput!) { issueRatingLink(input: $i) { link { token } } }',
    { i: { dossierCode } },
    ingest,
  );
  const res = await t.gql<{ submitRating: { ok: boolean } }>(
    'mutation($i: SubmitRatingInput!) { submitRating(input: $i) { ok } }',
    { i: { dossierCode, token: link.data!.issueRatingLink.link.token, level, comment } },
    { 'x-forwarded-for': `198.51.100.${++ip}` },
  );
  expect(res.data!.submitRating.ok).toBe(true);
  const row = await t.api.services.prisma.rating.findFirstOrThrow({
    where: { dossier: { code: dossierCode }, current: true },
  });
  ratingOf[dossierCode] = String(row.id);
}

beforeAll(async () => {
  t = await startSeededApi(0, { ratingTokenDays: 3650, trustProxy: true });
  ingest = await keyFor(t, 'INGEST');
  readKey = await keyFor(t, 'READ');
  const limited = await createApiKey(
    t.api.services.prisma,
    { name: 'quản trị xã Ninh Phước', scopes: ['ADMIN'], agencyCode: A },
    'TEST',
  );
  adminKeyA = { authorization: `Bearer ${limited.key}` };
  await addOfficial(t, 'xem.ninhphuoc', 'VIEWER', A);
  await addOfficial(t, 'qt.ninhphuoc', 'UNIT_ADMIN', A);
  await addOfficial(t, 'qt.phuochau', 'UNIT_ADMIN', B);
  viewerA = await sessionOf(t, 'xem.ninhphuoc');
  adminA = await sessionOf(t, 'qt.ninhphuoc');
  adminB = await sessionOf(t, 'qt.phuochau');
  const events = [
    ...finished('MD-1', A, KHAI_SINH),
    ...finished('MD-2', A, TTHN),
    ...finished('MD-3', A, TTHN),
    ...finished('MD-4', B, TTHN),
  ];
  const recorded = await t.gql<{ recordDossierEvents: { accepted: number } }>(
    'mutation($e: [DossierEventInput!]!) { recordDossierEvents(events: $e) { accepted } }',
    { e: events },
    ingest,
  );
  expect(recorded.data!.recordDossierEvents.accepted).toBe(8);
  await rate('MD-1', 'SATISFIED', ABUSIVE);
  await rate('MD-2', 'VERY_SATISFIED', 'Cán bộ hướng dẫn tận tình, trả kết quả sớm');
  await rate('MD-3', 'DISSATISFIED');
  await rate('MD-4', 'DISSATISFIED', 'Chờ lâu quá');
});
afterAll(async () => {
  await t?.close();
});

const prisma = () => t.api.services.prisma;

interface Comment {
  id: string;
  dossierCode: string;
  level: string;
  comment: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  hiddenBy: { username: string | null } | null;
}

const LIST = `query($f: RatingCommentFilter) { ratingComments(first: 50, filter: $f) {
  totalCount edges { node { id dossierCode level comment hidden hiddenReason hiddenBy { username }
  agency { code } procedure { code } } } } }`;

async function list(headers: Record<string, string>, f?: Record<string, unknown>): Promise<Comment[]> {
  const res = await t.gql<{ ratingComments: { totalCount: number; edges: { node: Comment }[] } }>(
    LIST,
    { f },
    headers,
  );
  expect(res.errors).toBeUndefined();
  const nodes = res.data!.ratingComments.edges.map((e) => e.node);
  expect(res.data!.ratingComments.totalCount).toBe(nodes.length);
  return nodes;
}

const codes = (comments: Comment[]) => comments.map((c) => c.dossierCode);

const MODERATE =
  'rating { id dossierCode comment hidden hiddenReason hiddenBy { username } } userErrors { field code message }';
async function moderate(
  name: 'hideRatingComment' | 'restoreRatingComment',
  input: Record<string, unknown>,
  headers: Record<string, string>,
) {
  const type = name === 'hideRatingComment' ? 'HideRatingCommentInput' : 'RestoreRatingCommentInput';
  const res = await t.gql<
    Record<
      string,
      { rating: Comment | null; userErrors: { field: string[]; code: string; message: string }[] }
    >
  >(`mutation($input: ${type}!) { ${name}(input: $input) { ${MODERATE} } }`, { input }, headers);
  return res;
}

const OCTOBER = `query($code: String!) { stats(scope: { agencyCode: $code }, period: { from: "2026-10-01", to: "2026-10-31" }) {
  ratings verySatisfied satisfied dissatisfied satisfactionRate } }`;
const october = async (code: string) =>
  (await t.gql<{ stats: Record<string, number> }>(OCTOBER, { code })).data!.stats;

/** Today in Asia/Ho_Chi_Minh: the ratings above were all submitted today. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('ratingComments', () => {
  it('lists the comments of the subtree, newest first, to those who may read them', async () => {
    expect(codes(await list(viewerA))).toEqual(['MD-2', 'MD-1']); // MD-3 has no comment; MD-4 is Phước Hậu's
    expect(codes(await list(readKey))).toEqual(['MD-4', 'MD-2', 'MD-1']);
    expect(codes(await list(adminB))).toEqual(['MD-4']);
    const anonymous = await t.gql(LIST, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('filters by agency, procedure, level, period and hidden', async () => {
    expect(codes(await list(readKey, { agencyCode: B }))).toEqual(['MD-4']);
    expect(codes(await list(readKey, { procedureCode: TTHN }))).toEqual(['MD-4', 'MD-2']);
    expect(codes(await list(readKey, { level: 'SATISFIED' }))).toEqual(['MD-1']);
    expect(codes(await list(readKey, { period: { from: today(), to: today() } }))).toHaveLength(3);
    expect(codes(await list(readKey, { period: { from: '2026-10-01', to: '2026-10-31' } }))).toEqual([]);
    expect(codes(await list(readKey, { hidden: true }))).toEqual([]);
    const inverted = await t.gql(LIST, { f: { period: { from: '2026-10-31', to: '2026-10-01' } } }, readKey);
    expect(inverted.errors?.[0]?.extensions?.code).toBe('INVALID_PERIOD');
  });
});

describe('hideRatingComment and restoreRatingComment', () => {
  let figures: Record<string, number>;

  it('refuses other subtrees, those who may not moderate, and bad input, writing nothing', async () => {
    figures = await october(A);
    // By hand: MD-1 satisfied, MD-2 very satisfied, MD-3 dissatisfied, all finished in October.
    expect(figures).toEqual({
      ratings: 3,
      verySatisfied: 1,
      satisfied: 1,
      dissatisfied: 1,
      satisfactionRate: 2 / 3,
    });
    const audits = await prisma().auditLog.count();
    const id = ratingOf['MD-1']!;
    const refusals = [
      [adminB, { ratingId: id, reason: 'Xúc phạm' }, 'OUT_OF_SCOPE'],
      [adminA, { ratingId: id, reason: '   ' }, 'BAD_USER_INPUT'],
      [adminA, { ratingId: ratingOf['MD-3'], reason: 'Xúc phạm' }, 'BAD_USER_INPUT'], // no comment
      [adminA, { ratingId: '999999', reason: 'Xúc phạm' }, 'NOT_FOUND'],
      [adminA, { ratingId: 'không-phải-số', reason: 'Xúc phạm' }, 'NOT_FOUND'],
    ] as const;
    for (const [headers, input, code] of refusals) {
      const res = await moderate('hideRatingComment', input, headers);
      expect(res.data!.hideRatingComment!.userErrors.map((e) => e.code)).toEqual([code]);
    }
    const viewer = await moderate('hideRatingComment', { ratingId: id, reason: 'Xúc phạm' }, viewerA);
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await prisma().auditLog.count()).toBe(audits);
    expect(await prisma().rating.count({ where: { commentHiddenAt: { not: null } } })).toBe(0);
  });

  it('hides a comment: kept, audited, shown flagged to its moderators only; the rating still counts', async () => {
    const id = ratingOf['MD-1']!;
    const res = await moderate(
      'hideRatingComment',
      { ratingId: id, reason: 'Lời lẽ xúc phạm cán bộ' },
      adminA,
    );
    expect(res.data!.hideRatingComment).toEqual({
      rating: {
        id,
        dossierCode: 'MD-1',
        comment: ABUSIVE,
        hidden: true,
        hiddenReason: 'Lời lẽ xúc phạm cán bộ',
        hiddenBy: { username: 'qt.ninhphuoc' },
      },
      userErrors: [],
    });
    const row = await prisma().rating.findUniqueOrThrow({ where: { id: BigInt(id) } });
    expect(row.comment).toBe(ABUSIVE); // kept
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'rating.hide-comment', entityId: id },
    });
    const agencyA = await prisma().agency.findFirstOrThrow({ where: { code: A, validTo: null } });
    expect(entry).toMatchObject({ entity: 'Rating', agencyId: agencyA.id });
    expect(entry.data).toEqual({
      before: { hidden: false, reason: null },
      after: { hidden: true, reason: 'Lời lẽ xúc phạm cán bộ' },
      dossierCode: 'MD-1',
    });
    expect(JSON.stringify(entry.data)).not.toContain('hách dịch');

    const seen = (comments: Comment[]) => comments.find((c) => c.dossierCode === 'MD-1');
    expect(seen(await list(adminA))).toMatchObject({
      hidden: true,
      comment: ABUSIVE,
      hiddenReason: 'Lời lẽ xúc phạm cán bộ',
    });
    for (const headers of [viewerA, readKey, adminKeyA]) {
      expect(seen(await list(headers))).toMatchObject({ hidden: true, comment: null, hiddenReason: null });
    }
    expect(codes(await list(adminA, { hidden: true }))).toEqual(['MD-1']);
    expect(codes(await list(adminA, { hidden: false }))).toEqual(['MD-2']);
    expect(await october(A)).toEqual(figures);

    const again = await moderate('hideRatingComment', { ratingId: id, reason: 'Lần nữa' }, adminA);
    expect(again.data!.hideRatingComment!.userErrors.map((e) => e.code)).toEqual(['NOTHING_TO_CHANGE']);
  });

  it('never gives a hidden comment to the live events', async () => {
    // The rating's live event reads its comment back by id (RatingService.eventDetails): hidden, none.
    const details = await t.api.services.ratings.eventDetails(ratingOf['MD-1']!);
    expect(details).toMatchObject({ agencyCode: A, procedureCode: KHAI_SINH, comment: null });
    expect((await t.api.services.ratings.eventDetails(ratingOf['MD-2']!))?.comment).toBe(
      'Cán bộ hướng dẫn tận tình, trả kết quả sớm',
    );
  });

  it('restores a hidden comment for everyone who may read it, audited', async () => {
    const id = ratingOf['MD-1']!;
    const res = await moderate('restoreRatingComment', { ratingId: id }, adminKeyA);
    expect(res.data!.restoreRatingComment).toMatchObject({
      rating: { hidden: false, comment: ABUSIVE },
      userErrors: [],
    });
    expect((await list(viewerA)).find((c) => c.dossierCode === 'MD-1')).toMatchObject({
      hidden: false,
      comment: ABUSIVE,
    });
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'rating.restore-comment', entityId: id },
    });
    expect(entry.actor).toMatch(/^API_KEY:/);
    const twice = await moderate('restoreRatingComment', { ratingId: id }, adminA);
    expect(twice.data!.restoreRatingComment!.userErrors.map((e) => e.code)).toEqual(['NOTHING_TO_CHANGE']);
  });
});

describe('every path that exposes a comment', () => {
  it('is one of the two that respect hiding', () => {
    // A new field carrying a rating comment must be added here after it is made to respect hiding
    // (services/moderation.ts): ratingComments' RatingComment and the live ratingSubmitted event.
    const outputs: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isInputObjectType(type) || !isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (/comment/i.test(field.name) && getNamedType(field.type).name === 'String') {
          outputs.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(outputs.sort()).toEqual(['RatingComment.comment', 'RatingEvent.comment']);
  });

  it('gives live comments to signed-in readers of the subtree, never to anonymous subscribers', async () => {
    const SUBSCRIPTION = 'subscription { ratingSubmitted(scope: { agencyCode: "22870" }) { comment } }';
    const subscribe = (headers: Record<string, string>) => {
      const controller = new AbortController();
      const comments: (string | null)[] = [];
      const started = fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
        body: JSON.stringify({ query: SUBSCRIPTION }),
        signal: controller.signal,
      }).then(async (res) => {
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        void (async () => {
          let text = '';
          for (;;) {
            const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
            if (done) return;
            text += value;
            for (const m of text.matchAll(/^data: (.+)$/gm)) {
              const event = JSON.parse(m[1]!)?.data?.ratingSubmitted;
              if (event) comments.push(event.comment);
            }
            text = text.slice(text.lastIndexOf('\n') + 1);
          }
        })();
      });
      return { comments, started, close: () => controller.abort() };
    };
    const viewer = subscribe(viewerA);
    const anonymous = subscribe({});
    await Promise.all([viewer.started, anonymous.started]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const events = finished('MD-5', A, TTHN);
    await t.gql(
      'mutation($e: [DossierEventInput!]!) { recordDossierEvents(events: $e) { accepted } }',
      { e: events },
      ingest,
    );
    await rate('MD-5', 'SATISFIED', 'Nhanh gọn');
    await expect.poll(() => viewer.comments.length).toBe(1);
    await expect.poll(() => anonymous.comments.length).toBe(1);
    expect(viewer.comments).toEqual(['Nhanh gọn']);
    expect(anonymous.comments).toEqual([null]);
    viewer.close();
    anonymous.close();
  });
});
