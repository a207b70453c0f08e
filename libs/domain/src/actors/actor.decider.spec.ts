import { specify } from '../testing/given-when-then';
import { context, NOW } from '../testing/talks.fixtures';
import { ActorCommand, RegisterActor, UpdateActor } from './actor.commands';
import { ActorRegistered, ActorUpdated } from './actor.events';
import { actorDecider } from './actor.decider';
import { actorViewOf } from './actor.state';

const { given } = specify(actorDecider);
const registeredAt = '2025-01-01T00:00:00.000Z';

const witkoff: RegisterActor['data'] = {
  actorId: 'steve-witkoff',
  name: 'Steve Witkoff',
  kind: 'person',
  country: 'USA',
  title: 'Special Envoy',
  represents: 'donald-trump',
  aliases: ['Steven Witkoff'],
};
const registered = (data: Partial<RegisterActor['data']> = {}): ActorRegistered => ({ type: 'ActorRegistered', data: { ...witkoff, ...data, registeredAt } });
const updated = (changes: ActorUpdated['data']['changes'], updatedAt = '2025-02-01T00:00:00.000Z'): ActorUpdated => ({
  type: 'ActorUpdated',
  data: { actorId: 'steve-witkoff', changes, updatedAt },
});

const withTrump = { registeredActors: new Set(['donald-trump', 'vladimir-putin']) };
const register = (data: Partial<RegisterActor['data']> = {}, metadata = withTrump): ActorCommand => ({
  type: 'RegisterActor',
  data: { ...witkoff, ...data },
  metadata: context(metadata),
});
const update = (changes: UpdateActor['data']['changes'], metadata = withTrump): ActorCommand => ({
  type: 'UpdateActor',
  data: { actorId: 'steve-witkoff', changes },
  metadata: context(metadata),
});

describe('registering an actor', () => {
  it('records ActorRegistered, stamped with the command’s clock', () => {
    given([]).when(register()).thenEvents([{ type: 'ActorRegistered', data: { ...witkoff, registeredAt: NOW.toISOString() } }]);
  });

  it('accepts an actor representing no one', () => {
    given([]).when(register({ represents: undefined }, { registeredActors: new Set() })).thenAccepted();
  });

  it('refuses to register twice', () => {
    given([registered()]).when(register()).thenError('ACTOR.ALREADY_REGISTERED', 'actorId');
  });

  it('refuses an actor representing itself', () => {
    given([]).when(register({ represents: 'steve-witkoff' })).thenError('ACTOR.REPRESENTS_ITSELF', 'represents');
  });

  it('refuses a principal who is not registered', () => {
    given([]).when(register({}, { registeredActors: new Set() })).thenError('ACTOR.UNKNOWN', 'represents');
  });

  it('folds into a registered actor and its view', () => {
    const state = given([registered()]).state();
    const { actorId, ...profile } = witkoff;
    expect(state).toEqual({ status: 'registered', actorId, profile, registeredAt, updatedAt: registeredAt });
    expect(actorViewOf(state)).toEqual({ ...witkoff, registeredAt, updatedAt: registeredAt });
    expect(actorViewOf(actorDecider.initialState())).toBeUndefined();
  });
});

describe('updating an actor', () => {
  it('records ActorUpdated with the fields that change, stamped with the clock', () => {
    given([registered()]).when(update({ title: 'Special Envoy to the Middle East', aliases: ['Steven Witkoff'] })).thenEvents([
      { type: 'ActorUpdated', data: { actorId: 'steve-witkoff', changes: { title: 'Special Envoy to the Middle East' }, updatedAt: NOW.toISOString() } },
    ]);
  });

  it('clears an optional field with null', () => {
    given([registered()]).when(update({ title: null })).thenEvents([
      { type: 'ActorUpdated', data: { actorId: 'steve-witkoff', changes: { title: null }, updatedAt: NOW.toISOString() } },
    ]);
    const view = actorViewOf(given([registered(), updated({ title: null, country: null, name: 'Steven Witkoff' })]).state());
    expect(view).not.toHaveProperty('title');
    expect(view).not.toHaveProperty('country');
    expect(view).toMatchObject({ name: 'Steven Witkoff', updatedAt: '2025-02-01T00:00:00.000Z', registeredAt });
  });

  it('records nothing when the changes equal the profile', () => {
    given([registered()]).when(update({ name: 'Steve Witkoff', aliases: ['Steven Witkoff'] })).thenEvents([]);
    given([registered({ title: undefined })]).when(update({ title: null })).thenEvents([]);
  });

  it('refuses an update with no changes at all', () => {
    given([registered()]).when(update({})).thenError('ACTOR.EMPTY_UPDATE', 'changes');
  });

  it('refuses an update of an actor not registered', () => {
    given([]).when(update({ name: 'x' })).thenError('ACTOR.NOT_FOUND', 'actorId');
  });

  it('refuses to make an actor represent itself', () => {
    given([registered()]).when(update({ represents: 'steve-witkoff' })).thenError('ACTOR.REPRESENTS_ITSELF', 'changes.represents');
  });

  it('refuses a principal who is not registered, but not clearing the principal', () => {
    given([registered()]).when(update({ represents: 'xi-jinping' })).thenError('ACTOR.UNKNOWN', 'changes.represents');
    given([registered()]).when(update({ represents: null }, { registeredActors: new Set() })).thenAccepted();
    given([registered()]).when(update({ represents: 'vladimir-putin' })).thenAccepted();
  });
});

describe('folding actor events', () => {
  it('ignores an update before the registration and a second registration', () => {
    expect(given([updated({ name: 'x' })]).state()).toEqual({ status: 'unregistered' });
    expect(actorViewOf(given([registered(), registered({ name: 'Other' })]).state())?.name).toBe('Steve Witkoff');
  });
});

describe('the actors a command names', () => {
  it('lists the principal, if any', () => {
    expect(actorDecider.referencedActors({ type: 'RegisterActor', data: witkoff }, actorDecider.initialState())).toEqual(['donald-trump']);
    expect(actorDecider.referencedActors({ type: 'RegisterActor', data: { ...witkoff, represents: undefined } }, actorDecider.initialState())).toEqual([]);
    expect(actorDecider.referencedActors({ type: 'UpdateActor', data: { actorId: 'a', changes: { represents: 'vladimir-putin' } } }, actorDecider.initialState())).toEqual(['vladimir-putin']);
    expect(actorDecider.referencedActors({ type: 'UpdateActor', data: { actorId: 'a', changes: { represents: null } } }, actorDecider.initialState())).toEqual([]);
  });
});
