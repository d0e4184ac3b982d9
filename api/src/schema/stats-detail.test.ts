// statsDetailOf reads, from the query, which costly parts of ServiceStats to compute.
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { statsDetailOf } from './stats-detail.ts';

/** The info of the first `stats` field of a document: what a resolver of it would be given. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const find = (fields: readonly FieldNode[]): FieldNode | undefined => {
    for (const field of fields) {
      if (field.name.value === 'stats') return field;
      const inner = (field.selectionSet?.selections ?? []).filter(
        (s): s is FieldNode => s.kind === Kind.FIELD,
      );
      const found = find(inner);
      if (found) return found;
    }
    return undefined;
  };
  const top = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  return { fieldNodes: [find(top)!], fragments } as unknown as GraphQLResolveInfo;
}

const NONE = { byChannel: false, byMonth: false, periodEnd: false, histogram: false };

describe('statsDetailOf', () => {
  it('asks for totals only when the query selects totals and rates (the widget)', () => {
    const info = infoOf(
      '{ procedure(code: "1.001193") { name stats(period: { from: "2026-01-01", to: "2026-01-31" }) { received finished onTimeRate satisfactionRate ratings } } }',
    );
    expect(statsDetailOf(info)).toEqual(NONE);
  });

  it('asks for each part its fields need, aliased or not', () => {
    expect(statsDetailOf(infoOf('{ stats { perChannel: byChannel { channel received } } }'))).toEqual({
      ...NONE,
      byChannel: true,
    });
    expect(statsDetailOf(infoOf('{ stats { lateOpen median: medianProcessingWorkingDays } }'))).toEqual({
      ...NONE,
      periodEnd: true,
      histogram: true,
    });
    // A month's percentile needs the histogram: any depth counts.
    expect(statsDetailOf(infoOf('{ stats { byMonth { month p90ProcessingWorkingDays } } }'))).toEqual({
      ...NONE,
      byMonth: true,
      histogram: true,
    });
  });

  it('looks through fragment spreads and inline fragments', () => {
    const info = infoOf(`
      query { stats { ...Figures ... on ServiceStats { lateOpen } } }
      fragment Figures on ServiceStats { received byMonth { ...Month } }
      fragment Month on MonthStats { byChannel { medianProcessingWorkingDays } }`);
    expect(statsDetailOf(info)).toEqual({ byChannel: true, byMonth: true, periodEnd: true, histogram: true });
  });

  it('computes what @skip or @include may leave out (more than needed, never less)', () => {
    const info = infoOf(
      'query ($all: Boolean!) { stats { received byChannel @include(if: $all) { received } } }',
    );
    expect(statsDetailOf(info)).toEqual({ ...NONE, byChannel: true });
  });
});
