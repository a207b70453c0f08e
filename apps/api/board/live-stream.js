import { sseParser } from './sse-parser.js';

/** Reconnect delays grow from the server's `retry:` advice, doubled each failed attempt, up to this. */
const MAX_DELAY_MS = 15_000;
const DEFAULT_RETRY_MS = 2_000;

/**
 * Follows a Server-Sent Events stream with fetch, because EventSource cannot send an
 * Authorization header and the API key must never go into a URL. Like EventSource it resumes
 * with `Last-Event-ID` after a dropped connection, waiting as the server's `retry:` advises,
 * and backs off while the server stays unreachable. A 401 or 403 is final: retrying a refused
 * key would not make it valid.
 *
 * onState receives `{ state: 'connecting' | 'live' | 'reconnecting' | 'refused' | 'stopped', attempt?, delayMs?, status? }`.
 */
export function followLiveStream({ url, authorization, onMessage, onState }) {
  let lastEventId = '';
  let retryMs = DEFAULT_RETRY_MS;
  let attempt = 0;
  let stopped = false;
  let controller;
  let timer;

  const connect = async () => {
    controller = new AbortController();
    onState({ state: attempt === 0 ? 'connecting' : 'reconnecting', attempt });
    try {
      const headers = { authorization: authorization(), accept: 'text/event-stream' };
      if (lastEventId !== '') headers['last-event-id'] = lastEventId;
      const response = await fetch(url, { headers, cache: 'no-store', signal: controller.signal });
      if (response.status === 401 || response.status === 403) {
        stopped = true;
        onState({ state: 'refused', status: response.status });
        return;
      }
      if (!response.ok || !/^text\/event-stream/.test(response.headers.get('content-type') ?? '')) throw new Error(`The stream answered ${response.status}`);
      attempt = 0;
      onState({ state: 'live' });
      const parser = sseParser({
        lastEventId,
        onRetry: (ms) => (retryMs = ms),
        onMessage: (message) => {
          lastEventId = message.id;
          onMessage(message);
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
      lastEventId = parser.lastEventId;
    } catch (error) {
      if (stopped) return;
    }
    if (stopped) return;
    // The stream ended (a restart, a proxy, `event: reconnect`) or could not start: come back.
    attempt += 1;
    const delayMs = Math.min(MAX_DELAY_MS, retryMs * 2 ** (attempt - 1)) * (0.75 + Math.random() / 4);
    onState({ state: 'reconnecting', attempt, delayMs });
    timer = setTimeout(connect, delayMs);
  };

  void connect();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      onState({ state: 'stopped' });
    },
  };
}
