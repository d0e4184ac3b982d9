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

export type WidgetProcedureQueryVariables = Exact<{
  code: string;
}>;


export type WidgetProcedureQuery = { procedure: { code: string, name: string, sector: { name: string }, timeLimits: Array<{ channel: Channel, value: number, unit: TimeUnit }> } | null };

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

export const WidgetProcedureDocument = new TypedDocumentString(`
    query WidgetProcedure($code: String!) {
  procedure(code: $code) {
    code
    name
    sector {
      name
    }
    timeLimits {
      channel
      value
      unit
    }
  }
}
    `, {"hash":"sha256:8539883e8273a324111be73037ba8b7145d1252817566447263114293c7c9519"}) as unknown as TypedDocumentString<WidgetProcedureQuery, WidgetProcedureQueryVariables>;