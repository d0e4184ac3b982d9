/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Online public service level (Decree 42/2022/NĐ-CP). */
export type OnlineLevel =
  | 'FULL'
  | 'INFO_ONLY'
  | 'PARTIAL';

export type ProcedureFilter = {
  /** Procedures implemented in this agency’s subtree. */
  agencyCode?: string | null | undefined;
  onlineLevel?: OnlineLevel | null | undefined;
  /** Accent- and case-insensitive words of the name, or the start of the code; up to 500 characters and 50 distinct words (else BAD_USER_INPUT). */
  search?: string | null | undefined;
  sectorCode?: string | null | undefined;
};

export type AdminProcedureListQueryVariables = Exact<{
  first: number;
  filter?: ProcedureFilter | null | undefined;
}>;


export type AdminProcedureListQuery = { procedures: { totalCount: number, edges: Array<{ node: { code: string, name: string, onlineLevel: OnlineLevel, sector: { name: string } } }> } };

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

export const AdminProcedureListDocument = new TypedDocumentString(`
    query AdminProcedureList($first: Int!, $filter: ProcedureFilter) {
  procedures(first: $first, filter: $filter) {
    totalCount
    edges {
      node {
        code
        name
        sector {
          name
        }
        onlineLevel
      }
    }
  }
}
    `, {"hash":"sha256:6a98d122f1cdf76260357d96c5415cf969f39da8b7d16fbc96ab9e60051afc72"}) as unknown as TypedDocumentString<AdminProcedureListQuery, AdminProcedureListQueryVariables>;