// Relay connections over lists that a service pages by key (services/paging.ts): the administration
// lists (users, API keys, rating comments, the audit log) are filtered by the caller's reach, which a
// service must apply, so they are not Prisma connections built by the plugin.
import { parseCursorConnectionArgs } from '@pothos/core';
import { AppError } from '../errors.ts';
import type { Page } from '../services/paging.ts';
import { checkPageSize } from './pagination.ts';

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const invalidCursor = () =>
  new AppError(
    'INVALID_CURSOR',
    'Con trỏ phân trang (after/before) không hợp lệ: hãy dùng con trỏ do trang trước trả về.',
  );

/** Keys are positive whole numbers (ids); `Type:123` in base64, so a cursor of one list fits no other. */
function decode(cursor: string | undefined, type: string): string | undefined {
  if (cursor === undefined) return undefined;
  const match = /^([A-Za-z]+):([1-9][0-9]{0,18})$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match || match[1] !== type) throw invalidCursor();
  return match[2];
}

/** Keys of an `integer` id column. */
export function intKey(digits: string): number {
  const n = Number(digits);
  if (n > 2_147_483_647) throw invalidCursor();
  return n;
}

/** Keys of a `bigint` id column. */
export const bigKey = (digits: string): bigint => BigInt(digits);

const encode = (type: string, key: string | number | bigint) =>
  Buffer.from(`${type}:${key}`).toString('base64');

/**
 * A connection of `type` items keyed by `keyOf`, with `totalCount` (pagination.ts namedConnection).
 * `parse` turns a cursor's digits into the service's key (a number, or a bigint for BigInt ids).
 */
export async function keysetConnection<T, K>(
  args: ConnectionArgs,
  list: {
    type: string;
    keyOf: (item: T) => string | number | bigint;
    parse: (digits: string) => K;
    page: (page: Page<K>) => Promise<T[]>;
    count: () => Promise<number>;
  },
) {
  checkPageSize(args);
  const { after, before, limit, inverted, expectedSize, hasPreviousPage, hasNextPage } =
    parseCursorConnectionArgs({ args });
  const a = decode(after, list.type);
  const b = decode(before, list.type);
  const items = await list.page({
    after: a === undefined ? undefined : list.parse(a),
    before: b === undefined ? undefined : list.parse(b),
    limit,
    inverted,
  });
  const trimmed = items.slice(0, expectedSize);
  if (inverted) trimmed.reverse();
  const edges = trimmed.map((node) => ({ cursor: encode(list.type, list.keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: hasPreviousPage(items.length),
      hasNextPage: hasNextPage(items.length),
    },
    totalCount: list.count,
  };
}
