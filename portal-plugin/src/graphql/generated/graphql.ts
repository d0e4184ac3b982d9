/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Cách thức thực hiện (national KenhThucHien 1 in person, 2 online, 3 postal). */
export type Channel =
  | 'IN_PERSON'
  | 'ONLINE'
  | 'POSTAL';

/** Unit of a time limit. HOURS are working hours (8 per working day). */
export type TimeUnit =
  | 'DAYS'
  | 'HOURS'
  | 'MONTHS'
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