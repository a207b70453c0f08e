import { ActorRegistered, ActorUpdated, EVENT_UPCASTERS, RoleDate } from '@parley/domain';
import { eventRecorder, projectionHarness, Recordable } from '../testing';
import { InvalidCursorError } from '../talks/timeline-cursor';
import { actorsProjection } from './actors.projection';
import { actorRoleOn, actorsPage, getActorProfile } from './actors.queries';

const registered = (overrides: Partial<ActorRegistered['data']> = {}): ActorRegistered => ({
  type: 'ActorRegistered',
  data: { actorId: 'steve-witkoff', name: 'Steve Witkoff', kind: 'person', country: 'USA', title: 'Special envoy', represents: 'donald-trump', aliases: ['Witkoff'], registeredAt: '2025-01-20T10:00:00Z', ...overrides },
});
const updated = (changes: ActorUpdated['data']['changes'], actorId = 'steve-witkoff'): ActorUpdated => ({
  type: 'ActorUpdated',
  data: { actorId, changes, updatedAt: '2025-03-01T10:00:00Z' },
});

/** As v2 records it: with its schema version. */
const v2 = (event: ActorRegistered | ActorUpdated): Recordable => ({ ...event, metadata: { schemaVersion: 2 } });
const updatedFrom = (changes: ActorUpdated['data']['changes'], validFrom: RoleDate, updatedAt: string, actorId = 'steve-witkoff'): Recordable =>
  v2({ type: 'ActorUpdated', data: { actorId, changes, validFrom, updatedAt } });

const setup = () => {
  const harness = projectionHarness(actorsProjection);
  const recorder = eventRecorder();
  return { harness, recorder, given: (...events: Recordable[]) => events.map((event) => harness.apply(recorder.actor(event))) };
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
      roles: [{ title: 'Special envoy', represents: 'donald-trump' }],
      registeredAt: '2025-01-20T10:00:00Z',
      updatedAt: '2025-01-20T10:00:00Z',
    });
    expect(t.harness.rows('actor_profiles')).toEqual([
      expect.objectContaining({ actor_id: 'steve-witkoff', name: 'Steve Witkoff', kind: 'person', country: 'USA', represents: 'donald-trump' }),
    ]);
    expect(t.harness.rows('actor_names').map((row) => row.folded).sort()).toEqual(['steve witkoff', 'witkoff']);
    expect(t.harness.rows('actor_roles')).toEqual([
      { actor_id: 'steve-witkoff', seq: 0, title: 'Special envoy', represents: 'donald-trump', valid_from: null, valid_from_precision: null, valid_from_ms: null, valid_until: null, valid_until_precision: null },
    ]);
  });

  it('applies an update: given fields replace, null clears an optional one', () => {
    const t = setup();
    t.given(registered(), updated({ title: 'Special envoy for peace missions', represents: null, aliases: [] }));
    const profile = getActorProfile(t.harness.ctx, 'steve-witkoff');
    expect(profile).toMatchObject({ title: 'Special envoy for peace missions', aliases: [], updatedAt: '2025-03-01T10:00:00Z', registeredAt: '2025-01-20T10:00:00Z' });
    expect(profile).not.toHaveProperty('represents');
    expect(t.harness.rows('actor_profiles')[0]).toMatchObject({ represents: null });
  });

  it('keeps each role as a row that ends where the next begins, and answers the role held on a date', () => {
    const t = setup();
    t.given(
      v2(registered({ validFrom: { at: '2025-01-20', precision: 'day' } })),
      updatedFrom({ title: 'Special envoy for peace missions' }, { at: '2025-03-01', precision: 'month' }, '2025-03-10T10:00:00Z'),
      updatedFrom({ represents: null }, { at: '2025-06-01', precision: 'day' }, '2025-06-02T10:00:00Z'),
    );
    expect(t.harness.rows('actor_roles').map(({ seq, title, represents, valid_from, valid_from_precision, valid_from_ms, valid_until }) => [seq, title, represents, valid_from, valid_from_precision, valid_from_ms, valid_until])).toEqual([
      [0, 'Special envoy', 'donald-trump', '2025-01-20', 'day', Date.parse('2025-01-20T00:00:00Z'), '2025-03-01'],
      [1, 'Special envoy for peace missions', 'donald-trump', '2025-03-01', 'month', Date.parse('2025-03-01T00:00:00Z'), '2025-06-01'],
      [2, 'Special envoy for peace missions', null, '2025-06-01', 'day', Date.parse('2025-06-01T00:00:00Z'), null],
    ]);
    const on = (date: string) => actorRoleOn(t.harness.ctx, 'steve-witkoff', Date.parse(date));
    expect(on('2025-01-19T23:59:59Z')).toBeUndefined();
    expect(on('2025-02-28T23:59:59Z')).toEqual({ title: 'Special envoy', represents: 'donald-trump' });
    expect(on('2025-03-01T00:00:00Z')).toEqual({ title: 'Special envoy for peace missions', represents: 'donald-trump' });
    expect(on('2030-01-01T00:00:00Z')).toEqual({ title: 'Special envoy for peace missions', represents: null });
    expect(getActorProfile(t.harness.ctx, 'steve-witkoff')?.roles).toHaveLength(3);
  });

  it('reads an update recorded at v1 (no validFrom) as a role held from when it was recorded', () => {
    const t = setup();
    // As the upcasting store hands it to the projection.
    const v1 = updated({ title: 'Envoy' });
    t.given(registered(), { ...v1, data: EVENT_UPCASTERS.upcast(v1.type, v1.data, 1).data as ActorUpdated['data'] });
    expect(t.harness.rows('actor_roles').map((row) => [row.title, row.valid_from, row.valid_from_precision])).toEqual([
      ['Special envoy', null, null],
      ['Envoy', '2025-03-01T10:00:00Z', 'exact'],
    ]);
  });

  it('leaves the role rows alone for a change that touches no role', () => {
    const t = setup();
    t.given(registered(), updated({ name: 'Steven Witkoff', aliases: ['Steve'] }));
    expect(t.harness.rows('actor_roles')).toHaveLength(1);
    expect(t.harness.rows('actor_names').map((row) => row.folded).sort()).toEqual(['steve', 'steven witkoff']);
  });

  describe('listing actors', () => {
    const world = () => {
      const t = setup();
      t.given(
        registered(),
        registered({ actorId: 'recep-erdogan', name: 'Recep Tayyip Erdoğan', country: 'TUR', title: 'President', represents: undefined, aliases: [] }),
        registered({ actorId: 'rus', name: 'Russia', kind: 'state', country: 'RUS', title: undefined, represents: undefined, aliases: ['Russian Federation'] }),
        registered({ actorId: 'sergey-lavrov', name: 'Сергей Лавров', country: 'RUS', title: 'Foreign Minister', represents: 'rus', aliases: ['Sergey Lavrov'] }),
      );
      return (filters: Parameters<typeof actorsPage>[1] = {}) => actorsPage(t.harness.ctx, filters);
    };
    const ids = (page: ReturnType<typeof actorsPage>) => page.items.map((actor) => actor.actorId);

    it('lists every actor by id, all or by kind and country', () => {
      const list = world();
      expect(ids(list())).toEqual(['recep-erdogan', 'rus', 'sergey-lavrov', 'steve-witkoff']);
      expect(ids(list({ kind: 'state' }))).toEqual(['rus']);
      expect(ids(list({ country: 'RUS' }))).toEqual(['rus', 'sergey-lavrov']);
      expect(ids(list({ country: 'RUS', kind: 'person' }))).toEqual(['sergey-lavrov']);
      expect(list({ country: 'FRA' })).toEqual({ items: [], nextCursor: null });
    });

    it('finds a name or an alias containing the search, whatever its case and accents', () => {
      const list = world();
      expect(ids(list({ search: 'WITKOFF' }))).toEqual(['steve-witkoff']);
      expect(ids(list({ search: 'erdogan' }))).toEqual(['recep-erdogan']);
      expect(ids(list({ search: 'лавров' }))).toEqual(['sergey-lavrov']);
      expect(ids(list({ search: 'lavrov' }))).toEqual(['sergey-lavrov']);
      expect(ids(list({ search: 'russia' }))).toEqual(['rus']);
      expect(ids(list({ search: 'ss', kind: 'state' }))).toEqual(['rus']);
      expect(ids(list({ search: '  ' }))).toHaveLength(4);
      expect(ids(list({ search: '%' }))).toEqual([]);
    });

    it('pages by cursor, each actor once', () => {
      const list = world();
      const first = list({ limit: 3 });
      expect(ids(first)).toEqual(['recep-erdogan', 'rus', 'sergey-lavrov']);
      const second = list({ limit: 3, after: first.nextCursor! });
      expect(second).toEqual({ items: [expect.objectContaining({ actorId: 'steve-witkoff' })], nextCursor: null });
      expect(list({ limit: 4 }).nextCursor).toBeNull();
    });

    it('refuses a cursor it did not give out', () => {
      const list = world();
      expect(() => list({ after: 'not-a-cursor' })).toThrow(InvalidCursorError);
      expect(() => list({ after: Buffer.from('[1]').toString('base64url') })).toThrow(InvalidCursorError);
    });
  });

  it('builds the same rows in one rebuild batch as event by event', () => {
    const events: Recordable[] = [
      v2(registered({ validFrom: { at: '2025-01-20', precision: 'day' } })),
      registered({ actorId: 'rus', name: 'Russia', kind: 'state', represents: undefined }),
      updatedFrom({ title: 'Envoy', represents: 'rus' }, { at: '2025-02-01', precision: 'month' }, '2025-03-01T10:00:00Z'),
      updated({ aliases: ['Steve'] }),
    ];
    const live = setup();
    live.given(...events);
    const rebuilt = projectionHarness(actorsProjection);
    const recorder = eventRecorder();
    rebuilt.rebuild(events.map((event) => recorder.actor(event)));
    expect(rebuilt.dump()).toEqual(live.harness.dump());
    expect(rebuilt.rows('actor_roles')).toHaveLength(3);
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
    ['a validFrom that is not a date', [registered(), updatedFrom({ title: 'Envoy' }, { at: 'soon', precision: 'day' }, '2025-03-01T10:00:00Z')], 'malformed ActorUpdated: validFrom is not a date with a precision'],
    ['a validFrom without a precision', [registered({ validFrom: { at: '2025-01-20' } as never })], 'malformed ActorRegistered: validFrom is not a date with a precision'],
  ])('skips %s, with the reason, and keeps the profile as it was', (_, events, reason) => {
    const t = setup();
    const outcomes = t.given(...events);
    expect(outcomes[outcomes.length - 1]).toEqual({ applied: false, reason });
    expect(t.harness.rows('actor_profiles').length).toBeLessThanOrEqual(1);
    if (outcomes.length > 1) expect(getActorProfile(t.harness.ctx, 'steve-witkoff')).toMatchObject({ name: 'Steve Witkoff', updatedAt: '2025-01-20T10:00:00Z' });
  });
});
