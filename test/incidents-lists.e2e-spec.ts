import { envoyVisitBody, prisonerSwapBody, provenance, reasonBody } from './support/bodies';
import { openTrack, recordClaim, registerActors, talksHistory, talksPath } from './support/api';
import { startTestApp, TestApp } from './support/test-app';

describe('Incidents in the releases, an actor’s activity and changedSince pulls (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const linkBody = (sameAs: string) => ({ sameAs, ...reasonBody('The same exchange at Abu Dhabi airport', '2025-04-21') });
  /** Links, and answers the position to read at. */
  const link = async (talksId: string, eventId: string, sameAs: string, undo = false): Promise<string> =>
    (await app.api.post(`${talksPath(talksId)}/claims/${eventId}/${undo ? 'not-same-as' : 'same-as'}`).send(linkBody(sameAs)).expect(201)).body.position;

  /** One swap, mediated by a fresh actor, reported by TASS, Reuters and Anadolu: each names Marc Fogel (Reuters in capitals). */
  async function threeReports() {
    const [mediator] = await registerActors(app, 'mediator');
    const { talksId, parties } = await openTrack(app, [mediator]);
    const reports: string[] = [];
    for (const publisher of ['TASS', 'Reuters', 'Anadolu']) {
      const releases = [{ person: publisher === 'Reuters' ? 'MARC FOGEL' : 'Marc Fogel', nationality: 'USA', releasedBy: parties[0] }];
      const body = prisonerSwapBody(`swap-${publisher.toLowerCase()}`, parties[0], [mediator], { releases, provenance: provenance('reported', publisher) });
      reports.push(await recordClaim(app, talksId, 'prisoner-swaps', body));
    }
    return { talksId, mediator, reports };
  }

  const releases = async (talksId: string, position: string) =>
    (await app.api.get(`/v1/releases?talksId=${talksId}&minPosition=${position}`).expect(200)).body.items as Array<Record<string, any>>;

  it('lists Marc Fogel once when the three reports are linked, with the reports naming him; the next report represents him once the first is retracted', async () => {
    const { talksId, reports } = await threeReports();
    const [tass, reuters, anadolu] = reports;
    await link(talksId, reuters, tass);
    const linked = await link(talksId, anadolu, tass);
    expect(await releases(talksId, linked)).toEqual([
      expect.objectContaining({ eventId: tass, person: 'Marc Fogel', incident: { id: tass, reports: [tass, reuters, anadolu] } }),
    ]);

    const retraction = await app.api.post(`${talksPath(talksId)}/claims/${tass}/retraction`).send(reasonBody('Misreported', '2025-04-21')).expect(201);
    expect(await releases(talksId, retraction.body.position)).toEqual([
      expect.objectContaining({ eventId: reuters, person: 'MARC FOGEL', incident: { id: reuters, reports: [reuters, anadolu] } }),
    ]);
    const unlinked = await link(talksId, anadolu, tass, true);
    expect((await releases(talksId, unlinked)).map((item) => [item.eventId, item.incident])).toEqual([
      [reuters, undefined],
      [anadolu, undefined],
    ]);
  });

  it('counts a deal reported three times once in its mediator’s activity, and a visit reported twice once', async () => {
    const { talksId, mediator, reports } = await threeReports();
    await link(talksId, reports[1], reports[0]);
    const last = await link(talksId, reports[2], reports[0]);
    const activity = (await app.api.get(`/v1/actors/${mediator}/activity?minPosition=${last}`).expect(200)).body;
    expect(activity.dealsMediated).toEqual([
      { eventId: reports[0], talksId, type: 'PrisonerSwapped', occurredAt: '2025-02-11', occurredUntil: null, incident: { id: reports[0], reports } },
    ]);

    const [envoy] = await registerActors(app, 'envoy');
    const tass = await recordClaim(app, talksId, 'envoy-visits', envoyVisitBody(envoy, { occurredAt: '2025-04-10', occurredUntil: '2025-04-12' }));
    const ap = await recordClaim(app, talksId, 'envoy-visits', envoyVisitBody(envoy, { provenance: provenance('reported', 'AP') }));
    const visits = (await app.api.get(`/v1/actors/${envoy}/activity?minPosition=${await link(talksId, ap, tass)}`).expect(200)).body.visits;
    expect(visits).toEqual({
      count: 1,
      list: [{ eventId: tass, talksId, country: 'RUS', city: 'Saint Petersburg', occurredAt: '2025-04-10', occurredUntil: '2025-04-12', incident: { id: tass, reports: [tass, ap] } }],
    });
  });

  it('re-sends, in a changedSince pull, the claims a link joined and an unlink split, as corrected with their incident', async () => {
    const { talksId, reports } = await threeReports();
    const before = (await talksHistory(app, talksId)).at(-1)!.position;
    let readAt = before;
    const pull = async (since: string) => {
      const response = await app.api
        .get(`/v1/timeline?talksId=${talksId}&shape=claims&changedSince=${since}&minPosition=${readAt}`)
        .set('accept', 'application/x-ndjson')
        .expect(200);
      return response.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .map((row) => [row.change, row.eventId, row.version, row.incidentId, row.incidentSourceCount]);
    };
    // Rows of one position come in event id order.
    const byEventId = (a: unknown[], b: unknown[]) => (String(a[1]) < String(b[1]) ? -1 : 1);
    const linked = (readAt = await link(talksId, reports[1], reports[0]));
    expect(await pull(before)).toEqual(
      [
        ['corrected', reports[0], 0, reports[0], 2],
        ['corrected', reports[1], 0, reports[0], 2],
      ].sort(byEventId),
    );
    readAt = await link(talksId, reports[1], reports[0], true);
    expect(await pull(linked)).toEqual(
      [
        ['corrected', reports[0], 0, reports[0], 1],
        ['corrected', reports[1], 0, reports[1], 1],
      ].sort(byEventId),
    );
  });
});
