import { describe, expect, it } from 'vitest';
import { connectionArgs, pageRequestFrom, pagerFor, visibleEdges } from './pager';

const params = (query: string) => new URLSearchParams(query);
const edges = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ cursor: `c${from + i}` }));

describe('pageRequestFrom and connectionArgs', () => {
  it('asks for the first page of the default size without parameters', () => {
    const request = pageRequestFrom(params(''));
    expect(request).toEqual({ size: 20, page: 1, after: null, before: null, end: false });
    expect(connectionArgs(request)).toEqual({ first: 20 });
  });

  it('goes forward after a cursor and back before one', () => {
    expect(connectionArgs(pageRequestFrom(params('page=3&after=c40&size=50')))).toEqual({
      first: 50,
      after: 'c40',
    });
    expect(connectionArgs(pageRequestFrom(params('page=2&before=c41')))).toEqual({ last: 20, before: 'c41' });
  });

  it('asks for the last items on the last page', () => {
    const request = pageRequestFrom(params('page=last&after=c40'));
    expect(request.end).toBe(true);
    expect(connectionArgs(request)).toEqual({ last: 20 });
  });

  it('ignores a page size that is not offered, a bad page number and a cursor with spaces', () => {
    expect(pageRequestFrom(params('size=5000&page=-2&after=a%20b'))).toEqual({
      size: 20,
      page: 1,
      after: null,
      before: null,
      end: false,
    });
  });

  it('shows page 1 for page=7 without a cursor (the number alone fetches nothing else)', () => {
    expect(pageRequestFrom(params('page=7')).page).toBe(1);
  });
});

describe('visibleEdges', () => {
  it('keeps the remainder on the last page so pages stay aligned', () => {
    // 1,119 procedures by 20: 55 full pages and 19 on page 56; `last: 20` returns items 1,100–1,119,
    // of which page 56 shows the last 19 (1,101–1,119).
    const request = pageRequestFrom(params('page=last'));
    const shown = visibleEdges(request, edges(1100, 20), 1119);
    expect(shown).toHaveLength(19);
    expect(shown[0]?.cursor).toBe('c1101');
  });

  it('keeps a full last page whole', () => {
    expect(visibleEdges(pageRequestFrom(params('page=last')), edges(1, 20), 40)).toHaveLength(20);
  });
});

describe('pagerFor', () => {
  const url = new URL('http://ui.test/procedures?q=khai+sinh&size=20&page=3&after=c40');

  it('says "page 3 of 56" and links around, keeping the filters', () => {
    const request = pageRequestFrom(url.searchParams);
    const pager = pagerFor(url, request, {
      edges: edges(41, 20),
      totalCount: 1119,
      pageInfo: { hasNextPage: true, hasPreviousPage: true },
    });
    expect(pager).toMatchObject({ page: 3, pages: 56, from: 41, to: 60 });
    expect(pager.first).toBe('/procedures?q=khai+sinh&size=20');
    expect(pager.previous).toBe('/procedures?q=khai+sinh&size=20&page=2&before=c41');
    expect(pager.next).toBe('/procedures?q=khai+sinh&size=20&page=4&after=c60');
    expect(pager.last).toBe('/procedures?q=khai+sinh&size=20&page=last');
  });

  it('goes back from page 2 to the plain first page', () => {
    const second = new URL('http://ui.test/procedures?page=2&after=c20');
    const pager = pagerFor(second, pageRequestFrom(second.searchParams), {
      edges: edges(21, 20),
      totalCount: 45,
      pageInfo: { hasNextPage: true, hasPreviousPage: true },
    });
    expect(pager.previous).toBe('/procedures');
  });

  it('numbers the last page from the total and offers no way further', () => {
    const last = new URL('http://ui.test/procedures?page=last');
    const pager = pagerFor(last, pageRequestFrom(last.searchParams), {
      edges: edges(1101, 19),
      totalCount: 1119,
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
    expect(pager).toMatchObject({ page: 56, pages: 56, from: 1101, to: 1119, next: null, last: null });
    expect(pager.previous).toBe('/procedures?page=55&before=c1101');
  });

  it('has one empty page when nothing matches', () => {
    const empty = new URL('http://ui.test/procedures?q=zzz');
    const pager = pagerFor(empty, pageRequestFrom(empty.searchParams), {
      edges: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
    });
    expect(pager).toMatchObject({
      page: 1,
      pages: 1,
      from: 0,
      to: 0,
      first: null,
      previous: null,
      next: null,
    });
  });
});
