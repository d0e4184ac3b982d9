// Which parts of ServiceStats a query selects, so that `stats` computes only those
// (services/stats.ts StatsDetail): the widget asks for a handful of totals, and the rows by month
// and by channel, or the period-end query, would cost it more than the totals themselves.
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import type { StatsDetail } from '../services/stats.ts';

/**
 * The parts selected under the field being resolved, at any depth (a month's median needs the
 * histogram too), through fragments. @skip and @include are not evaluated: a part they may leave
 * out is computed anyway (more than needed, never less).
 */
export function statsDetailOf(info: GraphQLResolveInfo): StatsDetail {
  const fields = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        fields.add(selection.name.value);
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return {
    byChannel: fields.has('byChannel'),
    byMonth: fields.has('byMonth'),
    periodEnd: fields.has('lateOpen'),
    histogram: fields.has('medianProcessingWorkingDays') || fields.has('p90ProcessingWorkingDays'),
  };
}
