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

/** Quick rating of a finished dossier: rất hài lòng, hài lòng, không hài lòng. */
export type RatingLevel =
  /** Dissatisfied (không hài lòng); counts against Decision 766 indicator 5.4. */
  | 'DISSATISFIED'
  /** Satisfied (hài lòng). */
  | 'SATISFIED'
  /** Very satisfied (rất hài lòng). */
  | 'VERY_SATISFIED';

/** An agency (its whole subtree, with the units merged into it) and/or a procedure. */
export type StatsScope = {
  /** The day the agency code is resolved on: codes are reused across the 1/7/2025 mergers (docs/domain.md §0). Default: the unit holding the code on the period’s last day (for lateDossiers: on `asOf`). NOT_FOUND when no unit held the code that day. */
  activeOn?: string | null | undefined;
  /** Unit code: the figures of its whole subtree, units merged into it included; omitted: every unit. */
  agencyCode?: string | null | undefined;
  /** National procedure code (mã TTHC): only the dossiers of this procedure; omitted: every procedure. */
  procedureCode?: string | null | undefined;
};

/** A citizen’s quick rating of a finished dossier (đánh giá mức độ hài lòng), proven by its rating token. */
export type SubmitRatingInput = {
  /** Up to 1000 characters. Stored as plain text with phone, identity numbers and e-mail addresses masked. */
  comment?: string | null | undefined;
  /** Dossier code (mã hồ sơ) the token was issued for. */
  dossierCode: string;
  /** Up to 100 characters, chosen by the client: the same key again is answered ok without storing anything. */
  idempotencyKey?: string | null | undefined;
  /** The rating. */
  level: RatingLevel;
  /** The rating token of the dossier’s rating link. */
  token: string;
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

/** How a finished dossier ended against its due date (docs/domain.md §3.8). */
export type TimelinessClass =
  /** Before the due day. */
  | 'EARLY'
  /** After the due date. */
  | 'LATE'
  /** On the due day, or withdrawn / stopped (counted on time). */
  | 'ON_TIME';

export type DvcProcedureFiguresQueryVariables = Exact<{
  s: StatsScope;
  p: PeriodInput;
  c: string;
}>;


export type DvcProcedureFiguresQuery = { stats: { ratings: number, satisfactionRate: number | null, finished: number, onTimeRate: number | null, medianProcessingWorkingDays: number | null, satisfactionByTimeliness: Array<{ timeliness: TimelinessClass, ratings: number, satisfactionRate: number | null }> }, procedure: { name: string, timeLimits: Array<{ channel: Channel, value: number, unit: TimeUnit }> } | null };

export type DvcAgencyFiguresQueryVariables = Exact<{
  s: StatsScope;
  p: PeriodInput;
  c: string;
}>;


export type DvcAgencyFiguresQuery = { stats: { ratings: number, satisfactionRate: number | null, finished: number, onTimeRate: number | null, medianProcessingWorkingDays: number | null, satisfactionByTimeliness: Array<{ timeliness: TimelinessClass, ratings: number, satisfactionRate: number | null }> }, agency: { name: string } | null };

export type SubmitRatingMutationVariables = Exact<{
  input: SubmitRatingInput;
}>;


export type SubmitRatingMutation = { submitRating: { ok: boolean, replaced: boolean, error: { index: number, code: string, message: string } | null } };

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

export const DvcProcedureFiguresDocument = new TypedDocumentString(`
    query DvcProcedureFigures($s: StatsScope!, $p: PeriodInput!, $c: String!) {
  stats(scope: $s, period: $p) {
    ratings
    satisfactionRate
    finished
    onTimeRate
    medianProcessingWorkingDays
    satisfactionByTimeliness {
      timeliness
      ratings
      satisfactionRate
    }
  }
  procedure(code: $c) {
    name
    timeLimits {
      channel
      value
      unit
    }
  }
}
    `, {"hash":"sha256:95431488dd10274bf7ff60e90b4f936b3d1a2bb7c88e2d32a997a1915f5b8b47"}) as unknown as TypedDocumentString<DvcProcedureFiguresQuery, DvcProcedureFiguresQueryVariables>;
export const DvcAgencyFiguresDocument = new TypedDocumentString(`
    query DvcAgencyFigures($s: StatsScope!, $p: PeriodInput!, $c: String!) {
  stats(scope: $s, period: $p) {
    ratings
    satisfactionRate
    finished
    onTimeRate
    medianProcessingWorkingDays
    satisfactionByTimeliness {
      timeliness
      ratings
      satisfactionRate
    }
  }
  agency(code: $c) {
    name
  }
}
    `, {"hash":"sha256:6c006f7aed5e8f76ccc84076dde283aa77295a257dea9e46f7c7c189e87df6f8"}) as unknown as TypedDocumentString<DvcAgencyFiguresQuery, DvcAgencyFiguresQueryVariables>;
export const SubmitRatingDocument = new TypedDocumentString(`
    mutation SubmitRating($input: SubmitRatingInput!) {
  submitRating(input: $input) {
    ok
    replaced
    error {
      index
      code
      message
    }
  }
}
    `, {"hash":"sha256:966b39cc578bf0aa2bf9d17cd8f1e5bfc2d032b2583db50a9e6125684dec1e86"}) as unknown as TypedDocumentString<SubmitRatingMutation, SubmitRatingMutationVariables>;