import { error } from '@sveltejs/kit';
import { todayInVietnam } from '$lib/format';
import { AdminAgenciesDocument, type AgencyFilter } from '$lib/graphql/generated/graphql';
import { callApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { buildAgencyTree, treeSize } from './agency-tree';

/** A province has a few hundred units with their history: read them all, 100 a page, within reason. */
const MAX_PAGES = 30;

export const load: PageServerLoad = async (event) => {
  const { url } = event;
  const today = todayInVietnam();
  const search = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const show = url.searchParams.get('show') === 'current' ? 'current' : 'all';
  const filter: AgencyFilter = search ? { search } : {};

  type Node = Awaited<ReturnType<typeof page>>['agencies']['edges'][number]['node'];
  const page = (after: string | null) => callApi(event, AdminAgenciesDocument, { first: 100, after, filter });
  const agencies: Node[] = [];
  let after: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const { agencies: connection } = await page(after);
    agencies.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
    if (i === MAX_PAGES - 1) error(502, { message: 'Danh sách cơ quan, đơn vị quá dài để hiển thị.' });
  }

  if (search) {
    // Matches as a flat list: a tree of scattered matches would hide why each one is there.
    const matches = agencies.filter((a) => show === 'all' || !(a.validTo !== null && a.validTo < today));
    return { today, search, show, tree: null, matches, count: matches.length };
  }
  const tree = buildAgencyTree(agencies, { today, includeEnded: show === 'all' });
  return { today, search, show, tree, matches: null, count: treeSize(tree) };
};
