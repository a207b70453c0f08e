/**
 * `PARLEY_KEY=… npm run demo`: records the seed story, then two episodes only the v2 model can
 * hold, against a running server through the public API. Every step carries an Idempotency-Key,
 * so running it again records nothing twice.
 */
import { SEED_STORY } from './seed-story';
import { V2_EPISODES } from './v2-episodes';

const BASE_URL = process.env.PARLEY_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const KEY = process.env.PARLEY_KEY;

async function main(): Promise<void> {
  if (!KEY) {
    console.error('Set PARLEY_KEY to an API key of role editor or admin: the key printed by the first `npm start` will do.');
    process.exitCode = 1;
    return;
  }
  const recorded = new Map<string, string>();
  for (const step of [...SEED_STORY, ...V2_EPISODES]) {
    const path = typeof step.path === 'string' ? step.path : step.path(recorded);
    const response = await fetch(`${BASE_URL}${path}`, {
      method: step.method,
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'idempotency-key': `seed-story:${step.key}` },
      body: JSON.stringify(step.body),
    });
    const body = (await response.json()) as { streamId?: string; revision?: number; events?: Array<{ id: string; type: string }>; detail?: string; errors?: unknown };
    if (!response.ok) {
      console.error(`${response.status} ${step.method} ${path} (${step.key}): ${body.detail ?? ''} ${JSON.stringify(body.errors ?? '')}`);
      process.exitCode = 1;
      return;
    }
    const first = body.events?.[0];
    if (first) recorded.set(step.key, first.id);
    const replayed = response.headers.get('idempotent-replayed') === 'true' ? ' (already recorded)' : '';
    console.log(`${response.status} ${(first?.type ?? 'unchanged').padEnd(18)} ${body.streamId}@${body.revision}${replayed}`);
  }
  console.log(`\nThe seed story is recorded. Try: curl -H "Authorization: Bearer $PARLEY_KEY" ${BASE_URL}/v1/talks/us-russia-ukraine`);
}

main().catch((error: unknown) => {
  console.error(`Could not record the seed story against ${BASE_URL}: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Is the server running? Start it with `npm start`, or set PARLEY_URL.');
  process.exitCode = 1;
});
