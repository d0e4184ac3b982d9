/* eslint-disable */
import * as types from './graphql';



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
    "query DvcProcedureFigures($s: StatsScope!, $p: PeriodInput!, $c: String!) {\n  stats(scope: $s, period: $p) {\n    ratings\n    satisfactionRate\n    finished\n    onTimeRate\n    medianProcessingWorkingDays\n    satisfactionByTimeliness {\n      timeliness\n      ratings\n      satisfactionRate\n    }\n  }\n  procedure(code: $c) {\n    name\n    timeLimits {\n      channel\n      value\n      unit\n    }\n  }\n}\n\nquery DvcAgencyFigures($s: StatsScope!, $p: PeriodInput!, $c: String!) {\n  stats(scope: $s, period: $p) {\n    ratings\n    satisfactionRate\n    finished\n    onTimeRate\n    medianProcessingWorkingDays\n    satisfactionByTimeliness {\n      timeliness\n      ratings\n      satisfactionRate\n    }\n  }\n  agency(code: $c) {\n    name\n  }\n}\n\nmutation SubmitRating($input: SubmitRatingInput!) {\n  submitRating(input: $input) {\n    ok\n    replaced\n    error {\n      index\n      code\n      message\n    }\n  }\n}": typeof types.DvcProcedureFiguresDocument,
};
const documents: Documents = {
    "query DvcProcedureFigures($s: StatsScope!, $p: PeriodInput!, $c: String!) {\n  stats(scope: $s, period: $p) {\n    ratings\n    satisfactionRate\n    finished\n    onTimeRate\n    medianProcessingWorkingDays\n    satisfactionByTimeliness {\n      timeliness\n      ratings\n      satisfactionRate\n    }\n  }\n  procedure(code: $c) {\n    name\n    timeLimits {\n      channel\n      value\n      unit\n    }\n  }\n}\n\nquery DvcAgencyFigures($s: StatsScope!, $p: PeriodInput!, $c: String!) {\n  stats(scope: $s, period: $p) {\n    ratings\n    satisfactionRate\n    finished\n    onTimeRate\n    medianProcessingWorkingDays\n    satisfactionByTimeliness {\n      timeliness\n      ratings\n      satisfactionRate\n    }\n  }\n  agency(code: $c) {\n    name\n  }\n}\n\nmutation SubmitRating($input: SubmitRatingInput!) {\n  submitRating(input: $input) {\n    ok\n    replaced\n    error {\n      index\n      code\n      message\n    }\n  }\n}": types.DvcProcedureFiguresDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DvcProcedureFigures($s: StatsScope!, $p: PeriodInput!, $c: String!) {\n  stats(scope: $s, period: $p) {\n    ratings\n    satisfactionRate\n    finished\n    onTimeRate\n    medianProcessingWorkingDays\n    satisfactionByTimeliness {\n      timeliness\n      ratings\n      satisfactionRate\n    }\n  }\n  procedure(code: $c) {\n    name\n    timeLimits {\n      channel\n      value\n      unit\n    }\n  }\n}\n\nquery DvcAgencyFigures($s: StatsScope!, $p: PeriodInput!, $c: String!) {\n  stats(scope: $s, period: $p) {\n    ratings\n    satisfactionRate\n    finished\n    onTimeRate\n    medianProcessingWorkingDays\n    satisfactionByTimeliness {\n      timeliness\n      ratings\n      satisfactionRate\n    }\n  }\n  agency(code: $c) {\n    name\n  }\n}\n\nmutation SubmitRating($input: SubmitRatingInput!) {\n  submitRating(input: $input) {\n    ok\n    replaced\n    error {\n      index\n      code\n      message\n    }\n  }\n}"): typeof import('./graphql').DvcProcedureFiguresDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
