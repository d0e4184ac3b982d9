/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Channel through which a dossier is filed and its result returned (cách thức thực hiện; national KenhThucHien 1 in person, 2 online, 3 postal). Time limits and fees are per channel. */
export type Channel =
  /** In person at the one-stop desk (trực tiếp; KenhThucHien 1). */
  | 'IN_PERSON'
  /** Online, through a public-service portal (trực tuyến; KenhThucHien 2). */
  | 'ONLINE'
  /** By the public postal service (qua dịch vụ bưu chính công ích; KenhThucHien 3). */
  | 'POSTAL';

/** A reporting period; both days included (Asia/Ho_Chi_Minh), at most 10 years long (else INVALID_PERIOD). */
export type PeriodInput = {
  /** First day of the period, included. */
  from: string;
  /** Last day of the period, included; not before `from`. */
  to: string;
};

/** An agency (its whole subtree, with the units merged into it) and/or a procedure. */
export type StatsScope = {
  /** The day the agency code is resolved on: codes are reused across the 1/7/2025 mergers (docs/domain.md §0). Default: the unit holding the code on the period’s last day (for lateDossiers: on `asOf`). NOT_FOUND when no unit held the code that day. */
  activeOn?: string | null | undefined;
  /** Unit code: the figures of its whole subtree, units merged into it included; omitted: every unit. */
  agencyCode?: string | null | undefined;
  /** National procedure code (mã TTHC): only the dossiers of this procedure; omitted: every procedure. */
  procedureCode?: string | null | undefined;
};

/** Unit of a time limit (national DONVITINH). HOURS are working hours (8 per working day). */
export type TimeUnit =
  /** Calendar days (ngày): whole days from the day after reception (Civil Code 2015 Art. 147–148); a period ending on a day off ends on the next working day. */
  | 'DAYS'
  /** Working hours (giờ làm việc): 60 working minutes each, counted on the working calendar. */
  | 'HOURS'
  /** Calendar months (tháng): whole months from the reception day, clamped to the month’s last day; a period ending on a day off ends on the next working day. */
  | 'MONTHS'
  /** Working days (ngày làm việc): 8 working hours (480 working minutes) each, counted on the working calendar. */
  | 'WORKING_DAYS';

export type ProcedureFiguresQueryVariables = Exact<{
  code: string;
  period: PeriodInput;
}>;


export type ProcedureFiguresQuery = { procedure: { code: string, name: string, timeLimits: Array<{ channel: Channel, value: number, unit: TimeUnit }>, stats: { received: number, finished: number, onTimeRate: number | null, satisfactionRate: number | null } } | null };

export type CatalogueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type CatalogueQuery = { procedures: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { code: string, name: string } }> } };

export type KeyedOverviewQueryVariables = Exact<{
  first: number;
}>;


export type KeyedOverviewQuery = { viewer: { kind: string, name: string | null, scopes: Array<string> }, lateDossiers: { totalCount: number, edges: Array<{ node: { code: string, workingDaysOverdue: number, procedure: { code: string }, agency: { code: string, name: string } } }> } };

export type LiveFiguresSubscriptionVariables = Exact<{
  scope: StatsScope;
  period: PeriodInput;
}>;


export type LiveFiguresSubscription = { statsChanged: { received: number, finished: number, onTimeRate: number | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ProcedureFiguresDocument = new TypedDocumentString(`
    query ProcedureFigures($code: String!, $period: PeriodInput!) {
  procedure(code: $code) {
    code
    name
    timeLimits {
      channel
      value
      unit
    }
    stats(period: $period) {
      received
      finished
      onTimeRate
      satisfactionRate
    }
  }
}
    `) as unknown as TypedDocumentString<ProcedureFiguresQuery, ProcedureFiguresQueryVariables>;
export const CatalogueDocument = new TypedDocumentString(`
    query Catalogue($first: Int!, $after: String, $search: String) {
  procedures(first: $first, after: $after, filter: {search: $search}) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      node {
        code
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogueQuery, CatalogueQueryVariables>;
export const KeyedOverviewDocument = new TypedDocumentString(`
    query KeyedOverview($first: Int!) {
  viewer {
    kind
    name
    scopes
  }
  lateDossiers(scope: {}, first: $first) {
    totalCount
    edges {
      node {
        code
        workingDaysOverdue
        procedure {
          code
        }
        agency {
          code
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<KeyedOverviewQuery, KeyedOverviewQueryVariables>;
export const LiveFiguresDocument = new TypedDocumentString(`
    subscription LiveFigures($scope: StatsScope!, $period: PeriodInput!) {
  statsChanged(scope: $scope, period: $period) {
    received
    finished
    onTimeRate
  }
}
    `) as unknown as TypedDocumentString<LiveFiguresSubscription, LiveFiguresSubscriptionVariables>;