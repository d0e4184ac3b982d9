import { AppError } from '../errors.ts';
import { builder } from './builder.ts';

/** Relay page size rule of the contract: first ≤ 100 (default 20). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function checkPageSize(args: { first?: number | null; last?: number | null }): void {
  for (const [name, value] of [
    ['first', args.first],
    ['last', args.last],
  ] as const) {
    if (value == null) continue;
    if (value < 0) throw new AppError('BAD_USER_INPUT', `"${name}" không được âm.`);
    if (value > MAX_PAGE_SIZE) {
      throw new AppError('PAGE_SIZE_TOO_LARGE', `"${name}" tối đa ${MAX_PAGE_SIZE} bản ghi mỗi trang.`, {
        max: MAX_PAGE_SIZE,
      });
    }
  }
}

/** Largest value of a PostgreSQL `integer` column. */
const MAX_INT4 = 2_147_483_647;
/** Catalogue codes are printable ASCII, 22 characters today (1.001193.000.00.00.H56). */
const CODE_CURSOR = /^[\x21-\x7e]{1,100}$/;

/**
 * The position Pothos decoded from `after` / `before`, checked against the column the connection
 * pages on. A cursor is opaque but not signed: one forged, or taken from another list, would reach
 * Prisma with the wrong type or a NUL byte and fail as an internal error.
 */
export function checkCursor(query: { cursor?: object }, column: string, kind: 'id' | 'code'): void {
  if (!query.cursor) return;
  const value = (query.cursor as Record<string, unknown>)[column];
  const fits =
    kind === 'id'
      ? Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_INT4
      : typeof value === 'string' && CODE_CURSOR.test(value);
  if (!fits) {
    throw new AppError(
      'INVALID_CURSOR',
      'Con trỏ phân trang (after/before) không hợp lệ: hãy dùng con trỏ do trang trước trả về.',
    );
  }
}

/**
 * A named Relay connection shared by every field that lists `node` (ProcedureConnection for both
 * Query.procedures and Agency.procedures, as the contract names them), with `totalCount`.
 * prismaConnection hands each connection a `totalCount()` thunk when the field defines one.
 */
type NodeRef = Parameters<typeof builder.connectionObject>[0]['type'];

/**
 * `items` names what the list holds, in the plural and with its Vietnamese term, e.g. "agencies and
 * administrative units (cơ quan, đơn vị)": it describes the connection and its edge types.
 */
export function namedConnection<R extends NodeRef>(node: R, name: string, items: string) {
  return builder.connectionObject(
    {
      type: node,
      name: `${name}Connection`,
      description: `A page of ${items}, as a Relay cursor connection: \`edges\` with their cursors, \`pageInfo\` to page on, \`totalCount\` over all pages.`,
      fields: (t) => ({
        totalCount: t.int({
          description: 'Number of items matching the filter, over all pages.',
          resolve: async (parent) => {
            const count = (parent as { totalCount?: () => number | Promise<number> }).totalCount;
            return count ? await count() : 0;
          },
        }),
      }),
    },
    { name: `${name}Edge`, description: `An item of a page of ${items}, with its cursor.` },
  );
}
