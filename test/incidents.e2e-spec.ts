import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { claimBasis, envoyVisitBody, prisonerSwapBody, provenance, reasonBody } from './support/bodies';
import { expectAppended, expectProblem, historyTypes, openTrack, recordClaim, registerActors, talksHistory, talksPath } from './support/api';
import { startTestApp, TestApp } from './support/test-app';

/** The recording clock has moved past a moment: what a `knownAt` between two writes needs. */
const pastMoment = async (moment: string): Promise<void> => {
  while (Date.now() <= Date.parse(moment)) await new Promise((resolve) => setImmediate(resolve));
};

describe('Incidents: claims that report one real-world event (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const linkBody = (sameAs: string, reason = 'The same exchange at Abu Dhabi airport') => ({ sameAs, ...reasonBody(reason, '2025-04-21') });
  const link = (talksId: string, eventId: string, sameAs: string) => app.api.post(`${talksPath(talksId)}/claims/${eventId}/same-as`).send(linkBody(sameAs));
  const unlink = (talksId: string, eventId: string, sameAs: string) =>
    app.api.post(`${talksPath(talksId)}/claims/${eventId}/not-same-as`).send(linkBody(sameAs, 'Two different exchanges'));

  /** Three analysts each record the same swap from their own outlet. */
  async function threeReports() {
    const { talksId, parties } = await openTrack(app);
    const reports: string[] = [];
    for (const [publisher, swapId] of [['TASS', 'swap-tass'], ['Reuters', 'swap-reuters'], ['Anadolu', 'swap-anadolu']]) {
      const analyst = await app.as('analyst');
      const response = await analyst.post(`${talksPath(talksId)}/prisoner-swaps`).send(prisonerSwapBody(swapId, parties[0], [], { provenance: provenance('reported', publisher) }));
      expect(response.status).toBe(201);
      reports.push(response.body.events[0].id);
    }
    return { talksId, parties, reports };
  }

  const statusOf = async (talksId: string, query = '') => (await app.api.get(`${talksPath(talksId)}${query}`).expect(200)).body;
  const swapsOnTimeline = async (talksId: string, query = '') =>
    ((await app.api.get(`/v1/timeline?talksId=${talksId}&type=PrisonerSwapped${query}`).expect(200)).body.items as Array<Record<string, any>>);

  it('done when: three reports by three analysts, once linked, are one incident with three sources that counts once; knownAt before the link shows three; unlinking restores them', async () => {
    const { talksId, reports } = await threeReports();
    const [tass, reuters, anadolu] = reports;
    expect((await statusOf(talksId)).counts).toMatchObject({ swaps: 3, prisonersFreed: { best: 3, low: 3, high: 3 } });
    const beforeLink = (await talksHistory(app, talksId))[3].recordedAt;
    await pastMoment(beforeLink);

    const editor = await app.as('editor');
    expectAppended(await editor.post(`${talksPath(talksId)}/claims/${reuters}/same-as`).send(linkBody(tass)), `talks-${talksId}`, 4, 'ClaimsLinked');
    const second = await link(talksId, anadolu, tass);
    expectAppended(second, `talks-${talksId}`, 5, 'ClaimsLinked');

    const linked = await statusOf(talksId, `?minPosition=${second.body.position}`);
    expect(linked.counts).toMatchObject({ swaps: 1, prisonersFreed: { best: 1, low: 1, high: 1 } });
    const items = await swapsOnTimeline(talksId);
    expect(items).toHaveLength(3);
    expect(new Set(items.map((item) => item.incident.id))).toEqual(new Set([tass]));
    expect(items[0].incident).toMatchObject({
      reports: [{ eventId: tass }, { eventId: reuters }, { eventId: anadolu }],
      sources: [
        { eventId: tass, publisher: 'TASS' },
        { eventId: reuters, publisher: 'Reuters' },
        { eventId: anadolu, publisher: 'Anadolu' },
      ],
      independentSources: 3,
      reconciled: { occurredFrom: '2025-02-11T00:00:00.000Z', occurredUntil: '2025-02-11T23:59:59.999Z', prisonersFreed: { best: 1, low: 1, high: 1 } },
    });

    // One entry per incident, when asked: the first report, carrying the others.
    expect((await swapsOnTimeline(talksId, '&incidents=one')).map((item) => [item.eventId, item.incident.reports.length])).toEqual([[tass, 3]]);

    // As known before the link: three claims, each counting.
    expect((await statusOf(talksId, `?knownAt=${beforeLink}`)).counts).toMatchObject({ swaps: 3, prisonersFreed: { best: 3 } });
    expect((await swapsOnTimeline(talksId, `&knownAt=${beforeLink}`)).map((item) => item.incident)).toEqual([undefined, undefined, undefined]);
    expect(await swapsOnTimeline(talksId, `&knownAt=${beforeLink}&incidents=one`)).toHaveLength(3);

    // Unlinking restores them.
    await unlink(talksId, reuters, tass).expect(201);
    const last = await unlink(talksId, tass, anadolu).expect(201);
    expect((await statusOf(talksId, `?minPosition=${last.body.position}`)).counts).toMatchObject({ swaps: 3, prisonersFreed: { best: 3 } });
    expect((await swapsOnTimeline(talksId)).map((item) => item.incident)).toEqual([undefined, undefined, undefined]);
    expect(await historyTypes(app, talksPath(talksId))).toEqual([
      'TalksOpened', 'PrisonerSwapped', 'PrisonerSwapped', 'PrisonerSwapped', 'ClaimsLinked', 'ClaimsLinked', 'ClaimsUnlinked', 'ClaimsUnlinked',
    ]);
  });

  it('records the link with both event ids, the reason and its provenance', async () => {
    const { talksId, reports } = await threeReports();
    await link(talksId, reports[1], reports[0].toUpperCase()).expect(201);
    expect((await talksHistory(app, talksId))[4].data).toEqual({
      talksId,
      eventId: reports[1],
      sameAs: reports[0],
      reason: 'The same exchange at Abu Dhabi airport',
      ...claimBasis('2025-04-21'),
      provenance: provenance(),
    });
  });

  it('refuses what the rules refuse, as problem+json, and appends nothing', async () => {
    const { talksId, parties, reports } = await threeReports();
    const [envoy] = await registerActors(app, 'envoy');
    const visit = await recordClaim(app, talksId, 'envoy-visits', envoyVisitBody(envoy));
    await link(talksId, reports[1], reports[0]).expect(201);

    expectProblem(await link(talksId, reports[0], reports[0]), 422, 'INCIDENT.SELF_LINK', 'sameAs');
    expectProblem(await link(talksId, reports[0], visit), 422, 'INCIDENT.TYPE_MISMATCH', 'sameAs');
    expectProblem(await link(talksId, reports[0], reports[1]), 409, 'INCIDENT.ALREADY_LINKED', 'sameAs');
    expectProblem(await link(talksId, reports[0], randomUUID()), 404, 'CLAIM.NOT_FOUND', 'sameAs');
    expectProblem(await unlink(talksId, reports[0], reports[2]), 409, 'INCIDENT.NOT_LINKED', 'sameAs');
    await app.api.post(`${talksPath(talksId)}/claims/${reports[2]}/retraction`).send(reasonBody('Misreported', '2025-04-21')).expect(201);
    expectProblem(await link(talksId, reports[0], reports[2]), 409, 'INCIDENT.RETRACTED_CLAIM', 'sameAs');
    expectProblem(await app.api.post(`${talksPath(talksId)}/claims/${reports[0]}/same-as`).send({ ...linkBody('not-a-uuid') }), 400, 'REQUEST.INVALID');
    expect(await historyTypes(app, talksPath(talksId))).toHaveLength(7);
    void parties;
  });

  it('links across tracks when both are named: recorded in the track of the path, read in both', async () => {
    const a = await threeReports();
    const b = await openTrack(app);
    const kyiv = await recordClaim(app, b.talksId, 'prisoner-swaps', prisonerSwapBody('swap-kyiv', b.parties[0], [], { provenance: provenance('confirmed', 'Ukrinform') }));
    const across = (sameAs: string, sameAsTalksId: string) =>
      app.api.post(`${talksPath(b.talksId)}/claims/${kyiv}/same-as`).send({ ...linkBody(sameAs), sameAsTalksId });

    expectProblem(await across(a.reports[0], b.talksId), 404, 'CLAIM.NOT_FOUND', 'sameAs');
    expectProblem(await across(a.reports[0], 'no-such-track'), 404, 'CLAIM.NOT_FOUND', 'sameAs');
    const linked = await across(a.reports[0], a.talksId);
    expectAppended(linked, `talks-${b.talksId}`, 2, 'ClaimsLinked');
    expect(await historyTypes(app, talksPath(a.talksId))).toHaveLength(4);

    const items = (await app.api.get(`/v1/timeline?type=PrisonerSwapped&talksId=${a.talksId}&minPosition=${linked.body.position}`).expect(200)).body.items;
    expect(items[0].incident).toMatchObject({ id: a.reports[0], reports: [{ talksId: a.talksId }, { eventId: kyiv, talksId: b.talksId }], independentSources: 2 });
    // Each track counts what it holds.
    expect((await statusOf(a.talksId)).counts.swaps).toBe(3);
    expect((await statusOf(b.talksId)).counts.swaps).toBe(1);
    await app.api.post(`${talksPath(b.talksId)}/claims/${kyiv}/not-same-as`).send({ ...linkBody(a.reports[0]), sameAsTalksId: a.talksId }).expect(201);
  });

  it('refuses a link that would close a cycle through another track, whichever track records it', async () => {
    const a = await threeReports();
    const [a1, a2] = a.reports;
    const b = await openTrack(app);
    const b1 = await recordClaim(app, b.talksId, 'prisoner-swaps', prisonerSwapBody('swap-kyiv', b.parties[0], [], { provenance: provenance('confirmed', 'Ukrinform') }));
    const acrossFrom = (talksId: string, eventId: string, sameAs: string, sameAsTalksId: string) =>
      app.api.post(`${talksPath(talksId)}/claims/${eventId}/same-as`).send({ ...linkBody(sameAs), sameAsTalksId });
    await acrossFrom(b.talksId, b1, a1, a.talksId).expect(201);

    // The same link again, recorded from the other side: track a holds no link, track b does.
    expectProblem(await acrossFrom(a.talksId, a1, b1, b.talksId), 409, 'INCIDENT.ALREADY_LINKED', 'sameAs');
    // a1 and a2 made one incident through b's report: a link within a would close a cycle.
    await acrossFrom(b.talksId, b1, a2, a.talksId).expect(201);
    expectProblem(await link(a.talksId, a2, a1), 409, 'INCIDENT.ALREADY_LINKED', 'sameAs');
    expect(await historyTypes(app, talksPath(a.talksId))).toHaveLength(4);

    // Undone in b, the two are separate again and may be linked within a.
    await app.api.post(`${talksPath(b.talksId)}/claims/${b1}/not-same-as`).send({ ...linkBody(a2, 'Two different exchanges'), sameAsTalksId: a.talksId }).expect(201);
    expectAppended(await link(a.talksId, a2, a1), `talks-${a.talksId}`, 4, 'ClaimsLinked');
  });

  it('refuses one of two links sent at once, in two tracks, that together would close a cycle', async () => {
    const a = await threeReports();
    const [a1, a2] = a.reports;
    const b = await openTrack(app);
    const b1 = await recordClaim(app, b.talksId, 'prisoner-swaps', prisonerSwapBody('swap-kyiv', b.parties[0], [], { provenance: provenance('confirmed', 'Ukrinform') }));
    await app.api.post(`${talksPath(b.talksId)}/claims/${b1}/same-as`).send({ ...linkBody(a1), sameAsTalksId: a.talksId }).expect(201);

    // Each alone is allowed: a2–a1 within a, or b1–a2 from b. Both would make a1, b1, a2 a cycle.
    const answers = await Promise.all([
      link(a.talksId, a2, a1),
      app.api.post(`${talksPath(b.talksId)}/claims/${b1}/same-as`).send({ ...linkBody(a2), sameAsTalksId: a.talksId }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expectProblem(answers.find((answer) => answer.status === 409)!, 409, 'INCIDENT.ALREADY_LINKED', 'sameAs');
  });

  it('needs an editor: an analyst is refused', async () => {
    const { talksId, reports } = await threeReports();
    const analyst = await app.as('analyst');
    expectProblem(await analyst.post(`${talksPath(talksId)}/claims/${reports[1]}/same-as`).send(linkBody(reports[0])), 403, 'AUTH.FORBIDDEN');
  });

  it('does not count a syndicated copy as an independent source', async () => {
    const { talksId, parties } = await openTrack(app);
    const wire = await recordClaim(app, talksId, 'prisoner-swaps', prisonerSwapBody('wire', parties[0], [], { provenance: provenance('reported', 'Reuters') }));
    const reprint = await recordClaim(
      app,
      talksId,
      'prisoner-swaps',
      prisonerSwapBody('reprint', parties[0], [], { provenance: { sources: [{ publisher: 'Daily Sabah', syndicatedFrom: 'Reuters' }], confidence: 'reported' } }),
    );
    const linked = await link(talksId, reprint, wire).expect(201);
    const items = (await app.api.get(`/v1/timeline?talksId=${talksId}&type=PrisonerSwapped&minPosition=${linked.body.position}`).expect(200)).body.items;
    expect(items[0].incident).toMatchObject({ independentSources: 1, sources: [{ publisher: 'Reuters' }, { publisher: 'Daily Sabah', syndicatedFrom: 'Reuters' }] });
  });

  it('exports the incident id and its source count per row', async () => {
    const { talksId, reports } = await threeReports();
    const linked = await link(talksId, reports[2], reports[0]).expect(201);
    const csv = await app.api.get(`/v1/timeline?talksId=${talksId}&type=PrisonerSwapped&minPosition=${linked.body.position}`).set('accept', 'text/csv').expect(200);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.incidentId, row.incidentSourceCount])).toEqual([
      [reports[0], '2'],
      [reports[1], '1'],
      [reports[0], '2'],
    ]);
    const dataset = await app.api.get(`/v1/timeline?talksId=${talksId}&type=PrisonerSwapped&shape=claims`).set('accept', 'application/x-ndjson').expect(200);
    const records = dataset.text.trim().split('\n').map((line) => JSON.parse(line));
    expect(records.map((record) => [record.incidentId, record.incidentSourceCount])).toEqual([
      [reports[0], 2],
      [reports[1], 1],
      [reports[0], 2],
    ]);
  });

  it('suggests pairs to link, best first, and no longer once they are linked', async () => {
    const { talksId, reports } = await threeReports();
    const suggestions = (await app.api.get(`/v1/incidents/suggestions?talksId=${talksId}`).expect(200)).body.items;
    expect(suggestions).toHaveLength(3);
    expect(suggestions[0]).toMatchObject({ talksId, type: 'PrisonerSwapped', score: expect.any(Number) });
    const linked = await link(talksId, reports[1], reports[0]).expect(201);
    const after = (await app.api.get(`/v1/incidents/suggestions?talksId=${talksId}&minPosition=${linked.body.position}`).expect(200)).body.items;
    expect(after.map((s: { eventId: string; sameAs: string }) => [s.eventId, s.sameAs].sort().join())).not.toContain([reports[0], reports[1]].sort().join());
    expect(after).toHaveLength(2);
    await app.api.get('/v1/incidents/suggestions?limit=0').expect(400);
  });

  it('suggests pairs across tracks when asked, with both tracks, to link as suggested', async () => {
    // A day no other test records on: only these claims can pair.
    const swapOn = (track: { talksId: string; parties: string[] }, swapId: string, publisher: string) =>
      recordClaim(app, track.talksId, 'prisoner-swaps', prisonerSwapBody(swapId, track.parties[0], [], { ...claimBasis('2025-08-19'), provenance: provenance('reported', publisher) }));
    const [a, b] = [await openTrack(app), await openTrack(app)];
    const tass = await swapOn(a, 'swap-tass', 'TASS');
    const kyiv = await swapOn(b, 'swap-kyiv', 'Ukrinform');
    const suggested = async (query: string) => (await app.api.get(`/v1/incidents/suggestions?${query}`).expect(200)).body.items as Array<Record<string, unknown>>;

    expect(await suggested(`talksId=${b.talksId}`)).toEqual([]);
    const across = await suggested(`talksId=${b.talksId}&acrossTracks=true`);
    // Both swaps free a US citizen: they share a country, if no actor.
    expect(across).toEqual([{ talksId: a.talksId, type: 'PrisonerSwapped', eventId: tass, sameAs: kyiv, sameAsTalksId: b.talksId, score: 0.5, sharedActors: [], sharedCountries: ['USA'] }]);
    expect((await suggested('acrossTracks=true&limit=100')).filter((pair) => pair.sameAs === kyiv)).toEqual(across);

    const [pair] = across;
    const linked = await app.api
      .post(`${talksPath(pair.talksId as string)}/claims/${pair.eventId}/same-as`)
      .send({ ...linkBody(pair.sameAs as string), sameAsTalksId: pair.sameAsTalksId })
      .expect(201);
    expect(await suggested(`talksId=${b.talksId}&acrossTracks=true&minPosition=${linked.body.position}`)).toEqual([]);
    expectProblem(await app.api.get('/v1/incidents/suggestions?acrossTracks=yes'), 400, 'REQUEST.INVALID');
  });
});
