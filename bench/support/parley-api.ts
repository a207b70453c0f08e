import { join } from 'node:path';
import { Child, ROOT, sleep, startServer } from './child-process';
import { BENCH_ACTORS, openTalksBody } from './talks-shapes';

/** The built server (`npm run build`): the code `npm start` runs, without ts-node in the way. */
export const API_ENTRY = join(ROOT, 'dist', 'apps', 'api', 'apps', 'api', 'src', 'main.js');

const ADMIN_KEY = 'parley_bench-admin-key-000000000000000';

/** What the benchmarks change from the defaults, and why; recorded in the results. */
export const API_ENV = {
  // A key may write 600 times a minute by default; the load here is one key at thousands a second.
  PARLEY_WRITE_LIMIT: '100000000',
  // The same for reads and for live subscriptions: the benches measure the server, not its limits.
  PARLEY_READ_LIMIT: '100000000',
  PARLEY_SSE_MAX_STREAMS_PER_KEY: '100000',
  // Request logs at `info` would measure pino writing to a pipe; warnings and errors still show.
  LOG_LEVEL: 'warn',
  PARLEY_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
} as const;

export type Api = Child & Readonly<{ analystKey: string; headers: Record<string, string> }>;

/** A fresh API process on `databaseFile`, with an analyst key made through the API. */
export async function startApi(databaseFile: string, readyTimeoutMs?: number, env: Record<string, string> = {}): Promise<Api> {
  const child = await startServer(API_ENTRY, { env: { ...API_ENV, ...env, PARLEY_DB: databaseFile }, readyTimeoutMs });
  try {
    const created = await post(child.url, ADMIN_KEY, '/v1/admin/keys', { name: `bench-analyst`, role: 'analyst' }, [201, 409]);
    const analystKey = created.status === 201 ? (created.body.key as string) : await recreateKey(child.url);
    return { ...child, analystKey, headers: { authorization: `Bearer ${analystKey}` } };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/** The API's Prometheus text (GET /metrics, read with the admin key). */
export async function scrapeMetrics(api: Api): Promise<string> {
  const response = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  if (response.status !== 200) throw new Error(`GET /metrics: ${response.status}`);
  return response.text();
}

/** A database reused across processes already has the key: revoke it and make it again, to learn its plaintext. */
async function recreateKey(url: string): Promise<string> {
  await fetch(`${url}/v1/admin/keys/bench-analyst`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  const name = `bench-analyst-${Date.now()}`;
  return (await post(url, ADMIN_KEY, '/v1/admin/keys', { name, role: 'analyst' }, [201])).body.key as string;
}

export async function post(url: string, key: string, path: string, body: unknown, expected: readonly number[] = [201]) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!expected.includes(response.status)) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(json)}`);
  return { status: response.status, body: json };
}

/** Registers the actors the bodies name and opens `tracks` tracks, through the API, 20 at a time. */
export async function openTracks(api: Api, talksIds: readonly string[]): Promise<void> {
  for (const { id, ...actor } of BENCH_ACTORS) await post(api.url, api.analystKey, '/v1/actors', { id, ...actor }, [201, 409]);
  for (let i = 0; i < talksIds.length; i += 20) {
    await Promise.all(talksIds.slice(i, i + 20).map((talksId) => post(api.url, api.analystKey, '/v1/talks', openTalksBody(talksId), [201, 409])));
  }
}

/** Waits (bounded) until every projection has caught up with the store, so reads and writes do not compete with a catch-up. */
export async function waitForProjections(api: Api, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${api.url}/v1/admin/projections`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    const body = (await response.json()) as unknown;
    const list = (Array.isArray(body) ? body : ((body as { projections?: unknown[] }).projections ?? [])) as { lag: string; state: string }[];
    if (list.length > 0 && list.every((projection) => projection.lag === '0' && projection.state === 'live')) return;
    await sleep(250);
  }
  throw new Error(`The projections did not catch up within ${timeoutMs} ms`);
}
