import { RecordedEvent } from '@parley/event-store';
import { wantedBy, EventFeedFilter } from './event-feed-filter';
import { FanOutHub } from './fan-out-hub';
import { HubSeat } from './hub-seat';
import { formatSseMessage } from './sse-stream';
import { openFakeStream, sentEvents } from './testing/fake-response';

const recorded = (position: number, streamId: string, type: string, data: unknown = {}): RecordedEvent => ({
  id: `e${position}`,
  type,
  streamId,
  revision: 0,
  position: BigInt(position),
  data,
  metadata: {},
  recordedAt: new Date(0),
});

const HISTORY = [
  recorded(11, 'talks-gaza', 'TalksOpened', { parties: ['isr', 'hamas'], mediators: ['qat'] }),
  recorded(12, 'actor-qat', 'ActorUpdated', { title: 'Mediator' }),
  recorded(13, 'talks-gaza-b', 'MeetingHeld', { participants: ['qat', 'egy'] }),
  recorded(14, 'talks-gaza', 'MeetingHeld', { participants: ['isr', 'hamas'] }),
  recorded(15, 'actor-egy', 'ActorRegistered', { name: 'Egypt' }),
];
const summary = (event: RecordedEvent) => `${event.position} ${event.type} ${event.streamId}`;

/** A live subscriber of the hub, as the feed seats one once its catch-up is over. */
const liveSeat = (hub: FanOutHub, filter: EventFeedFilter, options: Parameters<typeof openFakeStream>[0] = {}) => {
  const { response, stream } = openFakeStream({ maxQueue: 1000, ...options });
  const seat = new HubSeat(hub, wantedBy(filter), stream, { maxQueue: 1000, maxQueueBytes: 1 << 20 }, 0n);
  seat.join();
  seat.goLive();
  return { response, stream };
};

describe('the fan-out hub', () => {
  it('hands each subscriber exactly the events its filter matches, in order', () => {
    const hub = new FanOutHub(10n);
    const filters: EventFeedFilter[] = [{}, { talksId: 'gaza' }, { types: ['MeetingHeld', 'ActorRegistered'] }, { actor: 'qat' }, { talksId: 'gaza', types: ['MeetingHeld'] }];
    const seats = filters.map((filter) => liveSeat(hub, filter));
    for (const event of HISTORY) hub.publish(event);
    filters.forEach((filter, i) => expect(sentEvents(seats[i].response)).toEqual(HISTORY.filter(wantedBy(filter)).map(summary)));
    expect(sentEvents(seats[3].response)).toEqual(['11 TalksOpened talks-gaza', '12 ActorUpdated actor-qat', '13 MeetingHeld talks-gaza-b']);
    expect(hub.position).toBe(15n);
  });

  it('joins a subscriber at its position: nothing before it, nothing twice', () => {
    const hub = new FanOutHub(10n);
    hub.publish(HISTORY[0]);
    hub.publish(HISTORY[1]);
    const late = liveSeat(hub, {});
    hub.publish(HISTORY[1]);
    hub.publish(HISTORY[2]);
    expect(sentEvents(late.response)).toEqual([summary(HISTORY[2])]);
  });

  it('drops a subscriber that stops reading at its byte bound, while the others get everything', () => {
    const hub = new FanOutHub(0n);
    const healthy = liveSeat(hub, {});
    const slow = liveSeat(hub, {}, { maxQueueBytes: 4096 });
    slow.response.full = true;
    const events = Array.from({ length: 20 }, (_, i) => recorded(i + 1, 'padding', 'Padding', { text: 'x'.repeat(1000) }));
    for (const event of events) hub.publish(event);

    expect(sentEvents(healthy.response)).toEqual(events.map(summary));
    expect(slow.stream.isOpen).toBe(false);
    expect(hub.size).toBe(1);
    const delivered = sentEvents(slow.response);
    // The first write filled its socket, then about 4 KB waited for it; what it got is a prefix, then the reconnect advice.
    expect(delivered).toEqual(events.slice(0, delivered.length).map(summary));
    expect(delivered.length).toBeLessThan(6);
    expect(slow.response.written.at(-1)).toBe(formatSseMessage({ event: 'reconnect', data: { lastEventId: '1' } }));
  });

  it('leaves a subscriber whose stream closed, and closes every stream when the tail is lost', () => {
    const hub = new FanOutHub(0n);
    const [gone, kept] = [liveSeat(hub, {}), liveSeat(hub, {})];
    gone.stream.close();
    expect(hub.size).toBe(1);
    hub.close();
    expect(kept.stream.isOpen).toBe(false);
    const after = liveSeat(hub, {});
    expect(after.stream.isOpen).toBe(false);
  });
});
