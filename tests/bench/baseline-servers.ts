// The baselines of `bench public-reads`, each in a child process of its own so that its CPU is its
// own (/proc/<pid>/stat): `node:http` answering a constant (the floor of any HTTP server here),
// fastify + mercurius and a bare graphql-yoga on `node:http`, both answering `{ hello }` — the
// servers of docs/benchmarks.md "Machine baselines", measured again in the same run as the API.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { PRODUCTION_NODE_ARGS } from './api-process.ts';

export type BaselineKind = 'floor' | 'mercurius' | 'yoga';

export interface BaselineServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const HELLO_SCHEMA = 'type Query { hello: String }';
const HELLO_ANSWER = '{"data":{"hello":"world"}}';

/** Starts one baseline server in its own process, with the API's production Node flags. */
export async function startBaselineServer(kind: BaselineKind): Promise<BaselineServer> {
  const child = spawn(
    process.execPath,
    [...PRODUCTION_NODE_ARGS, '--import', 'tsx', fileURLToPath(import.meta.url)],
    { env: { ...process.env, BASELINE_SERVER: kind }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+)/.exec(output);
      if (!match) return;
      child.stdout!.off('data', onData);
      resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}: ${output}`)));
  });
  child.stdout!.resume();
  const path = kind === 'floor' ? '/' : '/graphql';
  return { url: `http://127.0.0.1:${port}${path}`, pid: child.pid!, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

const announce = (port: number) => console.log(JSON.stringify({ port }));

/** The request body is read (as a GraphQL server must) and a constant answered. */
function serveFloor(): void {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': HELLO_ANSWER.length,
      });
      res.end(HELLO_ANSWER);
    });
  });
  server.listen(0, '127.0.0.1', () => announce((server.address() as { port: number }).port));
}

async function serveMercurius(): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const { default: mercurius } = await import('mercurius');
  const app = Fastify();
  await app.register(mercurius, {
    schema: HELLO_SCHEMA,
    resolvers: { Query: { hello: async () => 'world' } },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  announce((app.server.address() as { port: number }).port);
}

async function serveYoga(): Promise<void> {
  const { createSchema, createYoga } = await import('graphql-yoga');
  const yoga = createYoga({
    schema: createSchema({ typeDefs: HELLO_SCHEMA, resolvers: { Query: { hello: () => 'world' } } }),
    graphiql: false,
    landingPage: false,
    logging: false,
  });
  const server = http.createServer(yoga);
  server.listen(0, '127.0.0.1', () => announce((server.address() as { port: number }).port));
}

const role = process.env.BASELINE_SERVER as BaselineKind | undefined;
if (role) {
  process.on('SIGTERM', () => process.exit(0));
  if (role === 'floor') serveFloor();
  else if (role === 'mercurius') await serveMercurius();
  else if (role === 'yoga') await serveYoga();
}
