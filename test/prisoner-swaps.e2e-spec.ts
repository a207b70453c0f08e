import { claimBasis, concludeBody, correctionBody, prisonerSwapBody, provenance } from './support/bodies';
import { expectAppended, expectProblem, historyTypes, invalidFields, openTrack, recordClaim, registerActors, talksHistory, talksPath } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

describe('Prisoner swaps (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const postSwap = (talksId: string, body: object) => app.api.post(`${talksPath(talksId)}/prisoner-swaps`).send(body);

  /** A track between two registered states, with a registered mediator that is not a party. */
  async function trackWithMediator(): Promise<{ talksId: string; parties: string[]; mediator: string }> {
    const [mediator] = await registerActors(app, 'steve-witkoff');
    const { talksId, parties } = await openTrack(app);
    return { talksId, parties, mediator };
  }

  it('records PrisonerSwapped: 201, ETag "1", every release kept, nationality upper-cased, talksId from the path', async () => {
    const { talksId, parties, mediator } = await trackWithMediator();
    const [rus, usa] = parties;
    const swapId = uniqueSlug('fogel-vinnik');
    const releases = [
      { person: 'Marc Fogel', nationality: 'usa', releasedBy: rus, detainedSince: '2021-08', sentence: '14 years' },
      { person: 'Alexander Vinnik', nationality: 'Rus', releasedBy: usa },
    ];
    const response = await app.api
      .post(`${talksPath(talksId)}/prisoner-swaps`)
      .set('x-correlation-id', 'corr-swap-1')
      .send(prisonerSwapBody(swapId, rus, [mediator], { releases }));
    const eventId = expectAppended(response, `talks-${talksId}`, 1, 'PrisonerSwapped');

    const [, swapped] = await talksHistory(app, talksId);
    expect(swapped).toMatchObject({ id: eventId, revision: 1, metadata: { correlationId: 'corr-swap-1', recordedBy: 'admin', schemaVersion: 2 } });
    expect(swapped.data).toEqual({
      talksId,
      swapId,
      releases: [
        { person: 'Marc Fogel', nationality: 'USA', releasedBy: rus, detainedSince: '2021-08', sentence: '14 years' },
        { person: 'Alexander Vinnik', nationality: 'RUS', releasedBy: usa },
      ],
      mediators: [mediator],
      occurredAt: '2025-02-11',
      precision: 'day',
      provenance: provenance(),
    });
  });

  it('400 REQUEST.INVALID naming each bad field inside releases; nothing is appended', async () => {
    const { talksId, parties } = await openTrack(app);
    const response = await postSwap(talksId, {
      ...prisonerSwapBody('swap-1', parties[0]),
      releases: [{ person: 'Marc Fogel', nationality: 'XXX', releasedBy: 'Russia', detainedSince: 'August 2021' }],
    });
    expect(invalidFields(response)).toEqual(['releases[0].detainedSince', 'releases[0].nationality', 'releases[0].releasedBy']);
    expect(invalidFields(await postSwap(talksId, { ...prisonerSwapBody('swap-1', parties[0]), releases: [], mediators: undefined }))).toEqual([
      'mediators',
      'releases',
    ]);
    expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
  });

  it('400 REQUEST.INVALID for a path id that is not a slug', async () => {
    const [rus] = await registerActors(app, 'rus');
    expect(invalidFields(await postSwap('Talks_1', prisonerSwapBody('swap-1', rus)))).toEqual(['id']);
  });

  it('404 TALKS.NOT_OPENED for a track nobody opened; nothing is recorded', async () => {
    const [rus] = await registerActors(app, 'rus');
    const talksId = uniqueSlug('never-opened');
    expectProblem(await postSwap(talksId, prisonerSwapBody('swap-1', rus)), 404, 'TALKS.NOT_OPENED');
    expect(await historyTypes(app, talksPath(talksId))).toEqual([]);
  });

  it('409 SWAP.DUPLICATE when the same swap is recorded twice; nothing is appended', async () => {
    const { talksId, parties } = await openTrack(app);
    const swapId = uniqueSlug('swap');
    await postSwap(talksId, prisonerSwapBody(swapId, parties[0])).expect(201);
    expectProblem(await postSwap(talksId, prisonerSwapBody(swapId, parties[1])), 409, 'SWAP.DUPLICATE', 'swapId');
    expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'PrisonerSwapped']);
  });

  it('422 ACTOR.UNKNOWN naming the release or mediator field of an unregistered actor; nothing is appended', async () => {
    const { talksId, parties } = await openTrack(app);
    expectProblem(await postSwap(talksId, prisonerSwapBody(uniqueSlug('swap'), uniqueSlug('ghost'))), 422, 'ACTOR.UNKNOWN', 'releases[0].releasedBy');
    expectProblem(await postSwap(talksId, prisonerSwapBody(uniqueSlug('swap'), parties[0], [uniqueSlug('ghost')])), 422, 'ACTOR.UNKNOWN', 'mediators[0]');
    expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
  });

  it('422 DATE.END_BEFORE_START when a person was detained after the swap; nothing is appended', async () => {
    const { talksId, parties } = await openTrack(app);
    const body = prisonerSwapBody(uniqueSlug('swap'), parties[0], [], {
      releases: [{ person: 'Marc Fogel', nationality: 'USA', releasedBy: parties[0], detainedSince: '2025-03' }],
    });
    expectProblem(await postSwap(talksId, body), 422, 'DATE.END_BEFORE_START', 'releases[0].detainedSince');
    expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
  });

  it('422 DATE.IN_FUTURE for a swap or a detention dated 2999; nothing is appended', async () => {
    const { talksId, parties } = await openTrack(app);
    expectProblem(await postSwap(talksId, prisonerSwapBody(uniqueSlug('swap'), parties[0], [], claimBasis('2999-01-01'))), 422, 'DATE.IN_FUTURE', 'occurredAt');
    const detainedLater = prisonerSwapBody(uniqueSlug('swap'), parties[0], [], {
      releases: [{ person: 'Marc Fogel', nationality: 'USA', releasedBy: parties[0], detainedSince: '2999' }],
    });
    expectProblem(await postSwap(talksId, detainedLater), 422, 'DATE.IN_FUTURE', 'releases[0].detainedSince');
    expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
  });

  it('409 TALKS.CONCLUDED for a swap on a concluded track; nothing is appended', async () => {
    const { talksId, parties } = await openTrack(app);
    await app.api.post(`${talksPath(talksId)}/conclude`).send(concludeBody()).expect(201);
    expectProblem(await postSwap(talksId, prisonerSwapBody(uniqueSlug('swap'), parties[0])), 409, 'TALKS.CONCLUDED');
    expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksConcluded']);
  });

  describe('a total beside the named releases, and whom each was released to', () => {
    const person = (name: string, releasedBy: string, releasedTo?: string) => ({ person: name, nationality: 'USA', releasedBy, ...(releasedTo ? { releasedTo } : {}) });

    it('a swap of 26 that names 5 counts 26 in the status and lists the 5 with whom they went to, now, as of its day, and as known before a correction', async () => {
      const { talksId, parties } = await openTrack(app);
      const [rus, usa] = parties;
      const releases = ['A', 'B', 'C', 'D', 'E'].map((name, index) => person(name, rus, index < 2 ? usa : undefined));
      const swapId = await recordClaim(app, talksId, 'prisoner-swaps', prisonerSwapBody(uniqueSlug('swap'), rus, [], { releases, total: { best: 26, high: 30 } }));
      const [, swapped] = await talksHistory(app, talksId);
      expect(swapped.data).toMatchObject({ total: { best: 26, high: 30 }, releases: [{ releasedTo: usa }, { releasedTo: usa }, { person: 'C' }, { person: 'D' }, { person: 'E' }] });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const beforeCorrection = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const corrected = await app.api.post(`${talksPath(talksId)}/claims/${swapId}/corrections`).send(correctionBody({ total: { best: 27 } })).expect(201);
      const read = (path: string) => app.api.get(path).set('x-min-position', corrected.body.position).expect(200);

      expect((await read(`${talksPath(talksId)}`)).body.counts).toMatchObject({ swaps: 1, prisonersFreed: { best: 27, low: 27, high: 27 } });
      expect((await read(`${talksPath(talksId)}?knownAt=${beforeCorrection}`)).body.counts.prisonersFreed).toEqual({ best: 26, low: 26, high: 30 });
      expect((await read(`${talksPath(talksId)}?asOf=2025-02-10`)).body.counts.prisonersFreed.best).toBe(0);
      expect((await read(`${talksPath(talksId)}?asOf=2025-02-11`)).body.counts.prisonersFreed.best).toBe(27);
      const listed = (await read(`/v1/releases?talksId=${talksId}`)).body.items;
      expect(listed.map((item: { person: string; releasedTo: string | null }) => [item.person, item.releasedTo])).toEqual([
        ['A', usa],
        ['B', usa],
        ['C', null],
        ['D', null],
        ['E', null],
      ]);
      expect((await read(`/v1/releases?talksId=${talksId}&releasedTo=${usa}`)).body.items.map((item: { person: string }) => item.person)).toEqual(['A', 'B']);
    });

    it('422 SWAP.TOTAL_BELOW_NAMED when the total is below the people named, recorded or corrected; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const two = [person('A', parties[0]), person('B', parties[0])];
      expectProblem(await postSwap(talksId, prisonerSwapBody(uniqueSlug('swap'), parties[0], [], { releases: two, total: { best: 1 } })), 422, 'SWAP.TOTAL_BELOW_NAMED', 'total.best');
      const swapId = await recordClaim(app, talksId, 'prisoner-swaps', prisonerSwapBody(uniqueSlug('swap'), parties[0], [], { releases: two, total: { best: 2 } }));
      const correct = (changes: Record<string, unknown>) => app.api.post(`${talksPath(talksId)}/claims/${swapId}/corrections`).send(correctionBody(changes));
      expectProblem(await correct({ releases: [...two, person('C', parties[0])] }), 422, 'SWAP.TOTAL_BELOW_NAMED', 'total.best');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'PrisonerSwapped']);
    });

    it('422 SWAP.RELEASED_TO_RELEASER and ACTOR.UNKNOWN for whom a person was released to; 400 for a total that is no count', async () => {
      const { talksId, parties } = await openTrack(app);
      expectProblem(await postSwap(talksId, prisonerSwapBody(uniqueSlug('swap'), parties[0], [], { releases: [person('A', parties[0], parties[0])] })), 422, 'SWAP.RELEASED_TO_RELEASER', 'releases[0].releasedTo');
      expectProblem(await postSwap(talksId, prisonerSwapBody(uniqueSlug('swap'), parties[0], [], { releases: [person('A', parties[0], uniqueSlug('ghost'))] })), 422, 'ACTOR.UNKNOWN', 'releases[0].releasedTo');
      expect(invalidFields(await postSwap(talksId, prisonerSwapBody('swap-1', parties[0], [], { total: { best: -1 } })))).toEqual(['total.best']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });
  });
});
