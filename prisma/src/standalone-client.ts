// A pg.Client of its own (migrations, server-level statements, probes), outside any pool. pg emits
// 'error' on a client whose connection drops while no query is running; without a listener that is
// an uncaught exception that ends the process. A query in flight still rejects with the error, so
// the listener only has to keep the process alive.
import pg from 'pg';

export function standaloneClient(config: pg.ClientConfig): pg.Client {
  const client = new pg.Client(config);
  client.on('error', () => {});
  return client;
}
