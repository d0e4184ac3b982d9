// Set-based inserts for the seed: one INSERT … SELECT FROM unnest($1::t[], $2::t[], …) per chunk,
// so 100,000 rows cost a handful of round trips (docs/benchmarks.md "Machine baselines", PostgreSQL writes).
import type pg from 'pg';

export type Queryable = Pick<pg.PoolClient, 'query'>;

export interface Column {
  name: string;
  /** SQL element type of the array parameter: 'int', 'text', 'timestamptz', '"Channel"', 'jsonb'… */
  type: string;
  /**
   * Cast applied to each unnested value. Array-valued columns (text[], enum[]) are passed as one
   * array literal per row ('{A,B}') in a text[] parameter and cast here, since unnest cannot take
   * a ragged two-dimensional array.
   */
  cast?: string;
}

const CHUNK_ROWS = 20_000;

/**
 * timestamptz columns travel as epoch milliseconds (float8) and are converted by the server:
 * node-pg formats Date array elements about three times slower than numbers, and the server parses
 * numbers faster than timestamp text.
 */
function parameterOf(
  column: Column,
  values: readonly unknown[],
): { type: string; values: readonly unknown[] } {
  if (column.type !== 'timestamptz') return { type: column.type, values };
  return { type: 'float8', values: values.map((v) => (v instanceof Date ? v.getTime() : v)) };
}

function selectOf(column: Column, alias: string): string {
  if (column.type === 'timestamptz') return `to_timestamp(${alias} / 1000.0)`;
  return `${alias}${column.cast ?? ''}`;
}

/**
 * Inserts rows given column-wise (`values[i]` holds column i for every row) and returns what
 * `returning` selects, in insertion order per chunk.
 */
export async function insertColumns<R extends pg.QueryResultRow = pg.QueryResultRow>(
  db: Queryable,
  table: string,
  columns: readonly Column[],
  values: readonly (readonly unknown[])[],
  returning?: string,
): Promise<R[]> {
  const rowCount = values[0]?.length ?? 0;
  if (values.length !== columns.length || values.some((v) => v.length !== rowCount)) {
    throw new Error(`insertColumns(${table}): every column needs ${rowCount} values`);
  }
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const parameters = columns.map((c, i) => parameterOf(c, values[i]!));
  const params = parameters.map((p, i) => `$${i + 1}::${p.type}[]`).join(', ');
  const selected = columns.map((c, i) => selectOf(c, `u.c${i}`)).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const sql =
    `INSERT INTO "${table}" (${names}) SELECT ${selected} FROM unnest(${params}) AS u(${aliases})` +
    (returning ? ` RETURNING ${returning}` : '');
  const out: R[] = [];
  for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
    const chunk = parameters.map((p) => p.values.slice(start, start + CHUNK_ROWS));
    const result = await db.query<R>(sql, chunk);
    if (returning) out.push(...result.rows);
  }
  return out;
}

/** Column-wise buffer: push rows as objects, insert them with insertColumns. */
export class RowBuffer<Row extends Record<string, unknown>> {
  readonly columnValues: unknown[][];
  private count = 0;

  constructor(readonly columns: ReadonlyArray<Column & { name: keyof Row & string }>) {
    this.columnValues = columns.map(() => []);
  }

  push(row: Row): void {
    this.columns.forEach((c, i) => {
      this.columnValues[i]!.push(row[c.name] ?? null);
    });
    this.count++;
  }

  get length(): number {
    return this.count;
  }

  insert<R extends pg.QueryResultRow = pg.QueryResultRow>(
    db: Queryable,
    table: string,
    returning?: string,
  ): Promise<R[]> {
    return insertColumns<R>(db, table, this.columns, this.columnValues, returning);
  }
}

/** A PostgreSQL array literal for one row of an array-valued column ('{"a","b"}'). */
export function arrayLiteral(items: readonly string[] | null | undefined): string | null {
  if (items == null) return null;
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
