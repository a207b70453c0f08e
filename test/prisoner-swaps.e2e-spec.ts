import { claimBasis, concludeBody, prisonerSwapBody, provenance } from './support/bodies';
import { expectAppended, expectProblem, historyTypes, invalidFields, openTrack, registerActors, talksHistory, talksPath } from './support/api';
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
});
