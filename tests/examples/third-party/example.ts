// The typed client at work, the last step of docs/api.md "Quick start":
//   TTHC_URL=http://localhost:4000/graphql TTHC_KEY=tthc_… npx tsx tests/examples/third-party/example.ts
// A public query, an authenticated one, and the first result of a subscription, then it stops.
import WebSocket from 'ws';
import { tthcClient } from './client.ts';
import {
  CatalogueDocument,
  KeyedOverviewDocument,
  LiveFiguresDocument,
  ProcedureFiguresDocument,
} from './generated/graphql.ts';

const api = tthcClient({
  url: process.env.TTHC_URL ?? 'http://localhost:4000/graphql',
  key: process.env.TTHC_KEY,
  webSocketImpl: WebSocket,
});
const period = { from: '2026-01-01', to: '2026-03-31' };

const { procedure } = await api.request(ProcedureFiguresDocument, { code: '1.001193', period });
console.log(procedure?.name, procedure?.stats);

const { procedures } = await api.request(CatalogueDocument, { first: 3, search: 'khai sinh' });
console.log(
  procedures.totalCount,
  procedures.edges.map((edge) => edge.node.code),
);

if (process.env.TTHC_KEY) {
  const { viewer, lateDossiers } = await api.request(KeyedOverviewDocument, { first: 3 });
  console.log(viewer, lateDossiers.totalCount);
}

await new Promise<void>((resolve, reject) => {
  const stop = api.subscribe(
    LiveFiguresDocument,
    { scope: { agencyCode: '56' }, period },
    (data) => {
      console.log('statsChanged', data.statsChanged);
      stop();
      resolve();
    },
    reject,
  );
});
await api.close();
