// Hostile and careless input over real HTTP (and WebSocket): each class is refused before anything
// runs, with a stable code and a 4xx, and never becomes an internal error with a stack trace in the
// log (server/input-strings.ts, schema/scalars.ts, the relay options of schema/builder.ts).
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { GraphQLResponse, TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
/** What the server logged at error level while this file ran. */
const logged: string[] = [];
/** Every answer of this file, checked at the end for a 500 or an INTERNAL_SERVER_ERROR. */
const answers: { status: number; errors?: GraphQLResponse<unknown>['errors'] }[] = [];

beforeAll(async () => {
  t = await startSeededApi(200);
  // Yoga, the services and the HTTP handler all log through this one object.
  const logger = t.api.services.logger as unknown as Record<string, (...args: unknown[]) => void>;
  for (const level of ['error', 'fatal']) {
    const original = logger[level]!.bind(logger);
    logger[level] = (...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? a.stack : JSON.stringify(a))).join(' '));
      original(...args);
    };
  }
});
afterAll(async () => {
  await t?.close();
});

async function gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await t.gql<Record<string, unknown>>(query, variables, headers);
  answers.push(res);
  return res;
}

/**
 * Refused as a whole, before execution: one error with this code and no data. The string checks
 * answer 400; a scalar's refusal is a variable or validation error, 200 or 400 as Yoga sees fit.
 */
async function refused(
  code: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  const res = await gql(query, variables, headers);
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(res.data).toBeUndefined();
  if (code === 'INVALID_STRING') expect(res.status).toBe(400);
  else expect([200, 400]).toContain(res.status);
  return res.errors![0]!;
}

/** Refused by a resolver: a coded error at the field, the rest of the answer intact. */
async function fieldError(code: string, query: string, variables?: Record<string, unknown>) {
  const res = await gql(query, variables);
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(res.status).toBe(200);
  return res.errors![0]!;
}

const PROCEDURE = 'query($c: String!) { procedure(code: $c) { code } }';
const PROCEDURES = 'query($f: ProcedureFilter) { procedures(first: 5, filter: $f) { totalCount } }';
const encode = (text: string) => Buffer.from(text).toString('base64');

describe('control characters, broken Unicode and over-long strings', () => {
  it('refuses a NUL in a variable, naming it', async () => {
    const error = await refused('INVALID_STRING', PROCEDURE, { c: '1.001193\u0000' });
    expect(error.message).toBe('Biến "$c" chứa ký tự điều khiển U+0000, không được phép.');
    expect(error.extensions).toEqual({ code: 'INVALID_STRING', reason: 'CONTROL_CHARACTER' });
  });

  it('refuses a NUL written in the document, also inside input objects and lists', async () => {
    const literal = await refused('INVALID_STRING', '{ procedure(code: "a\\u0000b") { code } }');
    expect(literal.message).toContain('Tham số "code" của trường "procedure"');
    const nested = await refused(
      'INVALID_STRING',
      `{ stats(scope: { agencyCode: "56\\u0000" }, period: { from: "2026-01-01", to: "2026-03-31" }) { received } }`,
    );
    expect(nested.message).toContain('Tham số "scope.agencyCode" của trường "stats"');
    const inList = await refused('INVALID_STRING', '{ nodes(ids: ["QWdlbmN5OjE=", "\\u0008"]) { id } }');
    expect(inList.message).toContain('Tham số "ids[1]" của trường "nodes"');
  });

  it('refuses a NUL nested in a variable input, and the mutation does not run', async () => {
    const admin = await keyFor(t, 'ADMIN');
    const error = await refused(
      'INVALID_STRING',
      'mutation($days: [CalendarDayInput!]!) { setCalendarDays(days: $days) { date } }',
      {
        days: [
          { date: '2030-01-02', working: false, note: 'Nghỉ bù' },
          { date: '2030-01-03', working: false, note: 'Nghỉ\u0000bù' },
        ],
      },
      admin,
    );
    expect(error.message).toContain('"$days[1].note"');
    expect(await t.api.services.prisma.calendarDay.count({ where: { note: 'Nghỉ bù' } })).toBe(0);
    const filter = await refused('INVALID_STRING', PROCEDURES, {
      f: { search: 'khai sinh', sectorCode: '\u001f' },
    });
    expect(filter.message).toContain('"$f.sectorCode"');
  });

  it('refuses an ingested event with a control character by index, and stores the others of its batch', async () => {
    // One bad event must not cost the rest of its batch: DossierEventInput checks its own strings.
    const ingest = await keyFor(t, 'INGEST');
    const event = (code: string, apologyRef?: string) => ({
      dossierCode: code,
      sequence: 1,
      status: 'RECEIVED',
      occurredAt: '2026-03-02T08:00:00+07:00',
      procedureCode: '1.001193',
      agencyCode: '22870',
      channel: 'IN_PERSON',
      ...(apologyRef ? { apologyRef } : {}),
    });
    const res = await gql(
      'mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted errors { index code } } }',
      { events: [event('IV-1', 'PXL\u0000-01'), event('IV-2'), event('IV\u0000-3')] },
      ingest,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordDossierEvents).toEqual({
      accepted: 1,
      errors: [
        { index: 0, code: 'BAD_USER_INPUT' },
        { index: 2, code: 'INVALID_DOSSIER_CODE' },
      ],
    });
    const stored = await t.api.services.prisma.dossier.findMany({
      where: { code: { startsWith: 'IV-' } },
      select: { code: true },
    });
    expect(stored.map((d) => d.code)).toEqual(['IV-2']);
  });

  it('refuses a lone UTF-16 surrogate, which PostgreSQL would silently turn into U+FFFD', async () => {
    const error = await refused('INVALID_STRING', PROCEDURE, { c: '1.00\ud8001193' });
    expect(error.extensions).toMatchObject({ reason: 'INVALID_UNICODE' });
  });

  it('refuses a string over 10,000 characters', async () => {
    const error = await refused('INVALID_STRING', PROCEDURE, { c: '1'.repeat(10_001) });
    expect(error.extensions).toEqual({ code: 'INVALID_STRING', reason: 'TOO_LONG', max: 10_000 });
  });

  it('lets ordinary Vietnamese text through, in either normal form', async () => {
    for (const search of ['Đăng ký khai sinh', 'Đăng ký khai sinh'.normalize('NFD')]) {
      const res = await gql(PROCEDURES, { f: { search } });
      expect(res.errors).toBeUndefined();
      expect((res.data!.procedures as { totalCount: number }).totalCount).toBeGreaterThan(0);
    }
  });

  it('checks queries sent over WebSocket too', async () => {
    const client = createClient({ url: t.url.replace('http', 'ws'), webSocketImpl: WebSocket });
    try {
      // Refused before it runs, as graphql-ws refuses an invalid document: an `error` message.
      const errors = await new Promise<readonly { extensions?: { code?: string } }[]>((resolve, reject) => {
        client.subscribe(
          { query: PROCEDURE, variables: { c: '\u0000' } },
          {
            next: () => reject(new Error('the operation ran')),
            error: (e) => resolve(e as readonly { extensions?: { code?: string } }[]),
            complete: () => reject(new Error('the operation completed')),
          },
        );
      });
      expect(errors.map((e) => e.extensions?.code)).toEqual(['INVALID_STRING']);
    } finally {
      await client.dispose();
    }
  });
});

describe('search', () => {
  it('answers a 50,000-word search at once, with a code', async () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `tu${i}`).join(' ');
    const started = Date.now();
    await refused('INVALID_STRING', PROCEDURES, { f: { search: words } });
    await refused('INVALID_STRING', 'query($s: String) { agencies(filter: { search: $s }) { totalCount } }', {
      s: words,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a search longer than any name, or with more distinct words, with BAD_USER_INPUT', async () => {
    const started = Date.now();
    const long = await fieldError('BAD_USER_INPUT', PROCEDURES, { f: { search: 'khai sinh '.repeat(60) } });
    expect(long.message).toBe(
      'Từ khóa tìm kiếm dài tối đa 500 ký tự (nhận được 599); hãy nhập vài từ chính của tên.',
    );
    expect(long.extensions).toMatchObject({ maxLength: 500, maxWords: 50 });
    const many = Array.from({ length: 51 }, (_, i) => `t${i}`).join(' ');
    await fieldError('BAD_USER_INPUT', PROCEDURES, { f: { search: many } });
    await fieldError(
      'BAD_USER_INPUT',
      'query($s: String) { agencies(filter: { search: $s }) { totalCount } }',
      {
        s: 'x'.repeat(501),
      },
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('still finds a procedure by its whole, long name', async () => {
    const name =
      'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ';
    const res = await gql(
      'query($s: String) { procedures(first: 5, filter: { search: $s }) { edges { node { name } } } }',
      { s: name },
    );
    expect(res.errors).toBeUndefined();
    const found = res.data!.procedures as { edges: { node: { name: string } }[] };
    expect(found.edges.map((e) => e.node.name)).toContain(name);
  });
});

describe('dates', () => {
  it('refuses 9999-12-31 as a Date, in a variable or in the document, with INVALID_DATE', async () => {
    const error = await refused(
      'INVALID_DATE',
      'query($d: Date) { agency(code: "56", activeOn: $d) { code } }',
      {
        d: '9999-12-31',
      },
    );
    expect(error.message).toContain('nằm ngoài khoảng cho phép (từ năm 1900 đến hết năm 2100)');
    await refused('INVALID_DATE', '{ calendarDays(from: "2026-01-01", to: "9999-12-31") { date } }');
    await refused(
      'INVALID_DATE',
      '{ stats(scope: {}, period: { from: "2026-01-01", to: "9999-12-31" }) { received } }',
    );
    const admin = await keyFor(t, 'ADMIN');
    await refused(
      'INVALID_DATE',
      'mutation { setCalendarDays(days: [{ date: "9999-12-31", working: false }]) { date } }',
      undefined,
      admin,
    );
    expect(await t.api.services.prisma.calendarDay.count({ where: { date: new Date('9999-12-31') } })).toBe(
      0,
    );
  });

  it('refuses instants outside 2000–2100 and days that do not exist', async () => {
    const due =
      'query($at: DateTime!) { dueDate(procedureCode: "1.001193", receivedAt: $at, channel: ONLINE) }';
    // Real instants outside the range the service works with: refused where they are used.
    for (const at of ['9999-12-31T08:00:00+07:00', '0001-01-01T08:00:00+07:00', '1999-12-31T23:59:59Z']) {
      await fieldError('INVALID_DATE', due, { at });
    }
    // Date.parse would read 30 February as 2 March.
    const feb30 = await refused('INVALID_DATE', due, { at: '2026-02-30T08:00:00+07:00' });
    expect(feb30.message).toContain('không tồn tại');
    const first = await gql(due, { at: '2000-01-03T08:00:00+07:00' });
    expect(first.errors).toBeUndefined();
  });

  it('refuses a statistics period of a hundred years with INVALID_PERIOD', async () => {
    const error = await fieldError(
      'INVALID_PERIOD',
      '{ stats(scope: {}, period: { from: "2000-01-01", to: "2099-12-31" }) { received } }',
    );
    expect(error.message).toBe('Kỳ báo cáo dài tối đa 10 năm.');
  });
});

describe('node(id:) and cursors', () => {
  const NODE = 'query($id: ID!) { node(id: $id) { id ... on Agency { code } } }';

  it('refuses ids this API never issued with BAD_USER_INPUT', async () => {
    for (const id of [
      '!!!',
      '',
      encode('foo:bar'),
      encode('Sector:1'), // a type, but not a node
      encode('Agency:abc'),
      encode('Agency:0'),
      encode('Agency:99999999999999'),
      encode('Agency:1\u0000'),
    ]) {
      const res = await gql(NODE, { id });
      expect(
        res.errors?.map((e) => [e.extensions?.code, e.message]),
        id,
      ).toEqual([['BAD_USER_INPUT', 'Mã định danh (ID) không hợp lệ: không phải mã do hệ thống cấp.']]);
      // Refused as the arguments are read: by the cost check before execution, or by the field.
      expect(res.data?.node ?? null).toBeNull();
    }
  });

  it('answers null for an object that no longer exists, and the object for a good id', async () => {
    const agency = await gql('{ agency(code: "56") { id code } }');
    const { id } = agency.data!.agency as { id: string };
    const res = await gql('query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Agency { code } } }', {
      ids: [id, encode('Agency:999999'), encode('Procedure:999999')],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ nodes: [{ id, code: '56' }, null, null] });
    const one = await gql(NODE, { id: encode('Agency:999999') });
    expect(one).toMatchObject({ status: 200, data: { node: null } });
    expect(one.errors).toBeUndefined();
  });

  it('refuses more than 100 ids at once', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => encode(`Agency:${i + 1}`));
    const res = await gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a cursor of the wrong type or with a NUL byte with INVALID_CURSOR', async () => {
    await fieldError('INVALID_CURSOR', 'query($a: String) { agencies(first: 2, after: $a) { totalCount } }', {
      a: encode('GPC:S:x'),
    });
    await fieldError('INVALID_CURSOR', 'query($a: String) { agencies(first: 2, after: $a) { totalCount } }', {
      a: encode('GPC:N:99999999999'),
    });
    for (const a of [encode('GPC:N:5'), encode('GPC:S:1.00\u00001193')]) {
      await fieldError(
        'INVALID_CURSOR',
        'query($a: String) { procedures(first: 2, after: $a) { totalCount } }',
        {
          a,
        },
      );
    }
  });

  it('caps page sizes with a code', async () => {
    await fieldError('PAGE_SIZE_TOO_LARGE', '{ procedures(first: 2147483647) { totalCount } }');
    await fieldError('PAGE_SIZE_TOO_LARGE', '{ agencies(last: 101) { totalCount } }');
  });
});

describe('other arguments', () => {
  it('does not read an empty required agency code as "every agency"', async () => {
    const period = '{ from: "2026-01-01", to: "2026-03-31" }';
    const sipas = await fieldError(
      'NOT_FOUND',
      `{ sipas(agencyCode: "", period: ${period}) { respondents } }`,
    );
    expect(sipas.message).toBe('Không tìm thấy cơ quan, đơn vị "".');
    await fieldError('NOT_FOUND', `{ index766(agencyCode: "", period: ${period}) { total } }`);
    await fieldError('NOT_FOUND', `{ stats(scope: { procedureCode: "" }, period: ${period}) { received } }`);
  });

  it('refuses more evaluation scores than there are indicators in one error', async () => {
    const admin = await keyFor(t, 'ADMIN');
    const scores = Array.from({ length: 10_000 }, (_, i) => ({ indicator: (i % 9) + 1, selfScore: 1 }));
    const res = await gql(
      `mutation($input: SetEvaluationScoresInput!) {
        setEvaluationScores(input: $input) { evaluation { total } errors { index code message } } }`,
      { input: { agencyCode: '56', year: 2026, quarter: 1, scores } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.setEvaluationScores).toEqual({
      evaluation: null,
      errors: [
        { index: -1, code: 'TOO_MANY_SCORES', message: 'Mỗi lần nhập tối đa 9 tiêu chí (nhận được 10000).' },
      ],
    });
  });
});

describe('the server', () => {
  it('never answered 500 or INTERNAL_SERVER_ERROR, and logged no error or stack trace', () => {
    expect(answers.length).toBeGreaterThan(30);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(
      answers.flatMap((a) => a.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'),
    ).toEqual([]);
    expect(answers.flatMap((a) => a.errors ?? []).filter((e) => !e.extensions?.code)).toEqual([]);
    expect(logged).toEqual([]);
  });
});
