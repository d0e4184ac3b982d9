import type { Database, Dossier } from '@tthc/db';

/**
 * One page of a list paged by key (an id), as the schema asks for it (schema/keyset-connection.ts):
 * the items after and/or before a key, at most `limit` of them, read backwards when `inverted`
 * (`last`). Each service orders its list and says what "after" means in that order.
 */
export interface Page<K> {
  after?: K | undefined;
  before?: K | undefined;
  limit: number;
  inverted: boolean;
}

/**
 * One page of the dossiers matching `where` (SQL on `"Dossier" d`, with `params`), ordered by id: the
 * ids by keyset in SQL, then the rows through Prisma, handed back in the ids' order.
 */
export async function dossierPage(
  db: Pick<Database, 'pool' | 'prisma'>,
  where: string,
  params: readonly unknown[],
  { after, before, limit, inverted }: Page<bigint>,
): Promise<Dossier[]> {
  const pageParams = [...params];
  const keys: string[] = [];
  if (after !== undefined) keys.push(`d.id > $${pageParams.push(after)}`);
  if (before !== undefined) keys.push(`d.id < $${pageParams.push(before)}`);
  const ids = await db.pool.query<{ id: string }>(
    `SELECT d.id::text FROM "Dossier" d WHERE ${[where, ...keys].join(' AND ')}
      ORDER BY d.id ${inverted ? 'DESC' : 'ASC'} LIMIT ${Math.trunc(limit)}`,
    pageParams,
  );
  const order = ids.rows.map((r) => BigInt(r.id));
  const rows = await db.prisma.dossier.findMany({ where: { id: { in: order } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return order.flatMap((id) => byId.get(id) ?? []);
}
