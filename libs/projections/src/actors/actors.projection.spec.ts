import { ActorRegistered, ActorUpdated } from '@parley/domain';
import { eventRecorder, projectionHarness } from '../testing';
import { actorsProjection } from './actors.projection';
import { getActorProfile, listActorProfiles } from './actors.queries';

const registered = (overrides: Partial<ActorRegistered['data']> = {}): ActorRegistered => ({
  type: 'ActorRegistered',
  data: { actorId: 'steve-witkoff', name: 'Steve Witkoff', kind: 'person', country: 'USA', title: 'Special envoy', represents: 'donald-trump', aliases: ['Witkoff'], registeredAt: '2025-01-20T10:00:00Z', ...overrides },
});
const updated = (changes: ActorUpdated['data']['changes'], actorId = 'steve-witkoff'): ActorUpdated => ({
  type: 'ActorUpdated',
  data: { actorId, changes, updatedAt: '2025-03-01T10:00:00Z' },
});

const setup = () => {
  const harness = projectionHarness(actorsProjection);
  const recorder = eventRecorder();
  return { harness, given: (...events: { type: string; data: unknown }[]) => events.map((event) => harness.apply(recorder.actor(event))) };
};

describe('actors projection', () => {
  it('stores a registered actor as the write side views it', () => {
    const t = setup();
    expect(t.given(registered())).toEqual([{ applied: true }]);
    expect(getActorProfile(t.harness.ctx, 'steve-witkoff')).toEqual({
      actorId: 'steve-witkoff',
      name: 'Steve Witkoff',
      kind: 'person',
      country: 'USA',
      title: 'Special envoy',
      represents: 'donald-trump',
      aliases: ['Witkoff'],
      registeredAt: '2025-01-20T10:00:00Z',
      updatedAt: '2025-01-20T10:00:00Z',
    });
    expect(t.harness.rows('actor_profiles')).toEqual([expect.objectContaining({ actor_id: 'steve-witkoff', name: 'Steve Witkoff', kind: 'person', represents: 'donald-trump' })]);
  });

  it('applies an update: given fields replace, null clears an optional one', () => {
    const t = setup();
    t.given(registered(), updated({ title: 'Special envoy for peace missions', represents: null, aliases: [] }));
    const profile = getActorProfile(t.harness.ctx, 'steve-witkoff');
    expect(profile).toMatchObject({ title: 'Special envoy for peace missions', aliases: [], updatedAt: '2025-03-01T10:00:00Z', registeredAt: '2025-01-20T10:00:00Z' });
    expect(profile).not.toHaveProperty('represents');
    expect(t.harness.rows('actor_profiles')[0]).toMatchObject({ represents: null });
  });

  it('lists profiles, all or by kind', () => {
    const t = setup();
    t.given(registered(), registered({ actorId: 'rus', name: 'Russia', kind: 'state', represents: undefined }));
    expect(listActorProfiles(t.harness.ctx).map((a) => a.actorId)).toEqual(['rus', 'steve-witkoff']);
    expect(listActorProfiles(t.harness.ctx, { kind: 'state' }).map((a) => a.actorId)).toEqual(['rus']);
    expect(getActorProfile(t.harness.ctx, 'nobody')).toBeUndefined();
  });

  it.each([
    ['a second registration', [registered(), registered({ name: 'Someone else' })], 'actor steve-witkoff is already registered'],
    ['an update before the registration', [updated({ title: 'Envoy' })], 'actor steve-witkoff is not registered'],
    ['data that is not an object', [{ type: 'ActorRegistered', data: null }], 'malformed ActorRegistered: actorId is missing'],
    ['a registration without a name', [registered({ name: undefined as never })], 'malformed ActorRegistered: name is missing'],
    ['an unknown kind', [registered({ kind: 'planet' as never })], 'malformed ActorRegistered: kind is not one of person, state, organisation'],
    ['aliases that are not a list', [registered({ aliases: 'Witkoff' as never })], 'malformed ActorRegistered: aliases is not a list'],
    ['changes that are not an object', [registered(), { type: 'ActorUpdated', data: { actorId: 'steve-witkoff', changes: 'x' } }], 'malformed ActorUpdated: changes is not an object'],
    ['a name that is not text', [registered(), updated({ name: 7 as never })], 'malformed ActorUpdated: changes.name is not text'],
    ['a kind it does not know', [registered(), updated({ kind: 'planet' as never })], 'malformed ActorUpdated: changes.kind is not one of person, state, organisation'],
    ['aliases that are not a list', [registered(), updated({ aliases: 'x' as never })], 'malformed ActorUpdated: changes.aliases is not a list'],
    ['an event type it does not know', [{ type: 'ActorRenamed', data: { actorId: 'x' } }], 'ActorRenamed is not an actor event'],
  ])('skips %s, with the reason, and keeps the profile as it was', (_, events, reason) => {
    const t = setup();
    const outcomes = t.given(...events);
    expect(outcomes[outcomes.length - 1]).toEqual({ applied: false, reason });
    expect(t.harness.rows('actor_profiles').length).toBeLessThanOrEqual(1);
    if (outcomes.length > 1) expect(getActorProfile(t.harness.ctx, 'steve-witkoff')).toMatchObject({ name: 'Steve Witkoff', updatedAt: '2025-01-20T10:00:00Z' });
  });
});
