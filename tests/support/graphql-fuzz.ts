// Requests to a GraphQL API generated from its schema: fast-check arbitraries built by walking the
// GraphQLSchema's types (not a hand-written list of queries), so every field, argument and input
// type the schema has — including those added tomorrow — is exercised, with values that are valid,
// near-valid (one thing wrong: a boundary, a wrong type, a missing field) or hostile (control
// characters, lone surrogates, 10,000-character strings, impossible dates, nested lists…).
//
// Everything here is pure: the same schema, hints and seed give the same requests, so a failure can
// be replayed (fc.sample / fc.check with the seed and the index as `path`) and shrunk by fast-check.
// Secrets (API keys) are not part of a request: it names a kind of caller (`AuthKind`), and the test
// puts the header on when it sends it.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/**
 * fc.oneof that shrinks across its branches towards the first one (a field left out, a value
 * valid), so that a failure shrinks to a small request rather than only within the branch it took.
 */
// biome-ignore lint/suspicious/noExplicitAny: the same signature as fc.oneof's
export const oneof: typeof fc.oneof = (...args: any[]) => fc.oneof({ withCrossShrink: true }, ...args);

export type Profile = 'valid' | 'near' | 'hostile';

/** Who sends a request; the test maps each kind to an Authorization header. */
export type AuthKind =
  | 'none'
  | 'read'
  | 'ingest'
  | 'admin'
  | 'all'
  /** READ + INGEST + ADMIN, limited to one agency's subtree. */
  | 'scoped'
  /** Malformed, unknown, wrong scheme, oversized, empty. */
  | 'badMalformed'
  | 'badUnknown'
  | 'badBasic'
  | 'badHuge'
  | 'badEmpty';

/** Known-good values from the seeded database, so that valid requests reach real rows. */
export interface Hints {
  agency: string[];
  procedure: string[];
  dossier: string[];
  sector: string[];
  questionnaire: string[];
  question: string[];
  nodeId: string[];
  cursor: string[];
}

/** One HTTP request, fully determined (headers but the API key, and the raw body). */
export interface FuzzRequest {
  /** The generator branch that made it, for the summary and for grouping failures. */
  label: string;
  auth: AuthKind;
  method: 'GET' | 'POST';
  path: '/graphql' | '/graphql/submit-rating';
  /** null: header not sent. */
  accept: string | null;
  contentType: string | null;
  /** POST: the body text as sent (it may be broken JSON on purpose); GET: the query string. */
  body: string;
  /** For reproductions: the document and variables before serialisation, when there are any. */
  document?: string;
  variables?: unknown;
}

/** An enum value: bare in a document literal, a string in JSON variables. */
export class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** A number written exactly as given (1e400, -0, 30 digits), in documents and in JSON bodies. */
export class RawNumber {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

/** JSON text of a value, with RawNumber written raw (JSON.stringify cannot write 1e400). */
export function toJson(value: unknown): string {
  if (value instanceof RawNumber) return value.text;
  if (value instanceof EnumValue) return JSON.stringify(value.name);
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A value as a GraphQL literal in the document. */
export function toLiteral(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (value instanceof RawNumber) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value); // GraphQL string escapes are JSON's
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(', ')}]`;
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${k}: ${toLiteral(v)}`).join(', ')}}`;
}

// ---------------------------------------------------------------------------------------------
// Leaf values

const LONG = 'a'.repeat(10_000); // exactly the documented ceiling (server/input-strings.ts)
const TOO_LONG = 'b'.repeat(10_001);

/** Strings that have broken parsers, databases and regular expressions somewhere. */
const HOSTILE_STRINGS: string[] = [
  '',
  ' ',
  '   56   ',
  LONG,
  TOO_LONG,
  'Hồ sơ '.repeat(1_666), // 9,996 characters of Vietnamese
  '😀'.repeat(5_000), // 10,000 UTF-16 units, 5,000 characters
  'a\u0000b',
  '\u0000',
  '\u0001\u0002\u0003',
  '\u001b[31mred',
  '\u007f',
  'line\nbreak\r\n\ttab',
  '\ud800',
  'x\udc00y',
  '\udbff\udbff',
  '\u202eevil',
  'zero\u200bwidth',
  '\ufeffBOM',
  '\uffff',
  '\u{10ffff}',
  '👨‍👩‍👧‍👦🇻🇳',
  'n\u0303'.repeat(50),
  "' OR '1'='1",
  '\'; DROP TABLE "Dossier"; --',
  '%',
  '_',
  '%_%',
  '\\',
  '\\\\\\',
  '"',
  "'",
  '.*',
  '(a+)+$',
  '[',
  '\\d{999999999}',
  '&|!():*<->',
  '$1',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  '５６',
  'SELECT pg_sleep(10)',
];

const HOSTILE_INTS: unknown[] = [
  0,
  -1,
  1,
  -2_147_483_648,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  new RawNumber('9007199254740993'), // not a double: JSON.parse rounds it
  1e21,
  1.5,
  -0.000001,
  1e308,
  new RawNumber('1e400'),
  new RawNumber('-1e400'),
  new RawNumber('1e-400'),
  new RawNumber('123456789012345678901234567890'),
  new RawNumber('-0'),
  new RawNumber('1.0'),
];

const HOSTILE_FLOATS: unknown[] = [...HOSTILE_INTS, 5e-324, -1.7976931348623157e308, 0.1 + 0.2];

const HOSTILE_DAYS: string[] = [
  '9999-12-31',
  '0000-01-01',
  '0001-01-01',
  '2025-02-30',
  '2023-02-29',
  '2024-02-29',
  '2025-13-01',
  '2025-00-10',
  '2025-04-31',
  '2025-1-1',
  '20250101',
  '2025-01-01T00:00:00Z',
  '1899-12-31',
  '1900-01-01',
  '2100-12-31',
  '2101-01-01',
  '+002025-01-01',
  '-000001-01-01',
  '２０２５-01-01',
  '2025-01-01\u0000',
  '2025-01-01 ',
  '',
];

const HOSTILE_INSTANTS: string[] = [
  '9999-12-31T23:59:59+07:00',
  '0000-01-01T00:00:00Z',
  '2025-02-30T08:00:00+07:00',
  '2025-01-01T24:00:00+07:00',
  '2025-01-01T23:60:00+07:00',
  '2025-01-01T08:00:00',
  '2025-01-01T08:00:00+24:00',
  '2025-01-01T08:00:00.1234567891+07:00',
  '2025-01-01T08:00:00.123456789+07:00',
  '1999-12-31T23:59:59+07:00',
  '2000-01-01T00:00:00+07:00',
  '2100-12-31T23:59:59+07:00',
  '2101-01-01T00:00:00+07:00',
  '2025-01-01',
  '2025-01-01t08:00:00z',
  '1735689600000',
  'now',
  '',
];

const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** Global IDs and cursors that look right but are not (Pothos relay: base64 of "Type:id"). */
function hostileIds(schema: GraphQLSchema): string[] {
  const nodeTypes = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((t) => t.getInterfaces().some((i) => i.name === 'Node'))
    .map((t) => t.name);
  return [
    '',
    '!!!',
    'Zm9vOmJhcg==',
    '====',
    b64('Nope:1'),
    b64(':'),
    ...nodeTypes.flatMap((t) => [
      b64(`${t}:`),
      b64(`${t}:-1`),
      b64(`${t}:0`),
      b64(`${t}:999999`),
      b64(`${t}:99999999999999999999`),
      b64(`${t}:1e400`),
      b64(`${t}:abc`),
      b64(`${t}:' OR 1=1 --`),
      b64(`${t}:\u0000`),
    ]),
  ];
}

const HOSTILE_CURSORS: string[] = [
  '',
  '!!!',
  b64('GPC:S:x'),
  b64('GPC:N:1e400'),
  b64('GPC:N:-1'),
  b64('GPC:N:99999999999'),
  b64('GPC:J:{'),
  b64('GPC:J:{"__proto__":1}'),
  b64('GPC:S:\u0000'),
  b64('arrayconnection:5'),
  'x'.repeat(10_000),
];

/** Rating tokens shaped like real ones (payload.signature) but signed with another secret. */
function forgedTokens(dossiers: string[]): string[] {
  const sign = (payload: string) =>
    createHmac('sha256', 'not-the-server-secret').update(payload).digest('base64url');
  const forged = (payload: string) => `${payload}.${sign(payload)}`;
  const code = dossiers[0] ?? 'X';
  const good = b64url(JSON.stringify({ d: code, e: 4_102_444_800, n: 'AAAAAAAA' }));
  return [
    forged(good),
    forged(b64url(JSON.stringify({ d: code, e: '4102444800', n: 'A' }))),
    forged(b64url(JSON.stringify({ d: 12, e: 1 }))),
    forged(b64url('{not json')),
    forged(b64url(JSON.stringify({ d: code, e: 1e308 }))),
    `${good}.${'A'.repeat(43)}`,
    `${good}.`,
    `.${sign(good)}`,
    `${good}.${sign(good)}.extra`,
    good,
    '.',
    '..',
    '',
    'x'.repeat(513),
    `${good}.${sign(good)}`.replace(/.$/, '='),
    '🙂.🙂',
  ];
}

const SEARCH_WORDS = ['Khánh', 'khanh hoa', 'hộ tịch', 'đăng ký', '1.00', 'giấy phép', 'XÃ', 'a b c d e f g'];
const TEXTS = ['Ghi chú', 'Nghỉ lễ Quốc khánh', 'Tốt', 'Rất hài lòng với cán bộ tiếp nhận.', 'x'];

/** Everything that can go at a leaf, per profile. */
interface LeafSet {
  valid: fc.Arbitrary<unknown>;
  hostile: fc.Arbitrary<unknown>;
}

const WRONG_TYPE: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  0,
  -1,
  1.5,
  true,
  false,
  'text',
  '',
  [],
  ['a'],
  {},
  { a: 1 },
);

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY0 = Date.UTC(2024, 0, 1);
const validDay = fc.integer({ min: 0, max: 3 * 366 }).map((d) => isoDay(DAY0 + d * 86_400_000));
const validInstant = fc
  .tuple(fc.integer({ min: 0, max: 2 * 366 * 24 * 60 }), fc.constantFrom('+07:00', 'Z', '+07:00'))
  .map(([minutes, zone]) => {
    const ms = Date.UTC(2025, 0, 1) + minutes * 60_000;
    if (zone === 'Z') return `${new Date(ms).toISOString().slice(0, 19)}Z`;
    return `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
  });

/** Random strings of any UTF-16 units (lone surrogates and controls included). */
const anyUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 24,
});

export class SchemaFuzz {
  private readonly leafCache = new Map<string, LeafSet>();
  private readonly selectionCache = new Map<string, fc.Arbitrary<Selection[]>>();
  private readonly ids: string[];
  private readonly tokens: string[];
  /** Dossier codes: the seeded ones and new ones, so events both extend and create dossiers. */
  private readonly dossierCodes: string[];

  constructor(
    readonly schema: GraphQLSchema,
    readonly hints: Hints,
  ) {
    this.ids = hostileIds(schema);
    this.tokens = forgedTokens(hints.dossier);
    this.dossierCodes = [...hints.dossier, 'FZ-0001', 'FZ-0002', 'FZ-0003', 'FZ-0004'];
  }

  // ------------------------------------------------------------------------------- leaf values

  /** Valid and hostile values of a leaf type, chosen by the name of the argument or field. */
  private leaf(typeName: string, name: string, owner: string): LeafSet {
    const key = `${typeName}|${name}|${owner}`;
    let set = this.leafCache.get(key);
    if (!set) {
      set = this.makeLeaf(typeName, name, owner);
      this.leafCache.set(key, set);
    }
    return set;
  }

  private makeLeaf(typeName: string, name: string, owner: string): LeafSet {
    const type = this.schema.getType(typeName);
    const hostileStrings = oneof(
      { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
      { arbitrary: anyUnits, weight: 1 },
    );
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return {
        valid: fc.constantFrom(...values).map((v) => new EnumValue(v)),
        hostile: oneof(
          fc
            .constantFrom('NOPE', '__proto__', values[0]!.toLowerCase(), `${values[0]}_`)
            .map((v) => new EnumValue(v)),
          // A valid name as a string: fine in JSON variables, a validation error as a literal.
          fc.constantFrom(...values),
          hostileStrings,
        ),
      };
    }
    switch (typeName) {
      case 'Int':
        return { valid: this.validInt(name), hostile: fc.constantFrom(...HOSTILE_INTS) };
      case 'Float':
        return {
          valid: fc.double({ min: -10, max: 100, noNaN: true, noDefaultInfinity: true }),
          hostile: fc.constantFrom(...HOSTILE_FLOATS),
        };
      case 'Boolean':
        return { valid: fc.boolean(), hostile: fc.constantFrom<unknown>('true', 1, 0, 'yes', null) };
      case 'Date':
        return { valid: validDay, hostile: fc.constantFrom(...HOSTILE_DAYS) };
      case 'DateTime':
        return { valid: validInstant, hostile: fc.constantFrom(...HOSTILE_INSTANTS) };
      case 'ID':
        return {
          valid: fc.constantFrom(...this.hints.nodeId),
          hostile: oneof(fc.constantFrom(...this.ids), hostileStrings),
        };
      default:
        // String and any other custom scalar.
        return {
          valid: this.validString(name, owner),
          hostile: oneof(
            { arbitrary: hostileStrings, weight: 4 },
            // The right kind of value, slightly off: a real code with a control character, padded…
            {
              arbitrary: fc
                .tuple(
                  this.validString(name, owner),
                  fc.constantFrom('\u0000', ' ', '\ud800', '%', 'é', '\n'),
                )
                .map(([s, c]) => (s.length % 2 ? `${s}${c}` : `${c}${s}`)),
              weight: 2,
            },
            ...(name === 'after' || name === 'before'
              ? [{ arbitrary: fc.constantFrom(...HOSTILE_CURSORS), weight: 4 }]
              : []),
            ...(name === 'token' ? [{ arbitrary: fc.constantFrom(...this.tokens), weight: 4 }] : []),
          ),
        };
    }
  }

  private validInt(name: string): fc.Arbitrary<number> {
    switch (name) {
      case 'first':
      case 'last':
        return oneof({ arbitrary: fc.integer({ min: 0, max: 10 }), weight: 9 }, fc.constant(100));
      case 'sequence':
        return fc.integer({ min: 1, max: 6 });
      case 'quarter':
        return fc.integer({ min: 1, max: 4 });
      case 'year':
        return fc.integer({ min: 2023, max: 2027 });
      case 'indicator':
        return fc.integer({ min: 1, max: 9 });
      case 'selfScore':
      case 'verifiedScore':
        return fc.integer({ min: 0, max: 2 });
      case 'value':
      case 'positiveFrom':
        return fc.integer({ min: 1, max: 5 });
      case 'version':
      case 'questionnaireVersion':
        return fc.integer({ min: 1, max: 3 });
      default:
        return fc.integer({ min: -2, max: 50 });
    }
  }

  private validString(name: string, owner: string): fc.Arbitrary<string> {
    const h = this.hints;
    const from = (values: string[]) => fc.constantFrom(...(values.length ? values : ['X']));
    if (name === 'agencyCode' || name === 'parentCode' || (name === 'code' && /^agenc/i.test(owner)))
      return from(h.agency);
    if (name === 'procedureCode' || (name === 'code' && /^procedure/i.test(owner))) return from(h.procedure);
    if (name === 'dossierCode' || (name === 'code' && /^dossier/i.test(owner)))
      return from(this.dossierCodes);
    if (name === 'sectorCode') return from(h.sector);
    if (name === 'questionnaireCode' || (name === 'code' && /^questionnaire/i.test(owner)))
      return from(h.questionnaire);
    if (name === 'questionCode') return from(h.question);
    if (name === 'search') return from(SEARCH_WORDS);
    if (name === 'after' || name === 'before') return from(h.cursor);
    if (name === 'token') return from(this.tokens);
    if (name === 'idempotencyKey') return fc.stringMatching(/^[A-Za-z0-9._:-]{8,24}$/);
    if (name === 'apologyRef') return fc.constantFrom('PXL-001', '12/PXL');
    if (/^(comment|note|text|name|label|basis)$/.test(name)) return from(TEXTS);
    if (name === 'code')
      return oneof(from(h.agency), from(h.procedure), fc.stringMatching(/^[A-Z0-9_]{1,8}$/));
    return fc.stringMatching(/^[A-Za-z0-9]{0,8}$/);
  }

  // ----------------------------------------------------------------------------- input values

  /**
   * A value of an input type. `undefined` means "leave it out" (an omitted argument, a missing
   * variable or input field). Valid values follow the type; near-valid ones get a boundary or a
   * wrong type now and then; hostile ones mostly.
   */
  value(
    type: GraphQLInputType,
    name: string,
    owner: string,
    profile: Profile,
    depth = 0,
  ): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) {
      const inner = this.nonNullValue(type.ofType, name, owner, profile, depth);
      if (profile === 'valid') return inner;
      // null or nothing for a non-null type: one of the classic near-valid mistakes.
      return oneof(
        { arbitrary: inner, weight: profile === 'near' ? 30 : 10 },
        { arbitrary: fc.constant(null), weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      );
    }
    const nonNull = this.nonNullValue(type, name, owner, profile, depth);
    // Null for a nullable type is valid; sometimes leave it out.
    return oneof(
      { arbitrary: nonNull, weight: 12 },
      { arbitrary: fc.constant(null), weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
  }

  private nonNullValue(
    type: GraphQLInputType,
    name: string,
    owner: string,
    profile: Profile,
    depth: number,
  ): fc.Arbitrary<unknown> {
    const [valid, hostile, wrong] =
      profile === 'valid' ? [1, 0, 0] : profile === 'near' ? [12, 2, 1] : [3, 5, 2];
    if (isListType(type)) {
      const item = this.value(type.ofType, name, owner, profile, depth + 1);
      const maxLength = name === 'events' ? 12 : name === 'answers' || name === 'scores' ? 6 : 3;
      const list = fc.array(item, { maxLength, depthIdentifier: 'input' });
      if (profile === 'valid') return list;
      return oneof(
        { arbitrary: list, weight: valid * 3 },
        // A single value where a list is expected: valid (input coercion), worth checking.
        { arbitrary: item, weight: valid },
        {
          arbitrary: oneof(
            // [[[[x]]]]: lists nested far deeper than the type.
            fc.tuple(item, fc.integer({ min: 2, max: 200 })).map(([x, n]) => nest(x, n)),
            // Boundaries of batch sizes (1,000 events per batch) and beyond — of valid items, on
            // arguments only: a long list of long lists of 10,000-character strings would be
            // megabytes per request, a test of the network rather than of the API.
            ...(depth === 0 ? [this.longList(type.ofType, name, owner)] : []),
          ),
          weight: hostile,
        },
        { arbitrary: WRONG_TYPE, weight: wrong },
      );
    }
    if (isInputObjectType(type)) {
      if (depth > 6) return fc.constant({});
      const fields = Object.values(type.getFields());
      const record = fc.record(
        Object.fromEntries(
          fields.map((f: GraphQLInputField) => [f.name, this.inputField(f, type.name, profile, depth + 1)]),
        ),
      );
      if (profile === 'valid') return record;
      return oneof(
        { arbitrary: record, weight: valid * 2 },
        {
          // A field the type does not have: refused by input coercion.
          arbitrary: fc
            .tuple(
              record,
              fc.constantFrom('nope', '__proto__', 'constructor', 'bad key'),
              fc.constantFrom<unknown>(1, 'x', {}),
            )
            .map(([r, k, v]) => ({ ...(r as object), [k]: v })),
          weight: hostile,
        },
        { arbitrary: WRONG_TYPE, weight: wrong },
      );
    }
    if (isLeafType(type)) {
      const set = this.leaf(type.name, name, owner);
      if (profile === 'valid') return set.valid;
      return oneof(
        { arbitrary: set.valid, weight: valid },
        { arbitrary: set.hostile, weight: hostile },
        { arbitrary: WRONG_TYPE, weight: wrong },
      );
    }
    return fc.constant(null);
  }

  private longList(item: GraphQLInputType, name: string, owner: string): fc.Arbitrary<unknown[]> {
    const lengths = isLeafType(getNamedType(item)) ? [0, 101, 1_000, 1_001, 5_000] : [0, 101, 1_000, 1_001];
    return fc
      .tuple(this.value(item, name, owner, 'valid', 1), fc.constantFrom(...lengths))
      .map(([x, n]) => Array.from({ length: n }, () => x));
  }

  private inputField(
    f: GraphQLInputField,
    owner: string,
    profile: Profile,
    depth: number,
  ): fc.Arbitrary<unknown> {
    const required = isNonNullType(f.type) && f.defaultValue === undefined;
    const value = this.value(f.type, f.name, owner, profile, depth);
    // Optional input fields are often left out, as clients do.
    return required ? value : oneof(value, fc.constant(undefined));
  }

  // ------------------------------------------------------------------------------ selections

  /** Fields of a type, within `depth` more levels; memoised per type, depth and profile. */
  selection(
    type: GraphQLObjectType | GraphQLInterfaceType,
    depth: number,
    profile: Profile,
  ): fc.Arbitrary<Selection[]> {
    const key = `${type.name}|${depth}|${profile}`;
    let arb = this.selectionCache.get(key);
    if (!arb) {
      arb = this.makeSelection(type, depth, profile);
      this.selectionCache.set(key, arb);
    }
    return arb;
  }

  private makeSelection(
    type: GraphQLObjectType | GraphQLInterfaceType,
    depth: number,
    profile: Profile,
  ): fc.Arbitrary<Selection[]> {
    const fields = Object.values(type.getFields()).filter(
      (f) => depth > 0 || isLeafType(getNamedType(f.type)),
    );
    // About 2.5 fields per selection set, whatever the width of the type.
    const picked = Math.min(0.9, 2.5 / Math.max(1, fields.length));
    const maybe = <T>(arb: fc.Arbitrary<T>, p: number) =>
      oneof(
        { arbitrary: fc.constant(undefined), weight: Math.max(1, Math.round((1 - p) * 100)) },
        { arbitrary: arb, weight: Math.max(1, Math.round(p * 100)) },
      );
    const parts: fc.Arbitrary<Selection | undefined>[] = fields.map((f) =>
      maybe(this.field(f, depth, profile), picked),
    );
    parts.push(
      maybe(fc.constant<Selection>({ kind: 'field', name: '__typename', args: [], directives: [] }), 0.05),
    );
    if (isAbstractType(type)) {
      for (const possible of this.schema.getPossibleTypes(type)) {
        parts.push(
          maybe(
            this.selection(possible, depth, profile).map(
              (selection): Selection => ({ kind: 'inline', on: possible.name, selection }),
            ),
            0.5,
          ),
        );
      }
    }
    return fc.tuple(...parts).map((chosen) => {
      const selection = chosen.filter((s): s is Selection => s !== undefined);
      return selection.length ? selection : [{ kind: 'field', name: '__typename', args: [], directives: [] }];
    });
  }

  private field(
    field: GraphQLField<unknown, unknown>,
    depth: number,
    profile: Profile,
  ): fc.Arbitrary<Selection> {
    const named = getNamedType(field.type);
    const sub =
      isLeafType(named) || depth === 0
        ? fc.constant(undefined)
        : this.selection(named as GraphQLObjectType | GraphQLInterfaceType, depth - 1, profile);
    return fc
      .record({
        alias: oneof(
          { arbitrary: fc.constant(undefined), weight: 12 },
          { arbitrary: fc.constantFrom('a', 'b1', 'code', 'id', 'name', '__typename'), weight: 1 },
        ),
        args: this.args(field, profile),
        directives: this.directives(profile),
        selection: sub,
      })
      .map(
        ({ alias, args, directives, selection }): Selection => ({
          kind: 'field',
          name: field.name,
          args,
          directives,
          ...(alias ? { alias } : {}),
          ...(selection ? { selection } : {}),
        }),
      );
  }

  private args(field: GraphQLField<unknown, unknown>, profile: Profile): fc.Arbitrary<Arg[]> {
    if (!field.args.length) return fc.constant([]);
    return fc
      .tuple(...field.args.map((a) => this.arg(a, field.name, profile)))
      .map((args) => args.filter((a): a is Arg => a !== undefined));
  }

  private arg(a: GraphQLArgument, fieldName: string, profile: Profile): fc.Arbitrary<Arg | undefined> {
    const required = isNonNullType(a.type) && a.defaultValue === undefined;
    const declared = String(a.type);
    const declaredNear = oneof(
      { arbitrary: fc.constant(declared), weight: 20 },
      // A variable declared with another type than the argument's: a validation error.
      {
        arbitrary: fc.constantFrom(declared.replace(/!$/, ''), 'String', 'Int', `[${declared}]`, 'Nope'),
        weight: 1,
      },
    );
    const given = fc
      .record({
        how: fc.constantFrom<'literal' | 'variable'>('variable', 'literal'),
        value: this.value(a.type, a.name, fieldName, profile),
        type: profile === 'valid' ? fc.constant(declared) : declaredNear,
      })
      .map((r): Arg => ({ name: a.name, ...r }));
    if (required && profile === 'valid') return given;
    return oneof(
      { arbitrary: fc.constant(undefined), weight: required ? 1 : 10 },
      { arbitrary: given, weight: required ? 30 : 10 },
    );
  }

  private directives(profile: Profile): fc.Arbitrary<string[]> {
    const valid = ['@include(if: true)', '@skip(if: false)', '@skip(if: true)'];
    const near = [
      '@include',
      '@include(if: "yes")',
      '@unknown',
      '@deprecated',
      '@include(if: true) @include(if: true)',
      '@skip(if: null)',
    ];
    const pool = profile === 'valid' ? valid : [...valid, ...near];
    return oneof(
      { arbitrary: fc.constant([]), weight: 25 },
      { arbitrary: fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 2 }), weight: 1 },
    );
  }

  // ------------------------------------------------------------------------------ operations

  /** An operation on a root type; `only` limits the root fields (one mutation at a time, say). */
  operation(
    kind: 'query' | 'mutation' | 'subscription',
    profile: Profile,
    options: { maxDepth: number; only?: string[] },
  ): fc.Arbitrary<Operation> {
    const root =
      kind === 'query'
        ? this.schema.getQueryType()
        : kind === 'mutation'
          ? this.schema.getMutationType()
          : this.schema.getSubscriptionType();
    if (!root) throw new Error(`the schema has no ${kind} type`);
    const depths = Array.from({ length: options.maxDepth }, (_, i) => i + 1);
    const selection = options.only
      ? oneof(
          ...options.only.map((name) => {
            const f = root.getFields()[name];
            if (!f) throw new Error(`${root.name}.${name} is not in the schema`);
            return oneof(...depths.map((d) => this.field(f, d, profile))).map((s) => [s]);
          }),
        )
      : oneof(...depths.map((d) => this.selection(root, d, profile)));
    return fc.record({
      kind: fc.constant(kind),
      name: oneof({ arbitrary: fc.constant(undefined), weight: 3 }, fc.constantFrom('Fuzz', 'Q')),
      selection,
    });
  }
}

export interface Arg {
  name: string;
  how: 'literal' | 'variable';
  value: unknown;
  /** The type the variable is declared with (the argument's own, or a wrong one). */
  type: string;
}

export type Selection =
  | {
      kind: 'field';
      name: string;
      alias?: string;
      args: Arg[];
      directives: string[];
      selection?: Selection[];
    }
  | { kind: 'inline'; on: string; selection: Selection[] };

export interface Operation {
  kind: 'query' | 'mutation' | 'subscription';
  name: string | undefined;
  selection: Selection[];
}

function nest(value: unknown, levels: number): unknown {
  let v = value;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** The document text and variables of an operation (arguments become literals or `$vN`). */
export function printOperation(op: Operation): { document: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const printSelection = (selection: Selection[]): string =>
    selection
      .map((s) => {
        if (s.kind === 'inline') return `... on ${s.on} { ${printSelection(s.selection)} }`;
        const args = s.args.map((a) => {
          if (a.how === 'literal') return `${a.name}: ${toLiteral(a.value)}`;
          const v = `v${declarations.length}`;
          declarations.push(`$${v}: ${a.type}`);
          if (a.value !== undefined) variables[v] = a.value;
          return `${a.name}: $${v}`;
        });
        return [
          s.alias ? `${s.alias}: ${s.name}` : s.name,
          args.length ? `(${args.join(', ')})` : '',
          s.directives.length ? ` ${s.directives.join(' ')}` : '',
          s.selection ? ` { ${printSelection(s.selection)} }` : '',
        ].join('');
      })
      .join(' ');
  const body = printSelection(op.selection);
  const head = [op.kind, op.name ?? '', declarations.length ? `(${declarations.join(', ')})` : '']
    .filter(Boolean)
    .join(' ');
  return { document: `${head} { ${body} }`, variables };
}

// ------------------------------------------------------------------------- hostile documents

/** Documents built to hit the limits of docs/limits.md §1 and graphql-js's own weak spots. */
export function hostileDocuments(agencyCode: string): fc.Arbitrary<{ label: string; document: string }> {
  const a = JSON.stringify(agencyCode);
  const doc = (label: string, arb: fc.Arbitrary<string>) => arb.map((document) => ({ label, document }));
  return oneof(
    doc(
      'doc/alias-flood',
      fc
        .tuple(
          fc.integer({ min: 40, max: 60 }),
          fc.constantFrom(
            'viewer { kind }',
            'procedures(first: 20) { totalCount }',
            '__typename',
            'agency(code: $$) { code }',
          ),
        )
        .map(
          ([n, f]) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${f.replace('$$', a)}`).join(' ')} }`,
        ),
    ),
    doc(
      'doc/directive-flood',
      fc
        .tuple(
          fc.integer({ min: 15, max: 30 }),
          fc.constantFrom('@include(if: true)', '@skip(if: false)', '@nope'),
        )
        .map(([n, d]) => `{ viewer { kind ${Array.from({ length: n }, () => d).join(' ')} } }`),
    ),
    doc(
      'doc/deep-parent',
      fc
        .integer({ min: 8, max: 16 })
        .map((n) => `{ agency(code: ${a}) { ${'parent { '.repeat(n)}code${' }'.repeat(n)} } }`),
    ),
    doc(
      'doc/deep-children',
      fc
        .integer({ min: 2, max: 7 })
        .map((n) => `{ agency(code: ${a}) { ${'children { parent { '.repeat(n)}code${' } }'.repeat(n)} } }`),
    ),
    doc(
      'doc/deep-braces',
      fc.integer({ min: 50, max: 3_000 }).map((n) => `${'{a'.repeat(n)}${'}'.repeat(n)}`),
    ),
    doc(
      'doc/token-flood',
      fc.integer({ min: 9_990, max: 10_010 }).map((n) => `{ ${'__typename '.repeat(n)}}`),
    ),
    doc(
      'doc/fragment-cycle',
      fc.constant(
        `{ agency(code: ${a}) { ...A } } fragment A on Agency { parent { ...B } } fragment B on Agency { children { ...A } }`,
      ),
    ),
    doc(
      'doc/fragment-duplicate',
      fc.constant(`{ ...F } fragment F on Query { viewer { kind } } fragment F on Query { __typename }`),
    ),
    doc(
      'doc/fragment-spread-many',
      fc
        .integer({ min: 2, max: 400 })
        .map(
          (n) =>
            `{ agency(code: ${a}) { ${'...F '.repeat(n)}} } fragment F on Agency { code name children { code } }`,
        ),
    ),
    doc(
      // Fragments that double at each level: exponential for naive validation (overlapping fields).
      'doc/fragment-doubling',
      fc.integer({ min: 3, max: 11 }).map((n) => {
        const frags = [`fragment F0 on Agency { code }`];
        for (let i = 1; i <= n; i++)
          frags.push(`fragment F${i} on Agency { x: parent { ...F${i - 1} } y: parent { ...F${i - 1} } }`);
        return `{ agency(code: ${a}) { ...F${n} } } ${frags.join(' ')}`;
      }),
    ),
    doc(
      'doc/introspection-nested',
      fc
        .integer({ min: 1, max: 8 })
        .map((n) => `{ __schema { types { ${'fields { type { '.repeat(n)}name${' } }'.repeat(n)} } } }`),
    ),
    doc(
      'doc/introspection-full',
      fc.constant(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true })),
    ),
    doc(
      'doc/multiple-operations',
      fc.constant('query A { viewer { kind } } query B { __typename } mutation C { __typename }'),
    ),
    doc(
      'doc/empty',
      fc.constantFrom(
        '',
        ' ',
        '{}',
        '{ }',
        '#comment',
        'query',
        'subscription',
        'fragment F on Query { __typename }',
      ),
    ),
    doc(
      'doc/block-string',
      fc
        .constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100))
        .map((s) => `{ procedure(code: """${s.replaceAll('"""', '\\"""')}""") { code } }`),
    ),
    doc(
      'doc/raw-escapes',
      fc.constantFrom(
        '{ procedure(code: "\\u0000") { code } }',
        '{ procedure(code: "\\uD800") { code } }',
        '{ procedure(code: "\\u{1F600}") { code } }',
        '{ procedure(code: "\\x41") { code } }',
        '{ procedures(first: 0x10) { totalCount } }',
        '{ procedures(first: 01) { totalCount } }',
        '{ procedures(first: 1e400) { totalCount } }',
        '{ procedures(first: -0) { totalCount } }',
        '{ procedures(first: NaN) { totalCount } }',
        '{ procedures(first: 2147483648) { totalCount } }',
        '{ agencies(filter: { level: province }) { totalCount } }',
        '{ agencies(filter: { level: "PROVINCE" }) { totalCount } }',
        '{ agencies(filter: { nope: 1 }) { totalCount } }',
        '{ calendarDays(from: "2025-01-01", to: "2025-12-31") { date } calendarDays(from: "2024-01-01", to: "2024-12-31") { working } }',
      ),
    ),
  );
}

/** A document damaged at random: cut short, or with one character changed. */
export function damaged(document: string): fc.Arbitrary<{ label: string; document: string }> {
  const n = document.length;
  return oneof(
    fc
      .integer({ min: 0, max: Math.max(0, n - 1) })
      .map((k) => ({ label: 'doc/truncated', document: document.slice(0, k) })),
    fc
      .tuple(
        fc.integer({ min: 0, max: n }),
        fc.constantFrom(
          '{',
          '}',
          '(',
          ')',
          '[',
          ']',
          ':',
          '$',
          '@',
          '!',
          '.',
          '"',
          '\\',
          '#',
          '\u0000',
          'é',
          '\n',
          '...',
          '',
        ),
      )
      .map(([k, c]) => ({
        label: 'doc/noise',
        document: `${document.slice(0, k)}${c}${document.slice(k + 1)}`,
      })),
  );
}
