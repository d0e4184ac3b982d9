import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDemoServer } from './serve-demo.mjs';

describe('startDemoServer', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  const apiUrl = 'http://api.example.test:4100/graphql?x="1"&y=2';

  beforeAll(async () => {
    server = await startDemoServer({ port: 0, apiUrl, distDir: inject('widgetDistDir') });
  });
  afterAll(() => server.close());

  it('listens on the port it reports', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the demo page with the API URL injected, attribute-escaped', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('Thủ tục đăng ký khai sinh');
    expect(html).toContain(
      '<tthc-procedure-widget procedure-code="1.001193" api-url="http://api.example.test:4100/graphql?x=&quot;1&quot;&amp;y=2">',
    );
    expect(html).not.toContain('{{API_URL}}');
    expect(html).toContain('<script type="module" src="/dist/tthc-widget.js"></script>');
  });

  it('serves the built widget as JavaScript', async () => {
    const response = await fetch(new URL('/dist/tthc-widget.js', server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toContain('tthc-procedure-widget');
  });

  it('answers 404 for missing files and for paths that try to leave its folders', async () => {
    for (const target of [
      '/nope.html',
      '/dist/missing.js',
      '/dist/%2e%2e/package.json',
      '/%2e%2e/package.json',
    ]) {
      const response = await fetch(new URL(target, server.url));
      expect(response.status, target).toBe(404);
      await response.body?.cancel();
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await fetch(server.url, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    await response.body?.cancel();
  });
});
