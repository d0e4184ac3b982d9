import {
  AdminProcedureListDocument,
  type AdminProcedureListQuery,
  type OnlineLevel,
} from '../graphql/generated/graphql';
import type { ApiProblem } from '../labels';
import { ApiRequestError, graphqlRequest } from './graphql';

export const PAGE_SIZE = 20;
const MAX_SEARCH_LENGTH = 200;

export interface ProcedureRow {
  code: string;
  name: string;
  sectorName: string;
  onlineLevel: OnlineLevel;
}

export type ProcedureList =
  | { ok: true; totalCount: number; rows: ProcedureRow[] }
  | { ok: false; problem: ApiProblem; detail: string };

/** The search text of `?q=`: trimmed, inner whitespace collapsed, bounded. */
export function normalizeSearch(raw: string | null | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_SEARCH_LENGTH);
}

/** The first page of procedures matching the search (procedures.graphql). */
export async function listProcedures(options: {
  apiUrl: string;
  search: string;
  first?: number;
  fetch?: typeof fetch;
}): Promise<ProcedureList> {
  let data: AdminProcedureListQuery;
  try {
    data = await graphqlRequest({
      apiUrl: options.apiUrl,
      document: AdminProcedureListDocument,
      variables: {
        first: options.first ?? PAGE_SIZE,
        filter: options.search ? { search: options.search } : null,
      },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  } catch (error) {
    if (error instanceof ApiRequestError) return { ok: false, problem: error.problem, detail: error.message };
    throw error;
  }
  // The types hold for an answer from the API itself; a proxy or an older API in between may still
  // send something else, which officials should see as an invalid answer rather than a crash.
  const connection: AdminProcedureListQuery['procedures'] | null | undefined = data.procedures;
  if (!Array.isArray(connection?.edges)) {
    return { ok: false, problem: 'invalid-response', detail: 'data.procedures.edges is missing' };
  }
  return {
    ok: true,
    totalCount: connection.totalCount,
    rows: connection.edges.map(({ node }) => ({
      code: node.code,
      name: node.name,
      sectorName: node.sector.name,
      onlineLevel: node.onlineLevel,
    })),
  };
}
