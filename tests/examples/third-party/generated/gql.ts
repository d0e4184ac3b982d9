/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ProcedureFigures($code: String!, $period: PeriodInput!) {\n  procedure(code: $code) {\n    code\n    name\n    timeLimits {\n      channel\n      value\n      unit\n    }\n    stats(period: $period) {\n      received\n      finished\n      onTimeRate\n      satisfactionRate\n    }\n  }\n}\n\nquery Catalogue($first: Int!, $after: String, $search: String) {\n  procedures(first: $first, after: $after, filter: {search: $search}) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        code\n        name\n      }\n    }\n  }\n}\n\nquery KeyedOverview($first: Int!) {\n  viewer {\n    kind\n    name\n    scopes\n  }\n  lateDossiers(scope: {}, first: $first) {\n    totalCount\n    edges {\n      node {\n        code\n        workingDaysOverdue\n        procedure {\n          code\n        }\n        agency {\n          code\n          name\n        }\n      }\n    }\n  }\n}\n\nsubscription LiveFigures($scope: StatsScope!, $period: PeriodInput!) {\n  statsChanged(scope: $scope, period: $period) {\n    received\n    finished\n    onTimeRate\n  }\n}": typeof types.ProcedureFiguresDocument,
};
const documents: Documents = {
    "query ProcedureFigures($code: String!, $period: PeriodInput!) {\n  procedure(code: $code) {\n    code\n    name\n    timeLimits {\n      channel\n      value\n      unit\n    }\n    stats(period: $period) {\n      received\n      finished\n      onTimeRate\n      satisfactionRate\n    }\n  }\n}\n\nquery Catalogue($first: Int!, $after: String, $search: String) {\n  procedures(first: $first, after: $after, filter: {search: $search}) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        code\n        name\n      }\n    }\n  }\n}\n\nquery KeyedOverview($first: Int!) {\n  viewer {\n    kind\n    name\n    scopes\n  }\n  lateDossiers(scope: {}, first: $first) {\n    totalCount\n    edges {\n      node {\n        code\n        workingDaysOverdue\n        procedure {\n          code\n        }\n        agency {\n          code\n          name\n        }\n      }\n    }\n  }\n}\n\nsubscription LiveFigures($scope: StatsScope!, $period: PeriodInput!) {\n  statsChanged(scope: $scope, period: $period) {\n    received\n    finished\n    onTimeRate\n  }\n}": types.ProcedureFiguresDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProcedureFigures($code: String!, $period: PeriodInput!) {\n  procedure(code: $code) {\n    code\n    name\n    timeLimits {\n      channel\n      value\n      unit\n    }\n    stats(period: $period) {\n      received\n      finished\n      onTimeRate\n      satisfactionRate\n    }\n  }\n}\n\nquery Catalogue($first: Int!, $after: String, $search: String) {\n  procedures(first: $first, after: $after, filter: {search: $search}) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        code\n        name\n      }\n    }\n  }\n}\n\nquery KeyedOverview($first: Int!) {\n  viewer {\n    kind\n    name\n    scopes\n  }\n  lateDossiers(scope: {}, first: $first) {\n    totalCount\n    edges {\n      node {\n        code\n        workingDaysOverdue\n        procedure {\n          code\n        }\n        agency {\n          code\n          name\n        }\n      }\n    }\n  }\n}\n\nsubscription LiveFigures($scope: StatsScope!, $period: PeriodInput!) {\n  statsChanged(scope: $scope, period: $period) {\n    received\n    finished\n    onTimeRate\n  }\n}"): typeof import('./graphql.ts').ProcedureFiguresDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
