import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** One Server-Sent Event. `id` is what a reconnecting client sends back as `Last-Event-ID`. */
export type SseMessage = Readonly<{ event: string; id?: string; data: unknown }>;

/** A message in its wire form, with its size: formatted once however many clients it goes to. */
export type FormattedMessage = Readonly<{ id?: string; text: string; bytes: number }>;

export type SseStreamOptions = Readonly<{
  /** Messages held while the socket does not drain; one more and the client is cut off. */
  maxQueue: number;
  /** The same bound in bytes of wire text: a few large messages cut a client off as many small ones do. */
  maxQueueBytes: number;
  heartbeatMs: number;
  /** The `retry:` advice: how long an EventSource waits before reconnecting. */
  retryMs: number;
  /** How long a cut-off client may take to read what its socket already holds before it is dropped. */
  lingerMs: number;
}>;

/** The event the last message of a cut-off stream carries. */
export const RECONNECT_EVENT = 'reconnect';

// A field value must not hold a line break; event types come from the store, so make sure.
const oneLine = (value: string): string => value.replace(/[\r\n]/g, '');

/** The wire form; JSON.stringify escapes line breaks, so `data` is always one line. */
export const formatSseMessage = ({ event, id, data }: SseMessage): string =>
  `${id === undefined ? '' : `id: ${oneLine(id)}\n`}event: ${oneLine(event)}\ndata: ${JSON.stringify(data)}\n\n`;

export const formatted = (message: SseMessage): FormattedMessage => {
  const text = formatSseMessage(message);
  return { id: message.id, text, bytes: Buffer.byteLength(text) };
};

export const SSE_HEADERS: OutgoingHttpHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  // nginx and kin buffer responses unless told not to; a buffered stream is not live.
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

/**
 * One client's `text/event-stream` response, written to the Node response itself so that we
 * see backpressure: `write()` answering false means the socket is not draining. From then on
 * messages wait in a queue of at most `maxQueue` messages and `maxQueueBytes` bytes; when one
 * more would not fit the client is sent a
 * final `reconnect` event naming the last id it was sent and the stream is closed, so a
 * client that stops reading costs a bounded amount of memory.
 */
export class SseStream {
  private readonly queue: FormattedMessage[] = [];
  private queuedBytes = 0;
  private blocked = false;
  private corked = false;
  private cut = false;
  private open = true;
  private lastId: string | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly closeListeners: Array<() => void> = [];
  private drainWaiters: Array<() => void> = [];

  constructor(
    private readonly response: ServerResponse,
    headers: OutgoingHttpHeaders,
    private readonly options: SseStreamOptions,
  ) {
    response.writeHead(200, { ...headers, ...SSE_HEADERS });
    response.on('drain', () => this.flush());
    response.on('close', () => this.closed());
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs).unref();
    this.writeText(`retry: ${options.retryMs}\n\n`);
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Bytes waiting for the socket to drain. */
  get queuedByteCount(): number {
    return this.queuedBytes;
  }

  /** Whether it ended by being cut off for reading too slowly. */
  get wasCutOff(): boolean {
    return this.cut;
  }

  /** The id of the last message handed to the socket. */
  get lastEventId(): string | undefined {
    return this.lastId;
  }

  /** Writes now, or queues while the socket is full; false once the stream is closed (the caller stops). */
  send(message: SseMessage): boolean {
    return this.sendFormatted(formatted(message));
  }

  /** As `send`, for a message formatted once for many streams. */
  sendFormatted(message: FormattedMessage): boolean {
    if (!this.open) return false;
    if (!this.blocked) {
      this.write(message);
      return true;
    }
    if (this.queue.length >= this.options.maxQueue || this.queuedBytes + message.bytes > this.options.maxQueueBytes) {
      this.cutOff();
      return false;
    }
    this.queue.push(message);
    this.queuedBytes += message.bytes;
    return true;
  }

  /** Resolves once everything sent so far is with the socket (or the stream closed): lets a producer that can wait, wait. */
  drained(): Promise<void> {
    if (!this.open || !this.blocked) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Runs `listener` once the stream is closed, whoever closed it (at once if it already is). */
  onClose(listener: () => void): void {
    if (this.open) this.closeListeners.push(listener);
    else listener();
  }

  /** Ends the response (shutdown); a client whose socket is full would never read the end, so it is dropped. */
  close(): void {
    if (!this.open) return;
    if (this.blocked) this.response.destroy();
    else this.response.end();
    this.closed();
  }

  private write(message: FormattedMessage): void {
    this.writeText(message.text);
    if (message.id !== undefined) this.lastId = message.id;
  }

  private writeText(text: string): void {
    this.corkForThisTick();
    if (!this.response.write(text)) this.blocked = true;
  }

  // The events of one page of the store arrive in one tick: corked, they leave in one
  // system call per client instead of one each, which is what a thousand clients cost.
  private corkForThisTick(): void {
    if (this.corked) return;
    this.corked = true;
    this.response.cork();
    process.nextTick(() => {
      this.corked = false;
      this.response.uncork();
    });
  }

  private flush(): void {
    this.blocked = false;
    while (this.open && !this.blocked && this.queue.length > 0) {
      const message = this.queue.shift()!;
      this.queuedBytes -= message.bytes;
      this.write(message);
    }
    if (!this.blocked) this.releaseDrainWaiters();
  }

  // A comment line: ignored by clients, but it keeps proxies and load balancers from timing out.
  private beat(): void {
    if (this.open && !this.blocked) this.writeText(': keep-alive\n\n');
  }

  /** The queued messages are dropped: the client resumes from the last id it was sent. */
  private cutOff(): void {
    this.cut = true;
    this.dropQueue();
    this.response.write(formatSseMessage({ event: RECONNECT_EVENT, data: { lastEventId: this.lastId ?? null } }));
    this.response.end();
    const linger = setTimeout(() => this.response.destroy(), this.options.lingerMs).unref();
    this.response.once('close', () => clearTimeout(linger));
    this.closed();
  }

  private closed(): void {
    if (!this.open) return;
    this.open = false;
    this.dropQueue();
    clearInterval(this.heartbeat);
    this.releaseDrainWaiters();
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  private dropQueue(): void {
    this.queue.length = 0;
    this.queuedBytes = 0;
  }

  private releaseDrainWaiters(): void {
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }
}
