// The driver adapter the wasm schema engine talks through: Prisma 7's pg adapter, plus what the
// engine needs that PrismaPg does not do right for us here (docs/toolchain.md):
// - a shadow database created and dropped by us, connected with discrete fields (PrismaPg's own
//   connectToShadowDb spreads its config, so a `connectionString` would win over the shadow name);
// - Postgres' internal one-byte `"char"` type (OID 18, e.g. pg_class.relkind) is read by the
//   engine's catalog queries, but PrismaPg rejects it as an unsupported column type, and reporting
//   it as text makes introspection fail ("Column type 'char' could not be deserialized"; PG 18
//   panics): it must reach the engine as a Character column;
// - scripts (a migration replayed on the shadow database) are sent whole, as the native engine
//   does: PrismaPg's executeScript splits them on every ';', even inside comments, strings and
//   function bodies.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { withAdminClient } from '../src/admin.ts';
import { poolConfig, quoteIdentifier, withDatabase } from '../src/connection-url.ts';

const INTERNAL_CHAR_OID = 18;
const BPCHAR_OID = 1042;

/**
 * Positions of the `"char"` columns of a pg result, keyed by its rows array: PrismaPg passes that
 * array through to its SqlResultSet, which is how the column types are corrected afterwards.
 */
const charColumns = new WeakMap<unknown[], number[]>();

function disguiseCharColumns(result: pg.QueryResult | undefined): void {
  const positions: number[] = [];
  result?.fields?.forEach((field, i) => {
    if (field.dataTypeID !== INTERNAL_CHAR_OID) return;
    field.dataTypeID = BPCHAR_OID;
    positions.push(i);
  });
  if (result && positions.length > 0) charColumns.set(result.rows, positions);
}

/** A pg client that disguises `"char"` columns as bpchar, which PrismaPg accepts, and notes them. */
class CharColumnClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; we only post-process.
  override query(...args: any[]): any {
    // pg.Pool calls its clients back (query(text, values, callback)); direct callers get a promise.
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: Error | null, result?: pg.QueryResult) => {
        if (!error) disguiseCharColumns(result);
        last(error, result);
      };
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const pending = (super.query as (...a: any[]) => any)(...args);
    if (!(pending instanceof Promise)) return pending;
    return pending.then((result: pg.QueryResult) => {
      disguiseCharColumns(result);
      return result;
    });
  }
}

function reportCharColumns<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

async function connect(url: string, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ ...poolConfig(url), Client: CharColumnClient, max: 4 });
  const adapter = reportCharColumns(await new PrismaPg(pool, { disposeExternalPool: true }).connect());
  // No parameters: pg uses the simple query protocol, which runs a multi-statement script.
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    reportCharColumns(await startTransaction(isolationLevel));
  if (!onDispose) return adapter;
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await onDispose();
  };
  return adapter;
}

/**
 * Connects the engine's "main" database to `mainUrl` and creates every shadow database the engine
 * asks for on the same server, dropping it when the engine lets go of it.
 */
export class ScratchAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';

  constructor(private readonly mainUrl: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return connect(this.mainUrl);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    await withAdminClient(this.mainUrl, (admin) => admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
    return connect(withDatabase(this.mainUrl, name), async () => {
      await withAdminClient(this.mainUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      );
    });
  }
}
