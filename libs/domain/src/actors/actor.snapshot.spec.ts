import { createHash } from 'node:crypto';
import { SnapshotFormError } from '../shared/state-snapshot';
import { actorDecider } from './actor.decider';
import { ActorEvent } from './actor.events';
import { ActorState } from './actor.state';
import { ACTOR_SNAPSHOT_VERSION, actorStateCodec } from './actor.snapshot';

const restored = (state: ActorState): ActorState => actorStateCodec.decode(actorStateCodec.encode(state));

const registered: ActorEvent = {
  type: 'ActorRegistered',
  data: { actorId: 'steve-witkoff', name: 'Steve Witkoff', kind: 'person', country: 'USA', title: 'Special Envoy', registeredAt: '2025-01-20T00:00:00.000Z', validFrom: { at: '2025-01-20', precision: 'day' } },
} as ActorEvent;
const updated: ActorEvent = {
  type: 'ActorUpdated',
  data: { actorId: 'steve-witkoff', changes: { title: 'Envoy for Peace Missions' }, updatedAt: '2025-03-01T00:00:00.000Z', validFrom: { at: '2025-03-01', precision: 'day' } },
} as ActorEvent;

describe('an actor state snapshot', () => {
  it('restores the state it was taken of, and a tail folded onto it equals a fold of every event', () => {
    const [first, second] = [registered, updated].map((event, index) => ({ ...event, id: `e${index}` }));
    const whole = [first, second].reduce(actorDecider.evolve, actorDecider.initialState());
    expect(restored(actorDecider.initialState())).toEqual({ status: 'unregistered' });
    expect(restored(whole)).toEqual(whole);
    expect(actorDecider.evolve(restored(actorDecider.evolve(actorDecider.initialState(), first)), second)).toEqual(whole);
  });

  it('refuses a form that encode did not make', () => {
    for (const text of ['', 'null', '[]', '{"status":"registered","actorId":"x"}']) expect(() => actorStateCodec.decode(text)).toThrow(SnapshotFormError);
  });

  /** As in talks.snapshot.spec.ts: a change to what the snapshot of this fold holds needs a new ACTOR_SNAPSHOT_VERSION and its digest. */
  const PINNED: Readonly<Record<number, string>> = { 1: '7db853320e9c63cdd712b3c4ae654e469c34f0aaee6f624e66ed31dcbbd050cc' };

  it('of a fixed history has the form pinned for its version', () => {
    const whole = [registered, updated].map((event, index) => ({ ...event, id: `e${index}` })).reduce(actorDecider.evolve, actorDecider.initialState());
    const digest = createHash('sha256').update(actorStateCodec.encode(whole)).digest('hex');
    expect({ version: ACTOR_SNAPSHOT_VERSION, digest }).toEqual({ version: ACTOR_SNAPSHOT_VERSION, digest: PINNED[ACTOR_SNAPSHOT_VERSION] });
  });
});
