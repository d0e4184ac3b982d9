// Loads the units in existence today for the agency pickers (agency-options.ts decides which of them
// an administrator is offered).
import type { RequestEvent } from '@sveltejs/kit';
import { todayInVietnam } from '$lib/format';
import { AdminGrantableAgenciesDocument } from '$lib/graphql/generated/graphql';
import { callApi } from '$lib/server/api';
import type { AgencyNode } from './agency-options';

/** 100 per page (the API's maximum); ten pages is far beyond a province's units. */
const MAX_PAGES = 10;

export async function loadAgencies(
  event: Pick<RequestEvent, 'locals' | 'cookies' | 'url'>,
): Promise<AgencyNode[]> {
  const activeOn = todayInVietnam();
  const nodes: AgencyNode[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { agencies }: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(event, activeOn, after);
    for (const { node } of agencies.edges) {
      nodes.push({
        code: node.code,
        name: node.name,
        level: node.level,
        parentCode: node.parent?.code ?? null,
      });
    }
    if (!agencies.pageInfo.hasNextPage || !agencies.pageInfo.endCursor) break;
    after = agencies.pageInfo.endCursor;
  }
  return nodes;
}

const fetchPage = (
  event: Pick<RequestEvent, 'locals' | 'cookies' | 'url'>,
  activeOn: string,
  after: string | null,
) => callApi(event, AdminGrantableAgenciesDocument, { activeOn, after });
