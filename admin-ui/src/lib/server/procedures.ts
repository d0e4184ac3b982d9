import type { ApiProblem } from '../labels';
import { ApiRequestError, graphqlRequest } from './graphql';

// Field names follow the public contract (api-contract.md, v1).
export const PROCEDURE_LIST_QUERY = `query AdminProcedureList($first: Int!, $filter: ProcedureFilter) {
  procedures(first: $first, filter: $filter) {
    totalCount
    edges { node { code name sector { name } onlineLevel } }
  }
}`;

export const PAGE_SIZE = 20;
const MAX_SEARCH_LENGTH = 200;

export interface ProcedureRow {
  code: string;
  name: string;
  sectorName: string | null;
  onlineLevel: string | null;
}

export type ProcedureList =
  | { ok: true; totalCount: number; rows: ProcedureRow[] }
  | { ok: false; problem: ApiProblem; detail: string };

interface ProcedureListData {
  procedures: {
    totalCount: number;
    edges: {
      node: { code: string; name: string; sector: { name: string } | null; onlineLevel: string | null };
    }[];
  };
}

/** The search text of `?q=`: trimmed, inner whitespace collapsed, bounded. */
export function normalizeSearch(raw: string | null | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_SEARCH_LENGTH);
}

export async function listProcedures(options: {
  apiUrl: string;
  search: string;
  first?: number;
  fetch?: typeof fetch;
}): Promise<ProcedureList> {
  let data: ProcedureListData;
  try {
    data = await graphqlRequest<ProcedureListData>({
      apiUrl: options.apiUrl,
      query: PROCEDURE_LIST_QUERY,
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
  const connection = data.procedures;
  if (!Array.isArray(connection?.edges)) {
    return { ok: false, problem: 'invalid-response', detail: 'data.procedures.edges is missing' };
  }
  return {
    ok: true,
    totalCount: connection.totalCount,
    rows: connection.edges.map(({ node }) => ({
      code: node.code,
      name: node.name,
      sectorName: node.sector?.name ?? null,
      onlineLevel: node.onlineLevel,
    })),
  };
}
