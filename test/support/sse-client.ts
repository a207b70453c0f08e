import { ACTOR_EVENT_TYPES, TALKS_EVENT_TYPES } from '@parley/domain';
import http from 'node:http';
import { waitWhileProgressing } from './progress/wait-while-progressing';

// eventsource v4 is an ES module with a CommonJS build; require() keeps ts-jest on CommonJS.
const { EventSource } = require('eventsource') as typeof import('eventsource');

export type Received = Readonly<{ event: string; id: string; data: any }>;

/** Every event name the API's streams use: the domain's event types and the streams' own. */
export const STREAM_EVENTS = [...TALKS_EVENT_TYPES, ...ACTOR_EVENT_TYPES, 'ready', 'reconnect', 'snapshot', 'status'];

/** Waits until `check()`, for as long as `progress()` (what the clients received, say) keeps changing. */
export const until = (check: () => boolean, what: string, progress: () => unknown = () => undefined): Promise<void> =>
  waitWhileProgressing({ what, done: check, progress, pollMs: 5 });

/**
 * A real EventSource (the `eventsource` package) that records what it receives and the
 * `Last-Event-ID` of every request it makes, its own reconnections included.
 */
export class SseClient {
  readonly received: Received[] = [];
  /** The Last-Event-ID header of each request, `null` when none was sent. */
  readonly requests: Array<string | null> = [];
  readonly errors: unknown[] = [];
  private readonly source: InstanceType<typeof EventSource>;

  constructor(url: string, key: string, options: Readonly<{ lastEventId?: string; events?: readonly string[] }> = {}) {
    this.source = new EventSource(url, {
      fetch: (input, init) => {
        const headers: Record<string, string> = { ...(init?.headers as Record<string, string>), authorization: `Bearer ${key}` };
        if (this.requests.length === 0 && options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId;
        this.requests.push(headers['Last-Event-ID'] ?? null);
        return fetch(input, { ...init, headers });
      },
    });
    for (const event of options.events ?? STREAM_EVENTS) {
      this.source.addEventListener(event, (message) => this.received.push({ event, id: message.lastEventId, data: JSON.parse(message.data) }));
    }
    this.source.addEventListener('error', (error) => this.errors.push(error));
  }

  /** What was received but the `ready` announcements. */
  get events(): Received[] {
    return this.received.filter((message) => message.event !== 'ready');
  }

  count(event: string): number {
    return this.received.filter((message) => message.event === event).length;
  }

  ready(): Promise<void> {
    return until(() => this.received.some((message) => message.event === 'ready' || message.event === 'snapshot'), 'the stream to start');
  }

  close(): void {
    this.source.close();
  }
}

/** A raw HTTP reader for what EventSource hides: comments, the end of the stream, a client that stops reading. */
export function rawStream(url: string, key: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' } }, resolve).on('error', reject);
  });
}

/** Parses the text/event-stream format (one `data:` line per message, as the API writes). */
export function parseSse(text: string): Array<{ event?: string; id?: string; data?: string; comment?: string }> {
  return text
    .split('\n\n')
    .filter((block) => block.length > 0)
    .map((block) => {
      const message: { event?: string; id?: string; data?: string; comment?: string } = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) message.comment = line.slice(1).trim();
        const match = /^(event|id|data): (.*)$/.exec(line);
        if (match) message[match[1] as 'event' | 'id' | 'data'] = match[2];
      }
      return message;
    });
}
