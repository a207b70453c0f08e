import { ceasefireBody, endCeasefireBody, envoyVisitBody, violationBody } from './support/bodies';
import { expectProblem, openTrack, talksHistory, talksPath } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Two API instances writing to one store, as two replicas do: each keeps its own cached state of
 * a track, and must still decide every command on everything the other has recorded.
 */
describe('Two API instances writing one track (e2e)', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp();
    // On SQLite the same file; on EventStoreDB the same server, with read models of its own.
    const { PARLEY_DB, ...store } = first.eventStoreEnv;
    second = await startTestApp(store.PARLEY_EVENT_STORE ? store : { PARLEY_DB });
  });

  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('a ceasefire ended through one cannot be ended, or violated, through the other: 409', async () => {
    const { talksId, parties } = await openTrack(first);
    const ceasefireId = uniqueSlug('truce');
    // Both instances fold the track before either sees the other's writes.
    await second.api.post(`${talksPath(talksId)}/envoy-visits`).send(envoyVisitBody(parties[0])).expect(201);
    await first.api.post(`${talksPath(talksId)}/ceasefires`).send(ceasefireBody(ceasefireId, parties)).expect(201);
    await second.api.post(`${talksPath(talksId)}/ceasefires/${ceasefireId}/end`).send(endCeasefireBody('collapsed')).expect(201);

    expectProblem(await first.api.post(`${talksPath(talksId)}/ceasefires/${ceasefireId}/end`).send(endCeasefireBody()), 409, 'CEASEFIRE.ALREADY_ENDED');
    expectProblem(
      await first.api.post(`${talksPath(talksId)}/ceasefires/${ceasefireId}/violations`).send(violationBody(parties[0], parties[1])),
      409,
      'CEASEFIRE.ALREADY_ENDED',
      'ceasefireId',
    );
    expect((await talksHistory(first, talksId)).map((event) => event.type)).toEqual(['TalksOpened', 'EnvoyVisited', 'CeasefireBrokered', 'CeasefireEnded']);
  });

  it('a refusal is never answered from a stale state: a ceasefire brokered through one can be ended through the other', async () => {
    const { talksId, parties } = await openTrack(first);
    const ceasefireId = uniqueSlug('truce');
    // The first instance holds the track as of this visit; the ceasefire reaches the store through the second.
    await first.api.post(`${talksPath(talksId)}/envoy-visits`).send(envoyVisitBody(parties[0])).expect(201);
    await second.api.post(`${talksPath(talksId)}/ceasefires`).send(ceasefireBody(ceasefireId, parties)).expect(201);

    await first.api.post(`${talksPath(talksId)}/ceasefires/${ceasefireId}/end`).send(endCeasefireBody('collapsed')).expect(201);
    await first.api.post(`${talksPath(talksId)}/envoy-visits`).send(envoyVisitBody(parties[1])).expect(201);

    const history = await talksHistory(first, talksId);
    expect(history.map((event) => [event.type, event.revision])).toEqual([
      ['TalksOpened', 0],
      ['EnvoyVisited', 1],
      ['CeasefireBrokered', 2],
      ['CeasefireEnded', 3],
      ['EnvoyVisited', 4],
    ]);
  });

  it('writes alternating and racing between the two land once each, at contiguous revisions, each answered with its own place', async () => {
    const { talksId, parties } = await openTrack(first);
    const visit = (app: TestApp) => app.api.post(`${talksPath(talksId)}/envoy-visits`).send(envoyVisitBody(parties[0]));
    for (let round = 0; round < 5; round++) {
      await visit(first).expect(201);
      await visit(second).expect(201);
    }
    const racing = await Promise.all(Array.from({ length: 20 }, (_, i) => visit(i % 2 === 0 ? first : second)));
    expect(racing.map((response) => response.status)).toEqual(Array(20).fill(201));

    const history = await talksHistory(second, talksId);
    expect(history.map((event) => event.revision)).toEqual(Array.from({ length: 31 }, (_, i) => i));
    expect(new Set(racing.map((response) => response.body.events[0].id)).size).toBe(20);
    // Racing commands on one instance go out in shared appends; each answer still names its own event's place.
    const placeOf = new Map(history.map((event) => [event.id, { revision: event.revision, position: event.position }]));
    for (const { body } of racing) expect(placeOf.get(body.events[0].id)).toEqual({ revision: body.revision, position: body.position });
  });
});
