// The operations GraphiQL opens with must run as they are: each valid against the schema, its
// variables accepted by their types (the browser test runs two of them against a real API).
import type { IncomingMessage } from 'node:http';
import { getOperationAST, getVariableValues, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.ts';
import { exampleTabs, graphiqlCsp, wantsGraphiQL } from './graphiql.ts';

const request = (headers: Record<string, string>, method = 'GET') =>
  ({ method, headers }) as unknown as IncomingMessage;

describe('GraphiQL example tabs', () => {
  const tabs = exampleTabs('2026-03-15');

  it.each(tabs.map((tab) => [tab.query.match(/^(query|subscription) (\w+)/m)?.[2] ?? '?', tab]))(
    '%s is valid and its variables fit',
    (_name, tab) => {
      const document = parse(tab.query);
      expect(validate(schema, document)).toEqual([]);
      const operation = getOperationAST(document)!;
      const coerced = getVariableValues(
        schema,
        operation.variableDefinitions ?? [],
        tab.variables ? JSON.parse(tab.variables) : {},
      );
      expect(coerced.errors).toBeUndefined();
    },
  );

  it('covers the widget read, the catalogue with paging, the live figures and the viewer with a key', () => {
    expect(tabs.map((tab) => getOperationAST(parse(tab.query))!.operation)).toEqual([
      'query',
      'query',
      'subscription',
      'query',
    ]);
    expect(tabs[0]!.query).toContain('/graphql/schema.graphql');
    expect(tabs[1]!.query).toMatch(/endCursor/);
    expect(JSON.parse(tabs[3]!.headers!)).toEqual({ authorization: expect.stringMatching(/^Bearer /) });
  });

  it("asks for the widget's period: the last 12 months up to the day, both included", () => {
    expect(JSON.parse(tabs[0]!.variables!).p).toEqual({ from: '2025-03-16', to: '2026-03-15' });
  });
});

describe('the GraphiQL page', () => {
  it('is what a browser navigating to /graphql gets, not a client asking for JSON', () => {
    expect(wantsGraphiQL(request({ accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }))).toBe(true);
    expect(wantsGraphiQL(request({ accept: 'application/graphql-response+json' }))).toBe(false);
    expect(wantsGraphiQL(request({ accept: 'text/html' }, 'POST'))).toBe(false);
  });

  it('allows no script, worker or connection from another origin, and no inline script', () => {
    const csp = graphiqlCsp(request({ host: 'api.example.vn"; script-src *' }));
    const directives = Object.fromEntries(
      csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['worker-src']).toBe("'self'");
    // The Host header cannot add a directive or a source.
    expect(directives['connect-src']).toBe(
      "'self' ws://api.example.vnscript-src wss://api.example.vnscript-src",
    );
  });
});
