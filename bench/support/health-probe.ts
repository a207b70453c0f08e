import { Api } from './parley-api';
import { sleep } from './child-process';

const PROBE_EVERY_MS = 20;

/**
 * What `work` returns, and the longest `/health` answer while it ran (asked every 20 ms, one at a
 * time): how long the work held up every other request of the server.
 */
export async function withHealthProbe<T>(api: Api, work: () => Promise<T>): Promise<{ result: T; longestHealthMs: number }> {
  let running = true;
  let longestHealthMs = 0;
  const probe = (async () => {
    while (running) {
      const started = performance.now();
      await (await fetch(`${api.url}/health`)).arrayBuffer();
      longestHealthMs = Math.max(longestHealthMs, performance.now() - started);
      await sleep(Math.max(0, PROBE_EVERY_MS - (performance.now() - started)));
    }
  })();
  try {
    return { result: await work(), longestHealthMs };
  } finally {
    running = false;
    await probe;
  }
}
