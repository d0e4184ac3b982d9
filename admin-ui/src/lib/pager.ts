// Paging a cursor connection (first/after, last/before, totalCount) through URLs that work without
// JavaScript: ?page=3&after=<cursor>. The page number is for display ("Trang 3/56"); the cursor
// decides what is fetched. The last page asks for `last: size` and shows only the remainder, so
// pages stay aligned on multiples of the size. Pure: pager.test.ts.

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** What the URL asks for. */
export interface PageRequest {
  size: number;
  /** 1-based, as shown; `null` on the last page until totalCount is known. */
  page: number | null;
  after: string | null;
  before: string | null;
  /** The last page (?page=last). */
  end: boolean;
}

/** The connection arguments of a page request. */
export interface ConnectionArgs {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

const CURSOR = /^[\x21-\x7e]{1,200}$/;

export function pageRequestFrom(params: URLSearchParams): PageRequest {
  const sizeParam = Number(params.get('size'));
  const size = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : DEFAULT_PAGE_SIZE;
  const pageParam = params.get('page');
  const end = pageParam === 'last';
  const pageNumber = Number(pageParam);
  const page = end ? null : Number.isInteger(pageNumber) && pageNumber >= 1 ? pageNumber : 1;
  const cursor = (name: string) => {
    const value = params.get(name);
    return value && CURSOR.test(value) ? value : null;
  };
  const after = end ? null : cursor('after');
  const before = end || after ? null : cursor('before');
  // Page 1 needs no cursor; a cursor without a page number is taken as given, from page 1's count.
  return { size, page: after || before || end ? page : 1, after, before, end };
}

export function connectionArgs(request: PageRequest): ConnectionArgs {
  if (request.end) return { last: request.size };
  if (request.before) return { last: request.size, before: request.before };
  if (request.after) return { first: request.size, after: request.after };
  return { first: request.size };
}

export interface PageInfoLike {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface EdgeLike {
  cursor: string;
}

/** The edges to show: on the last page only those after the last full page. */
export function visibleEdges<E extends EdgeLike>(
  request: PageRequest,
  edges: readonly E[],
  totalCount: number,
): E[] {
  if (!request.end) return [...edges];
  const remainder = totalCount % request.size;
  return remainder === 0 ? [...edges] : edges.slice(edges.length - remainder);
}

export interface Pager {
  page: number;
  pages: number;
  totalCount: number;
  size: number;
  /** Number of the first and last item shown, 1-based (0, 0 when nothing). */
  from: number;
  to: number;
  first: string | null;
  previous: string | null;
  next: string | null;
  last: string | null;
}

/**
 * The pager of a page of results: where "Trang đầu / Trang trước / Trang sau / Trang cuối" lead
 * (null when there is nowhere to go), keeping the URL's other parameters (filters, size).
 */
export function pagerFor(
  url: URL,
  request: PageRequest,
  shown: { edges: readonly EdgeLike[]; totalCount: number; pageInfo: PageInfoLike },
): Pager {
  const { size } = request;
  const totalCount = shown.totalCount;
  const pages = Math.max(1, Math.ceil(totalCount / size));
  const page = Math.min(request.end ? pages : (request.page ?? 1), pages);
  const href = (set: Record<string, string>) => {
    const params = new URLSearchParams(url.searchParams);
    for (const name of ['page', 'after', 'before']) params.delete(name);
    for (const [name, value] of Object.entries(set)) params.set(name, value);
    const query = params.toString();
    return query ? `${url.pathname}?${query}` : url.pathname;
  };
  const firstEdge = shown.edges[0];
  const lastEdge = shown.edges[shown.edges.length - 1];
  // Going back from page 2 is page 1 itself: no cursor, so its URL is the list's plain URL.
  const hasPrevious = page > 1 && firstEdge !== undefined;
  const hasNext = page < pages && lastEdge !== undefined;
  const from = shown.edges.length === 0 ? 0 : (page - 1) * size + 1;
  return {
    page,
    pages,
    totalCount,
    size,
    from,
    to: shown.edges.length === 0 ? 0 : from + shown.edges.length - 1,
    first: hasPrevious ? href({}) : null,
    previous: hasPrevious
      ? page === 2
        ? href({})
        : href({ page: String(page - 1), before: firstEdge.cursor })
      : null,
    next: hasNext ? href({ page: String(page + 1), after: lastEdge.cursor }) : null,
    last: hasNext ? href({ page: 'last' }) : null,
  };
}
