import { EVENT_UPCASTERS } from '../upcasting/event-upcasters';
import { specify } from '../testing/given-when-then';
import { context, NOW } from '../testing/talks.fixtures';
import { ActorCommand, RegisterActor, UpdateActor } from './actor.commands';
import { ActorRegistered, ActorUpdated, RoleDate } from './actor.events';
import { actorDecider } from './actor.decider';
import { actorViewOf, actorViewOn } from './actor.state';

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
const updated = (changes: ActorUpdated['data']['changes'], updatedAt = '2025-02-01T00:00:00.000Z', validFrom?: RoleDate): ActorUpdated => ({
  type: 'ActorUpdated',
  data: { actorId: 'steve-witkoff', changes, ...(validFrom ? { validFrom } : {}), updatedAt },
});
const clockDate: RoleDate = { at: NOW.toISOString(), precision: 'exact' };

const withTrump = { registeredActors: new Set(['donald-trump', 'vladimir-putin']) };
const register = (data: Partial<RegisterActor['data']> = {}, metadata = withTrump): ActorCommand => ({
  type: 'RegisterActor',
  data: { ...witkoff, ...data },
  metadata: context(metadata),
});
const update = (changes: UpdateActor['data']['changes'], metadata = withTrump, validFrom?: RoleDate): ActorCommand => ({
  type: 'UpdateActor',
  data: { actorId: 'steve-witkoff', changes, ...(validFrom ? { validFrom } : {}) },
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
    const roles = [{ title: 'Special Envoy', represents: 'donald-trump' }];
    expect(state).toEqual({ status: 'registered', actorId, profile, roles, registeredAt, updatedAt: registeredAt });
    expect(actorViewOf(state)).toEqual({ ...witkoff, roles, registeredAt, updatedAt: registeredAt });
    expect(actorViewOf(actorDecider.initialState())).toBeUndefined();
  });
});

describe('updating an actor', () => {
  it('records ActorUpdated with the fields that change, stamped with the clock', () => {
    given([registered()]).when(update({ name: 'Steven Witkoff', aliases: ['Steven Witkoff'] })).thenEvents([
      { type: 'ActorUpdated', data: { actorId: 'steve-witkoff', changes: { name: 'Steven Witkoff' }, updatedAt: NOW.toISOString() } },
    ]);
  });

  it('clears an optional field with null', () => {
    given([registered()]).when(update({ title: null })).thenEvents([
      { type: 'ActorUpdated', data: { actorId: 'steve-witkoff', changes: { title: null }, validFrom: clockDate, updatedAt: NOW.toISOString() } },
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

describe('a title or principal from a date', () => {
  const sinceInauguration: RoleDate = { at: '2025-01-20', precision: 'day' };
  const inMarch: RoleDate = { at: '2025-03-01', precision: 'month' };
  const peaceEnvoy = { title: 'Special Envoy for Peace Missions' };

  it('registers the role held since a date', () => {
    given([]).when(register({ validFrom: sinceInauguration })).thenEvents([
      { type: 'ActorRegistered', data: { ...witkoff, validFrom: sinceInauguration, registeredAt: NOW.toISOString() } },
    ]);
  });

  it('records a new title from the date given, at its precision', () => {
    given([registered({ validFrom: sinceInauguration })]).when(update(peaceEnvoy, withTrump, inMarch)).thenEvents([
      { type: 'ActorUpdated', data: { actorId: 'steve-witkoff', changes: peaceEnvoy, validFrom: inMarch, updatedAt: NOW.toISOString() } },
    ]);
  });

  it('dates a change of title or principal made without a date by the clock', () => {
    given([registered()]).when(update({ represents: 'vladimir-putin' })).thenEvents([
      { type: 'ActorUpdated', data: { actorId: 'steve-witkoff', changes: { represents: 'vladimir-putin' }, validFrom: clockDate, updatedAt: NOW.toISOString() } },
    ]);
  });

  it('dates nothing when the title and principal stay as they are', () => {
    given([registered()]).when(update({ title: 'Special Envoy', name: 'Steven Witkoff' }, withTrump, inMarch)).thenEvents([
      { type: 'ActorUpdated', data: { actorId: 'steve-witkoff', changes: { name: 'Steven Witkoff' }, updatedAt: NOW.toISOString() } },
    ]);
  });

  it('refuses a validFrom that dates no title or principal', () => {
    given([registered()]).when(update({ name: 'Steven Witkoff' }, withTrump, inMarch)).thenError('ACTOR.VALID_FROM_WITHOUT_ROLE', 'validFrom');
    given([]).when(register({ title: undefined, represents: undefined, validFrom: inMarch })).thenError('ACTOR.VALID_FROM_WITHOUT_ROLE', 'validFrom');
  });

  it('refuses a role that begins before the one it replaces, but not one whose vague date may be as late', () => {
    const since = [registered({ validFrom: sinceInauguration })];
    given(since).when(update(peaceEnvoy, withTrump, { at: '2024-12-31', precision: 'day' })).thenError('ACTOR.ROLE_BEFORE_CURRENT', 'validFrom');
    given(since).when(update(peaceEnvoy, withTrump, { at: '2025-01-01', precision: 'month' })).thenAccepted();
    given(since).when(update(peaceEnvoy, withTrump, sinceInauguration)).thenAccepted();
    given([...since, updated(peaceEnvoy, '2025-03-02T00:00:00.000Z', inMarch)])
      .when(update({ title: 'Envoy' }, withTrump, { at: '2025-02-28', precision: 'day' }))
      .thenError('ACTOR.ROLE_BEFORE_CURRENT', 'validFrom');
  });

  it('accepts any date after a role held since before any record', () => {
    given([registered()]).when(update(peaceEnvoy, withTrump, { at: '1990-01-01', precision: 'year' })).thenAccepted();
  });

  it('refuses a validFrom that is not a real date, or not at a precision it can carry', () => {
    given([registered()]).when(update(peaceEnvoy, withTrump, { at: '2025-02-30', precision: 'day' })).thenError('DATE.INVALID', 'validFrom.at');
    given([registered()]).when(update(peaceEnvoy, withTrump, { at: '2025-02-03', precision: 'exact' })).thenError('DATE.INVALID', 'validFrom.at');
    given([registered()]).when(update(peaceEnvoy, withTrump, { at: '2025-02-03', precision: 'decade' as never })).thenError('DATE.INVALID', 'validFrom.precision');
    given([]).when(register({ validFrom: { at: 'March 2025', precision: 'month' } })).thenError('DATE.INVALID', 'validFrom.at');
  });

  it('refuses a validFrom after now; this month at month precision is not after now', () => {
    given([registered()]).when(update(peaceEnvoy, withTrump, { at: '2025-03-15', precision: 'day' })).thenError('DATE.IN_FUTURE', 'validFrom.at');
    given([]).when(register({ validFrom: { at: '2026-01-01', precision: 'year' } })).thenError('DATE.IN_FUTURE', 'validFrom.at');
    given([registered()]).when(update(peaceEnvoy, withTrump, { at: '2025-03-31', precision: 'month' })).thenAccepted();
  });
});

describe('the roles an actor held, and the one it held on a date', () => {
  const history = [
    registered({ validFrom: { at: '2025-01-20', precision: 'day' } }),
    updated({ title: 'Special Envoy for Peace Missions' }, '2025-03-10T00:00:00.000Z', { at: '2025-03-01', precision: 'month' }),
    updated({ represents: null }, '2025-06-02T00:00:00.000Z', { at: '2025-06-01', precision: 'day' }),
  ];
  const on = (date: string) => actorViewOn(actorViewOf(given(history).state())!, new Date(date).getTime());

  it('keeps every role as a period that ends where the next begins', () => {
    expect(actorViewOf(given(history).state())?.roles).toEqual([
      { title: 'Special Envoy', represents: 'donald-trump', validFrom: { at: '2025-01-20', precision: 'day' }, validUntil: { at: '2025-03-01', precision: 'month' } },
      { title: 'Special Envoy for Peace Missions', represents: 'donald-trump', validFrom: { at: '2025-03-01', precision: 'month' }, validUntil: { at: '2025-06-01', precision: 'day' } },
      { title: 'Special Envoy for Peace Missions', validFrom: { at: '2025-06-01', precision: 'day' } },
    ]);
  });

  it('shows the title and principal held on the date asked about, a vague start counting from its first day', () => {
    expect(on('2025-02-28T23:59:59Z')).toMatchObject({ title: 'Special Envoy', represents: 'donald-trump' });
    expect(on('2025-03-01T00:00:00Z')).toMatchObject({ title: 'Special Envoy for Peace Missions', represents: 'donald-trump' });
    expect(on('2025-06-01T00:00:00Z')).not.toHaveProperty('represents');
  });

  it('shows no title or principal before the first dated role, and the undated one on any date', () => {
    const before = on('2025-01-19T23:59:59Z');
    expect(before).not.toHaveProperty('title');
    expect(before).not.toHaveProperty('represents');
    expect(before).toMatchObject({ name: 'Steve Witkoff', kind: 'person' });
    expect(actorViewOn(actorViewOf(given([registered()]).state())!, new Date('1900-01-01').getTime())).toMatchObject({ title: 'Special Envoy' });
  });

  it('adds no role for a change that touches neither title nor principal', () => {
    expect(given([registered(), updated({ name: 'Steven Witkoff' })]).state()).toMatchObject({ roles: [{ title: 'Special Envoy', represents: 'donald-trump' }] });
  });

  it('reads a v1 update, recorded without validFrom, as a role held from when it was recorded', () => {
    // As the upcasting store hands it to the fold.
    const v1 = updated({ title: 'Envoy' }, '2025-02-01T00:00:00.000Z');
    const state = given([registered(), { ...v1, data: EVENT_UPCASTERS.upcast(v1.type, v1.data, 1).data as ActorUpdated['data'] }]).state();
    expect(state).toMatchObject({ roles: [{ title: 'Special Envoy' }, { title: 'Envoy', validFrom: { at: '2025-02-01T00:00:00.000Z', precision: 'exact' } }] });
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
