// The labels and ids of requests: bounded, and never the raw URL or a client's free text.
import { describe, expect, it } from 'vitest';
import { MAX_OPERATION_LABELS, Metrics } from '../services/metrics.ts';
import { DEMO_PATH } from './demo-pages.ts';
import { METRICS_PATH } from './metrics-endpoint.ts';
import { NATIONAL_SYNC_PATH } from './national-sync-endpoint.ts';
import { RATING_FAST_PATH } from './rating-fast-path.ts';
import { RATING_PAGE_PATH } from './rating-page.ts';
import { acceptedRequestId, nextRequestId } from './request-id.ts';
import { routeLabel } from './route-label.ts';

describe('routeLabel', () => {
  it('keeps the fixed paths the API serves', () => {
    for (const path of [
      '/graphql',
      '/healthz',
      '/readyz',
      METRICS_PATH,
      NATIONAL_SYNC_PATH,
      RATING_FAST_PATH,
    ]) {
      expect(routeLabel('POST', path)).toBe(`POST ${path}`);
    }
    expect(routeLabel('GET', `${RATING_PAGE_PATH}?ma-ho-so=G22.873-260301-0001&token=abc`)).toBe(
      `GET ${RATING_PAGE_PATH}`,
    );
    expect(routeLabel('GET', DEMO_PATH)).toBe(`GET ${DEMO_PATH}`);
  });

  it('folds the ids and file names under a prefix, and everything unknown into "other"', () => {
    expect(routeLabel('GET', '/exports/procedures-2026-03.xlsx')).toBe('GET /exports/…');
    expect(routeLabel('GET', '/widget/v1-3f9a2c.js')).toBe('GET /widget/…');
    expect(routeLabel('GET', '/graphql/schema.graphql')).toBe('GET /graphql/…');
    expect(routeLabel('GET', '/demo/tra-cuu?ma=1')).toBe('GET /demo/…');
    expect(routeLabel('GET', '/wp-login.php')).toBe('GET other');
    expect(routeLabel('GET', '/graphqlx')).toBe('GET other');
    expect(routeLabel('PROPFIND', '/graphql')).toBe('OTHER /graphql');
    expect(routeLabel(undefined, undefined)).toBe('OTHER /');
  });
});

describe('request ids', () => {
  it('keeps a well-formed incoming id and nothing else', () => {
    expect(acceptedRequestId('lb-7f3a.2_x')).toBe('lb-7f3a.2_x');
    expect(acceptedRequestId('a'.repeat(64))).toBe('a'.repeat(64));
    for (const bad of ['', 'a'.repeat(65), 'has space', 'new\nline', 'é', 'a,b', undefined]) {
      expect(acceptedRequestId(bad), String(bad)).toBeNull();
    }
    expect(acceptedRequestId(['a', 'b'])).toBeNull();
  });

  it('makes distinct, well-formed ids in order', () => {
    const ids = Array.from({ length: 1000 }, () => nextRequestId());
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(acceptedRequestId(id)).toBe(id);
    const prefix = ids[0]!.split('-').slice(0, -1).join('-');
    const counters = ids.map((id) => {
      expect(id.startsWith(`${prefix}-`)).toBe(true);
      return Number.parseInt(id.slice(prefix.length + 1), 36);
    });
    expect(counters).toEqual([...counters].sort((x, y) => x - y));
  });
});

describe('operation labels', () => {
  it('keeps the first distinct names, then says "other"; reserved names always keep theirs', () => {
    const metrics = new Metrics();
    metrics.reserveOperations(['DvcFigures']);
    const names = Array.from({ length: MAX_OPERATION_LABELS + 5 }, (_, i) => `Op${i}`);
    const labels = names.map((name) => metrics.operationLabel(name));
    expect(labels.slice(0, MAX_OPERATION_LABELS - 1)).toEqual(names.slice(0, MAX_OPERATION_LABELS - 1));
    expect(labels.slice(MAX_OPERATION_LABELS - 1)).toEqual(Array(6).fill('other'));
    expect(metrics.operationLabel('Op3')).toBe('Op3');
    expect(metrics.operationLabel('DvcFigures')).toBe('DvcFigures');
  });

  it('turns names that are not GraphQL names of at most 64 characters into "other"', () => {
    const metrics = new Metrics();
    expect(metrics.operationLabel('a'.repeat(65))).toBe('other');
    expect(metrics.operationLabel('1abc')).toBe('other');
    expect(metrics.operationLabel('drop table')).toBe('other');
    expect(metrics.operationLabel('Ok_1')).toBe('Ok_1');
  });

  it('keeps each instance’s figures apart', async () => {
    const one = new Metrics();
    const two = new Metrics();
    one.requests.inc({ operation: 'A', outcome: 'ok' });
    expect((await one.scrape()).body).toContain('tthc_requests_total{operation="A",outcome="ok"} 1');
    expect((await two.scrape()).body).not.toContain('operation="A"');
  });
});
