import { formatSseMessage } from './sse-stream';
import { openFakeStream } from './testing/fake-response';

const open = (maxQueue = 2, maxQueueBytes = 1 << 20) => openFakeStream({ maxQueue, maxQueueBytes });
const message = (id: number) => ({ event: 'E', id: String(id), data: { n: id } });

describe('SseStream', () => {
  it('formats one message per block, with the id, the event and one line of JSON data', () => {
    expect(formatSseMessage({ event: 'MeetingHeld', id: '7', data: { summary: 'two\nlines' } })).toBe('id: 7\nevent: MeetingHeld\ndata: {"summary":"two\\nlines"}\n\n');
    expect(formatSseMessage({ event: 'bad\r\nname', data: null })).toBe('event: badname\ndata: null\n\n');
  });

  it('opens with the SSE headers and the retry advice', () => {
    const { response } = open();
    expect(response.writeHead).toHaveBeenCalledWith(200, expect.objectContaining({ 'cache-control': 'no-cache', 'x-accel-buffering': 'no' }));
    expect(response.written).toEqual(['retry: 1500\n\n']);
  });

  it('sends what one tick writes in one socket write, so a page of events costs each client one system call', async () => {
    const { response, stream } = open(10);
    await new Promise((resolve) => process.nextTick(resolve));
    stream.send(message(1));
    stream.send(message(2));
    stream.send(message(3));
    expect(response.socketWrites).toEqual(['retry: 1500\n\n']);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(response.socketWrites).toEqual(['retry: 1500\n\n', [1, 2, 3].map((n) => formatSseMessage(message(n))).join('')]);
  });

  it('queues while the socket does not drain and writes the queue, in order, once it does', async () => {
    const { response, stream } = open();
    response.full = true;
    stream.send(message(1));
    const drained = stream.drained();
    stream.send(message(2));
    stream.send(message(3));
    expect(response.written).toHaveLength(2);
    response.drain();
    await drained;
    expect(response.written.slice(1)).toEqual([1, 2, 3].map((n) => formatSseMessage(message(n))));
    expect(stream.lastEventId).toBe('3');
  });

  it('cuts off a client whose queue is full: a final reconnect event with the last id sent, then the end', () => {
    const { response, stream } = open(2);
    stream.send(message(1));
    response.full = true;
    stream.send(message(2));
    expect([stream.send(message(3)), stream.send(message(4))]).toEqual([true, true]);
    expect(stream.send(message(5))).toBe(false);
    expect(response.written.at(-1)).toBe(formatSseMessage({ event: 'reconnect', data: { lastEventId: '2' } }));
    expect(response.ended).toBe(true);
    expect(stream.isOpen).toBe(false);
    expect(stream.send(message(6))).toBe(false);
  });

  it('cuts off a client at the byte bound too, however few messages wait', () => {
    const big = (id: number) => ({ event: 'E', id: String(id), data: { text: 'x'.repeat(1000) } });
    const { response, stream } = open(100, 2500);
    stream.send(big(1));
    response.full = true;
    stream.send(big(2));
    expect([stream.send(big(3)), stream.send(big(4))]).toEqual([true, true]);
    expect(stream.send(big(5))).toBe(false);
    expect(response.written.at(-1)).toBe(formatSseMessage({ event: 'reconnect', data: { lastEventId: '2' } }));
    expect(stream.isOpen).toBe(false);
  });

  it('frees the bytes of what it writes: a client that keeps draining is never cut off', () => {
    const { response, stream } = open(100, 2500);
    const big = (id: number) => ({ event: 'E', id: String(id), data: { text: 'x'.repeat(1000) } });
    for (let id = 1; id <= 20; id++) {
      response.full = true;
      stream.send(big(id));
      stream.send(big(id + 100));
      response.drain();
    }
    expect(stream.isOpen).toBe(true);
    expect(stream.lastEventId).toBe('120');
  });

  it('tells its close listeners once, whoever closes it; a full socket is dropped at shutdown', () => {
    const { response, stream } = open();
    const closed = jest.fn();
    stream.onClose(closed);
    response.full = true;
    stream.send(message(1));
    stream.close();
    stream.close();
    expect(response.destroyed).toBe(true);
    expect(closed).toHaveBeenCalledTimes(1);
    const late = jest.fn();
    stream.onClose(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
