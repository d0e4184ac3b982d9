// The mix of HTTP requests the fuzz test sends (api/fuzz.test.ts): operations generated from the
// schema (support/graphql-fuzz.ts) at three levels of validity, mutations with the callers that may
// run them, documents built to hit the shape limits, damaged documents, and broken request bodies.
// Each request is labelled with the branch that made it, for the summary and for grouping failures.
import fc from 'fast-check';
import { type GraphQLInputType, isInputType } from 'graphql';
import {
  type AuthKind,
  damaged,
  type FuzzRequest,
  hostileDocuments,
  type Operation,
  oneof,
  type Profile,
  printOperation,
  type SchemaFuzz,
  toJson,
} from './graphql-fuzz.ts';

const GRAPHQL = '/graphql' as const;
const RATING_FAST_PATH = '/graphql/submit-rating' as const;

type Weighted<T> = { arbitrary: fc.Arbitrary<T>; weight: number };
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>): Weighted<T> => ({ arbitrary, weight });

/** Who calls: mostly the callers a field is meant for, sometimes anybody, sometimes a broken key. */
function callers(weights: Partial<Record<AuthKind, number>>): fc.Arbitrary<AuthKind> {
  const bad: AuthKind[] = ['badMalformed', 'badUnknown', 'badBasic', 'badHuge', 'badEmpty'];
  return oneof(
    ...Object.entries(weights).map(([kind, weight]) => w(weight, fc.constant(kind as AuthKind))),
    w(2, fc.constantFrom(...bad)),
  );
}

const QUERY_CALLERS = callers({ none: 30, read: 30, ingest: 5, admin: 8, all: 5, scoped: 7 });

/** How the operation travels: content type and Accept of real clients, and a few odd ones. */
const accepts = oneof(
  w(12, fc.constant<string | null>('application/json')),
  w(6, fc.constant<string | null>('application/graphql-response+json')),
  w(2, fc.constant<string | null>('*/*')),
  w(2, fc.constant<string | null>(null)),
  w(1, fc.constant<string | null>('text/event-stream')),
  w(
    1,
    fc.constantFrom<string | null>(
      'text/html',
      'application/xml',
      'application/graphql-response+json; q=0, */*; q=0',
    ),
  ),
);
const contentTypes = oneof(
  w(20, fc.constant<string | null>('application/json')),
  w(
    2,
    fc.constantFrom<string | null>(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/graphql+json',
    ),
  ),
);

/** How a request travels; drawn independently of its operation, so that shrinking keeps it. */
interface Transport {
  auth: AuthKind;
  accept: string | null;
  contentType: string | null;
  get: boolean;
}

function transport(auth: fc.Arbitrary<AuthKind>, getWeight = 0): fc.Arbitrary<Transport> {
  return fc.record({
    auth,
    accept: accepts,
    contentType: contentTypes,
    get: getWeight ? oneof(w(20, fc.constant(false)), w(getWeight, fc.constant(true))) : fc.constant(false),
  });
}

/** An operation as a POST with a JSON body, or as a GET with the query string. */
function request(label: string, document: string, variables: unknown, t: Transport): FuzzRequest {
  const hasVariables = variables && typeof variables === 'object' && Object.keys(variables).length > 0;
  if (t.get) {
    const params = new URLSearchParams({ query: document });
    if (hasVariables) params.set('variables', toJson(variables));
    return {
      label: `${label}/GET`,
      auth: t.auth,
      accept: t.accept,
      method: 'GET',
      path: GRAPHQL,
      contentType: null,
      body: params.toString(),
      document,
      variables,
    };
  }
  return {
    label,
    auth: t.auth,
    accept: t.accept,
    contentType: t.contentType,
    method: 'POST',
    path: GRAPHQL,
    body: toJson({ query: document, ...(hasVariables ? { variables } : {}) }),
    document,
    variables,
  };
}

function operationRequest(
  label: string,
  op: fc.Arbitrary<Operation>,
  auth: fc.Arbitrary<AuthKind>,
  getWeight = 0,
): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(op, transport(auth, getWeight)).map(([o, t]) => {
    const { document, variables } = printOperation(o);
    return request(label, document, variables, t);
  });
}

export function fuzzRequests(f: SchemaFuzz): fc.Arbitrary<FuzzRequest> {
  const mutationType = f.schema.getMutationType();
  const mutations = Object.keys(mutationType?.getFields() ?? {});
  const agency = f.hints.agency[0] ?? '56';

  const queries = (profile: Profile, maxDepth: number) =>
    operationRequest(`query/${profile}`, f.operation('query', profile, { maxDepth }), QUERY_CALLERS, 1);

  /** Each mutation of the schema, with the callers it is meant for and some it is not. */
  const mutation = (name: string, profile: Profile) => {
    const auth =
      name === 'recordDossierEvents'
        ? callers({ ingest: 12, all: 3, scoped: 3, read: 1, none: 1 })
        : name === 'submitRating' || name === 'submitSurvey'
          ? callers({ none: 10, read: 1, ingest: 1 })
          : callers({ admin: 4, all: 3, scoped: 3, ingest: 3, read: 1, none: 2 });
    return operationRequest(
      `mutation/${name}/${profile}`,
      f.operation('mutation', profile, { maxDepth: 3, only: [name] }),
      auth,
    );
  };
  const mutationWeight = (name: string) =>
    name === 'recordDossierEvents' || name === 'submitRating' ? 3 : 1;
  const mutationRequests = mutations.flatMap((name) =>
    (['valid', 'near', 'hostile'] as const).map((p) => w(mutationWeight(name), mutation(name, p))),
  );

  /**
   * Coherent dossier histories, so that ingestion really stores events and moves the rollups while
   * everything else runs (random valid-typed events mostly stop at the per-item rules).
   */
  const lifecycles = fc
    .tuple(dossierLifecycles(f), transport(callers({ ingest: 10, all: 2, scoped: 2 })))
    .map(([events, t]) =>
      request(
        'mutation/recordDossierEvents/lifecycle',
        'mutation Ingest($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted duplicates errors { index code message } } }',
        { events },
        t,
      ),
    );

  const subscriptions = f.schema.getSubscriptionType()
    ? operationRequest('subscription', f.operation('subscription', 'near', { maxDepth: 2 }), QUERY_CALLERS)
    : queries('near', 2);

  const hostileDocs = fc
    .tuple(hostileDocuments(agency), transport(QUERY_CALLERS))
    .map(([{ label, document }, t]) => request(label, document, {}, t));

  // The damage depends on the document's length, hence the chain.
  const damagedDocs = fc
    .tuple(
      f.operation('query', 'valid', { maxDepth: 3 }).chain((op) => {
        const { document, variables } = printOperation(op);
        return damaged(document).map((d) => ({ ...d, variables }));
      }),
      transport(QUERY_CALLERS),
    )
    .map(([{ label, document, variables }, t]) => request(label, document, variables, t));

  return oneof(
    w(18, queries('valid', 4)),
    w(17, queries('near', 4)),
    w(12, queries('hostile', 3)),
    w(3, queries('near', 7)),
    ...mutationRequests,
    w(4, lifecycles),
    w(1, subscriptions),
    w(8, hostileDocs),
    w(6, damagedDocs),
    w(6, brokenBodies(f)),
    w(2, ratingFastPath(f)),
  );
}

const LIFECYCLES: string[][] = [
  ['RECEIVED', 'PROCESSING', 'RESOLVED', 'RETURNED'],
  ['SUBMITTED', 'RECEIVED', 'PROCESSING', 'RESOLVED'],
  ['RECEIVED', 'SUPPLEMENT_REQUESTED', 'PROCESSING', 'RESOLVED', 'RETURNED'],
  ['RECEIVED', 'PROCESSING', 'WITHDRAWN'],
  ['SUBMITTED', 'REFUSED'],
  ['RECEIVED', 'AWAITING_PAYMENT', 'PROCESSING', 'STOPPED'],
];

/** One to five dossiers, each a plausible history (sequence 1…n, times increasing, in the past). */
function dossierLifecycles(f: SchemaFuzz): fc.Arbitrary<Record<string, unknown>[]> {
  const h = f.hints;
  const dossier = fc
    .record({
      n: fc.integer({ min: 0, max: 2_000 }),
      agencyCode: fc.constantFrom(...h.agency),
      procedureCode: fc.constantFrom(...h.procedure),
      channel: fc.constantFrom('IN_PERSON', 'ONLINE', 'POSTAL'),
      steps: fc.constantFrom(...LIFECYCLES),
      day: fc.integer({ min: 0, max: 600 }),
      gaps: fc.array(fc.integer({ min: 1, max: 9 * 24 }), { minLength: 5, maxLength: 5 }),
    })
    .map(({ n, agencyCode, procedureCode, channel, steps, day, gaps }) => {
      let at = Date.UTC(2025, 0, 2, 1) + day * 86_400_000;
      return steps.map((status, i) => {
        at += gaps[i]! * 3_600_000;
        return {
          dossierCode: `FZ-${String(n).padStart(4, '0')}`,
          agencyCode,
          procedureCode,
          channel,
          status,
          sequence: i + 1,
          occurredAt: `${new Date(at).toISOString().slice(0, 19)}Z`,
        };
      });
    });
  return fc.array(dossier, { minLength: 1, maxLength: 5 }).map((ds) => ds.flat());
}

/** Request bodies that are not a well-formed GraphQL-over-HTTP request. */
function brokenBodies(f: SchemaFuzz): fc.Arbitrary<FuzzRequest> {
  const simple = '{ procedures(first: 2) { edges { node { code } } } }';
  const raw = (
    label: string,
    body: fc.Arbitrary<string>,
    contentType: fc.Arbitrary<string | null> = contentTypes,
  ) =>
    fc
      .record({ auth: QUERY_CALLERS, accept: accepts, contentType, body })
      .map((r): FuzzRequest => ({ label, ...r, method: 'POST', path: GRAPHQL }));
  const odd = fc.constantFrom<unknown>(5, null, {}, [], true, '', 'x', '{}', [{ query: simple }]);
  const validBody = f
    .operation('query', 'valid', { maxDepth: 3 })
    .map((op) => printOperation(op))
    .map(({ document, variables }) => toJson({ query: document, variables }));
  return oneof(
    raw(
      'body/truncated-json',
      validBody.chain((b) => fc.integer({ min: 0, max: b.length - 1 }).map((k) => b.slice(0, k))),
    ),
    raw(
      'body/query-type',
      odd.map((query) => toJson({ query })),
    ),
    raw(
      'body/variables-type',
      odd.map((variables) => toJson({ query: simple, variables })),
    ),
    raw(
      'body/operation-name',
      fc.constantFrom<unknown>(5, {}, 'Nope', '', 'A', 'C', null, 'B').map((operationName) =>
        toJson({
          query: 'query A { viewer { kind } } query B { __typename } mutation C { __typename }',
          operationName,
        }),
      ),
    ),
    raw(
      'body/extensions',
      fc
        .constantFrom<unknown>(
          'x',
          [],
          5,
          { persistedQuery: { version: 1, sha256Hash: 'ab' } },
          { cost: 'free' },
        )
        .map((extensions) => toJson({ query: simple, extensions })),
    ),
    raw('body/batch', fc.constant(toJson([{ query: simple }, { query: '{ __typename }' }]))),
    raw(
      'body/not-an-object',
      fc.constantFrom('null', '5', '"query"', '[]', '', '\u0000', '{', 'query { viewer { kind } }'),
    ),
    raw('body/duplicate-keys', fc.constant(`{"query":"{ __typename }","query":${JSON.stringify(simple)}}`)),
    raw(
      'body/huge-variable',
      fc.constantFrom(20_000, 200_000).map((n) =>
        toJson({
          query: 'query($s: String) { procedures(filter: { search: $s }) { totalCount } }',
          variables: { s: 'x '.repeat(n / 2) },
        }),
      ),
    ),
    raw(
      'body/content-type',
      fc.constant(toJson({ query: simple })),
      fc.constantFrom<string | null>(
        null,
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/graphql',
        'application/json5',
        '',
      ),
    ),
    fc.record({ auth: QUERY_CALLERS, accept: accepts }).map(
      (r): FuzzRequest => ({
        label: 'get/mutation',
        ...r,
        method: 'GET',
        path: GRAPHQL,
        contentType: null,
        body: new URLSearchParams({
          query:
            'mutation { submitRating(input: { dossierCode: "x", token: "y", level: SATISFIED }) { ok } }',
        }).toString(),
      }),
    ),
    fc.record({ auth: QUERY_CALLERS, accept: accepts }).map(
      (r): FuzzRequest => ({
        label: 'get/bad-variables',
        ...r,
        method: 'GET',
        path: GRAPHQL,
        contentType: null,
        body: `query=${encodeURIComponent('query($f: Int) { procedures(first: $f) { totalCount } }')}&variables=${encodeURIComponent('{"f":')}`,
      }),
    ),
  );
}

/**
 * The rating form's own path (server/rating-fast-path.ts): the same submitRating, without Yoga. Its
 * variables come from the schema's SubmitRatingInput, so they are as hostile as the rest.
 */
function ratingFastPath(f: SchemaFuzz): fc.Arbitrary<FuzzRequest> {
  const inputType = f.schema.getType('SubmitRatingInput');
  if (!inputType || !isInputType(inputType)) return fc.constant(placeholder());
  const input = f.value(inputType as GraphQLInputType, 'input', 'submitRating', 'hostile');
  const body = oneof(
    w(
      8,
      input.map((i) => toJson({ variables: { input: i } })),
    ),
    w(
      1,
      input.map((i) => toJson({ query: '{ viewer { kind } }', variables: { input: i } })),
    ),
    w(
      1,
      fc.constantFrom(
        '',
        '{',
        'null',
        '[]',
        toJson({ variables: 'x' }),
        toJson({ variables: { input: 'x'.repeat(20_000) } }),
      ),
    ),
  );
  return fc.record({ body, accept: accepts }).map(
    ({ body, accept }): FuzzRequest => ({
      label: 'fastpath/submitRating',
      auth: 'none',
      method: 'POST',
      path: RATING_FAST_PATH,
      accept,
      contentType: 'application/json',
      body,
    }),
  );
}

function placeholder(): FuzzRequest {
  return {
    label: 'fastpath/missing-type',
    auth: 'none',
    method: 'POST',
    path: GRAPHQL,
    accept: 'application/json',
    contentType: 'application/json',
    body: toJson({ query: '{ __typename }' }),
  };
}
