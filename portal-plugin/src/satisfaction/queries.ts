// The widget's two GraphQL documents, written out here rather than generated: the display query is
// assembled from parts (with or without the procedure, with or without satisfactionByTimeliness for
// APIs that predate it), and the loader must not carry a document runtime. queries.test.ts validates
// every variant against api/schema.graphql, so a renamed field fails the tests, not the portal.

export const STATS_FIELDS = 'ratings satisfactionRate finished onTimeRate medianProcessingWorkingDays';
export const TIMELINESS_FIELDS = ' satisfactionByTimeliness{timeliness ratings satisfactionRate}';

export type Scope = { procedureCode: string } | { agencyCode: string };

/** One small query for the badge: the figures, and what they are about (name, legal time limit). */
export function figuresQuery(scope: Scope, withTimeliness: boolean): string {
  const about =
    'procedureCode' in scope
      ? 'procedure(code:$c){name timeLimits{channel value unit}}'
      : 'agency(code:$c){name}';
  return `query DvcFigures($s:StatsScope!,$p:PeriodInput!,$c:String!){stats(scope:$s,period:$p){${STATS_FIELDS}${withTimeliness ? TIMELINESS_FIELDS : ''}}${about}}`;
}

export function figuresSubscription(withTimeliness: boolean): string {
  return `subscription DvcFiguresChanged($s:StatsScope!,$p:PeriodInput!){statsChanged(scope:$s,period:$p){${STATS_FIELDS}${withTimeliness ? TIMELINESS_FIELDS : ''}}}`;
}
