// The cost model of a query (docs/limits.md "Query cost"), computed from the schema before anything
// runs. A cost may depend on Int arguments only (`first`): server/query-budget.ts remembers the cost
// of a document per the values of its Int variables. Close to Shopify's: what costs is fetching objects, not reading their scalar fields, and a
// list costs its selection once per item it may return.
//  - a scalar or enum field: 0 points;
//  - a field returning one object: 1 point plus its selection;
//  - a connection (`…Connection`): 1 point plus its selection × `first` (or the default page size);
//    its `edges` and `nodes` are then not multiplied again;
//  - another list of objects: 1 point, plus 1 point and its selection per item — `first` items
//    when the field takes one, else LIST_SIZE_ESTIMATE; fields whose lists are known to be longer
//    declare their own estimate (`listCost`), and aggregate fields (stats, indices) a fixed cost
//    (AGGREGATE_COST).
import type { FieldComplexityValue } from '@pothos/plugin-complexity';
import { type GraphQLField, getNamedType, isLeafType, isListType, isNonNullType } from 'graphql';

/** Items assumed in a list field that has no `first` argument and no estimate of its own. */
export const LIST_SIZE_ESTIMATE = 10;
/** Items of a connection when the query does not say `first` (the contract's default page). */
const DEFAULT_PAGE = 20;
/** A figure computed over rollups (stats, the 766 and SIPAS indices, the 9-indicator evaluation). */
export const AGGREGATE_COST = 10;

const isConnectionType = (name: string) => name.endsWith('Connection');

export function fieldCost(
  args: Record<string, unknown>,
  _ctx: object,
  // biome-ignore lint/suspicious/noExplicitAny: the plugin calls this with every field of the schema
  field: GraphQLField<unknown, any>,
): FieldComplexityValue {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const first = typeof args.first === 'number' ? Math.max(0, args.first) : undefined;
  if (isConnectionType(named.name)) return { field: 1, multiplier: first ?? DEFAULT_PAGE };
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (!isListType(type)) return 1;
  // Edges of a connection were counted by the connection's own multiplier.
  if (field.name === 'edges' || field.name === 'nodes') return { field: 0, multiplier: 1 };
  return listCost(first ?? LIST_SIZE_ESTIMATE);
}

/**
 * A list of `items` objects: each is fetched (1 point) whatever is selected of it, so fifty aliases
 * of `children { name }` cost what fifty pages of a hundred rows cost.
 */
export const listCost = (items: number): FieldComplexityValue => ({ field: 1 + items, multiplier: items });
