import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { SseStream, SseStreamOptions } from '../sse-stream';

/** A response whose socket drains only when told to: what a client that stops reading looks like to the server. */
export class FakeResponse extends EventEmitter {
  readonly written: string[] = [];
  /** What reached the socket, one entry per system call: writes made while corked leave together. */
  readonly socketWrites: string[] = [];
  private corked = 0;
  private pending = '';
  full = false;
  ended = false;
  destroyed = false;
  writeHead = jest.fn();
  write(text: string): boolean {
    this.written.push(text);
    if (this.corked > 0) this.pending += text;
    else this.socketWrites.push(text);
    return !this.full;
  }
  cork(): void {
    this.corked++;
  }
  uncork(): void {
    if (this.corked === 0 || --this.corked > 0 || this.pending === '') return;
    this.socketWrites.push(this.pending);
    this.pending = '';
  }
  end(): void {
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
  drain(): void {
    this.full = false;
    this.emit('drain');
  }
}

export const TEST_STREAM_OPTIONS: SseStreamOptions = { maxQueue: 2, maxQueueBytes: 1 << 20, heartbeatMs: 60_000, retryMs: 1500, lingerMs: 60_000 };

/** A real SseStream over a fake socket. */
export const openFakeStream = (options: Partial<SseStreamOptions> = {}) => {
  const response = new FakeResponse();
  const stream = new SseStream(response as unknown as ServerResponse, {}, { ...TEST_STREAM_OPTIONS, ...options });
  return { response, stream };
};

/** The events a fake socket was handed, as `id event streamId`, leaving out `ready`, comments and the retry advice. */
export const sentEvents = (response: FakeResponse): string[] =>
  response.written.flatMap((text) => {
    const match = /^id: (\d+)\nevent: (\S+)\ndata: (.*)\n\n$/.exec(text);
    if (!match || match[2] === 'ready') return [];
    return [`${match[1]} ${match[2]} ${(JSON.parse(match[3]) as { streamId: string }).streamId}`];
  });
