import { ceasefireBody, claimBasis, concludeBody, correctionBody, endCeasefireBody, extendCeasefireBody, hostageReleaseBody, provenance, retractionBody, violationBody } from './support/bodies';
import { expectAppended, expectProblem, historyTypes, invalidFields, openTrack, registerActors, talksHistory, talksPath } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

describe('Ceasefires and hostage releases (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (talksId: string, path: string, body: object) => app.api.post(`${talksPath(talksId)}/${path}`).send(body);

  /** An opened track with a ceasefire brokered between its two parties. */
  async function trackWithCeasefire(): Promise<{ talksId: string; parties: string[]; ceasefireId: string }> {
    const { talksId, parties } = await openTrack(app);
    const ceasefireId = uniqueSlug('gaza-phase-1');
    await post(talksId, 'ceasefires', ceasefireBody(ceasefireId, parties)).expect(201);
    return { talksId, parties, ceasefireId };
  }

  describe('POST /v1/talks/:id/ceasefires', () => {
    it('records CeasefireBrokered: 201, ETag "1", dates and loose counts kept, talksId from the path', async () => {
      const [qat] = await registerActors(app, 'qat');
      const { talksId, parties } = await openTrack(app);
      const ceasefireId = uniqueSlug('gaza-phase-1');
      const response = await app.api
        .post(`${talksPath(talksId)}/ceasefires`)
        .set('x-correlation-id', 'corr-ceasefire-1')
        .send(ceasefireBody(ceasefireId, parties, [qat]));
      const eventId = expectAppended(response, `talks-${talksId}`, 1, 'CeasefireBrokered');

      const [, brokered] = await talksHistory(app, talksId);
      expect(brokered).toMatchObject({ id: eventId, metadata: { correlationId: 'corr-ceasefire-1', recordedBy: 'admin', schemaVersion: 2 } });
      expect(brokered.data).toEqual({
        talksId,
        ceasefireId,
        parties,
        mediators: [qat],
        effectiveFrom: '2025-01-19',
        endsAt: '2025-03-01',
        terms: { hostagesToRelease: { best: 33 }, prisonersToRelease: { best: 1900, low: 1800, high: 2000 }, summary: 'Phase one' },
        occurredAt: '2025-01-15',
        precision: 'day',
        provenance: provenance(),
      });
    });

    it('accepts a ceasefire agreed now that takes effect in 2999', async () => {
      const { talksId, parties } = await openTrack(app);
      const response = await post(talksId, 'ceasefires', ceasefireBody(uniqueSlug('later'), parties, [], { effectiveFrom: '2999-01-01', endsAt: undefined }));
      expectAppended(response, `talks-${talksId}`, 1, 'CeasefireBrokered');
    });

    it('400 REQUEST.INVALID naming each bad field, nested terms included; 400 for a path id that is not a slug', async () => {
      const { talksId, parties } = await openTrack(app);
      const response = await post(talksId, 'ceasefires', {
        ...ceasefireBody('Gaza 1', [parties[0]]),
        effectiveFrom: 'soon',
        terms: { prisonersToRelease: { best: -1 }, hostagesToRelease: { best: 'thirty' } },
      });
      expect(invalidFields(response)).toEqual([
        'ceasefireId',
        'effectiveFrom',
        'parties',
        'terms.hostagesToRelease.best',
        'terms.prisonersToRelease.best',
        'terms.summary',
      ]);
      expect(invalidFields(await post('Gaza', 'ceasefires', ceasefireBody('gaza-1', parties)))).toEqual(['id']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('404 TALKS.NOT_OPENED for a track nobody opened', async () => {
      const parties = await registerActors(app, 'isr', 'hamas');
      const talksId = uniqueSlug('never-opened');
      expectProblem(await post(talksId, 'ceasefires', ceasefireBody('gaza-1', parties)), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual([]);
    });

    it('422 CEASEFIRE.TOO_FEW_PARTIES when both parties are the same actor; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      expectProblem(await post(talksId, 'ceasefires', ceasefireBody(uniqueSlug('c'), [parties[0], parties[0]])), 422, 'CEASEFIRE.TOO_FEW_PARTIES', 'parties');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('409 CEASEFIRE.DUPLICATE when the same ceasefire is brokered twice; nothing is appended', async () => {
      const { talksId, parties, ceasefireId } = await trackWithCeasefire();
      expectProblem(await post(talksId, 'ceasefires', ceasefireBody(ceasefireId, parties)), 409, 'CEASEFIRE.DUPLICATE', 'ceasefireId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered']);
    });

    it('422 DATE.END_BEFORE_START when endsAt is before effectiveFrom; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const body = ceasefireBody(uniqueSlug('c'), parties, [], { effectiveFrom: '2025-01-19', endsAt: '2025-01-10' });
      expectProblem(await post(talksId, 'ceasefires', body), 422, 'DATE.END_BEFORE_START', 'endsAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('422 COUNT.INVALID when a count’s low exceeds its best; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const body = ceasefireBody(uniqueSlug('c'), parties, [], { terms: { prisonersToRelease: { best: 1900, low: 2000 }, summary: 'Phase one' } });
      expectProblem(await post(talksId, 'ceasefires', body), 422, 'COUNT.INVALID', 'terms.prisonersToRelease.low');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('422 ACTOR.UNKNOWN for an unregistered mediator; 422 DATE.IN_FUTURE for a brokering dated 2999; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      expectProblem(await post(talksId, 'ceasefires', ceasefireBody(uniqueSlug('c'), parties, [uniqueSlug('ghost')])), 422, 'ACTOR.UNKNOWN', 'mediators[0]');
      expectProblem(await post(talksId, 'ceasefires', ceasefireBody(uniqueSlug('c'), parties, [], claimBasis('2999-01-01'))), 422, 'DATE.IN_FUTURE', 'occurredAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('409 TALKS.CONCLUDED for a ceasefire on a concluded track; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      await post(talksId, 'conclude', concludeBody()).expect(201);
      expectProblem(await post(talksId, 'ceasefires', ceasefireBody(uniqueSlug('c'), parties)), 409, 'TALKS.CONCLUDED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksConcluded']);
    });
  });

  describe('POST /v1/talks/:id/ceasefires/:ceasefireId/violations', () => {
    it('records CeasefireViolated: 201, ETag "2", ceasefireId and talksId from the path', async () => {
      const { talksId, parties, ceasefireId } = await trackWithCeasefire();
      const [isr, hamas] = parties;
      const response = await post(talksId, `ceasefires/${ceasefireId}/violations`, violationBody(isr, hamas));
      const eventId = expectAppended(response, `talks-${talksId}`, 2, 'CeasefireViolated');

      const history = await talksHistory(app, talksId);
      expect(history[2]).toMatchObject({ id: eventId, metadata: { recordedBy: 'admin', schemaVersion: 2 } });
      expect(history[2].data).toEqual({
        talksId,
        ceasefireId,
        allegedBy: isr,
        against: hamas,
        description: 'Rocket fire reported',
        occurredAt: '2025-02-01',
        precision: 'day',
        provenance: provenance(),
      });
    });

    it('400 REQUEST.INVALID for a bad body, a ceasefireId in the body, or path ids that are not slugs; nothing is appended', async () => {
      const { talksId, parties, ceasefireId } = await trackWithCeasefire();
      const response = await post(talksId, `ceasefires/${ceasefireId}/violations`, {
        ...violationBody('Israel', parties[1]),
        description: undefined,
        ceasefireId: 'other',
      });
      expect(invalidFields(response)).toEqual(['allegedBy', 'ceasefireId', 'description']);
      expect(invalidFields(await post(talksId, 'ceasefires/Not_Slug/violations', violationBody(parties[0], parties[1])))).toEqual(['ceasefireId']);
      expect(invalidFields(await post('Not_Slug', `ceasefires/${ceasefireId}/violations`, violationBody(parties[0], parties[1])))).toEqual(['id']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered']);
    });

    it('404 TALKS.NOT_OPENED for an unknown track; 404 CEASEFIRE.NOT_FOUND for a ceasefire this track never brokered', async () => {
      const parties = await registerActors(app, 'isr', 'hamas');
      const unknown = uniqueSlug('never-opened');
      expectProblem(await post(unknown, 'ceasefires/gaza-1/violations', violationBody(parties[0], parties[1])), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(unknown))).toEqual([]);

      const { talksId } = await trackWithCeasefire();
      const other = await trackWithCeasefire();
      const response = await post(talksId, `ceasefires/${other.ceasefireId}/violations`, violationBody(parties[0], parties[1]));
      expectProblem(response, 404, 'CEASEFIRE.NOT_FOUND', 'ceasefireId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered']);
    });

    it('409 CEASEFIRE.ALREADY_ENDED for a violation reported after the ceasefire ended; nothing is appended', async () => {
      const { talksId, parties, ceasefireId } = await trackWithCeasefire();
      await post(talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody('collapsed')).expect(201);
      expectProblem(await post(talksId, `ceasefires/${ceasefireId}/violations`, violationBody(parties[0], parties[1])), 409, 'CEASEFIRE.ALREADY_ENDED', 'ceasefireId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered', 'CeasefireEnded']);
    });

    it('422 ACTOR.UNKNOWN with field against for an unregistered accused; nothing is appended', async () => {
      const { talksId, parties, ceasefireId } = await trackWithCeasefire();
      expectProblem(await post(talksId, `ceasefires/${ceasefireId}/violations`, violationBody(parties[0], uniqueSlug('ghost'))), 422, 'ACTOR.UNKNOWN', 'against');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered']);
    });

    it('409 TALKS.CONCLUDED for a violation on a concluded track; nothing is appended', async () => {
      const { talksId, parties, ceasefireId } = await trackWithCeasefire();
      await post(talksId, 'conclude', concludeBody()).expect(201);
      expectProblem(await post(talksId, `ceasefires/${ceasefireId}/violations`, violationBody(parties[0], parties[1])), 409, 'TALKS.CONCLUDED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered', 'TalksConcluded']);
    });
  });

  describe('POST /v1/talks/:id/ceasefires/:ceasefireId/end', () => {
    it('records CeasefireEnded: 201, ETag "2", with the reason and ceasefireId from the path', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire();
      const eventId = expectAppended(await post(talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody('superseded', '2025-03-02')), `talks-${talksId}`, 2, 'CeasefireEnded');
      const history = await talksHistory(app, talksId);
      expect(history[2].id).toBe(eventId);
      expect(history[2].data).toEqual({ talksId, ceasefireId, reason: 'superseded', occurredAt: '2025-03-02', precision: 'day', provenance: provenance() });
    });

    it('409 CEASEFIRE.ALREADY_ENDED when a ceasefire is ended twice; nothing is appended', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire();
      await post(talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody('expired')).expect(201);
      expectProblem(await post(talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody('collapsed')), 409, 'CEASEFIRE.ALREADY_ENDED', 'ceasefireId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered', 'CeasefireEnded']);
    });

    it('422 DATE.END_BEFORE_START when the end is dated before the brokering; 422 DATE.IN_FUTURE for 2999', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire();
      expectProblem(await post(talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody('expired', '2025-01-10')), 422, 'DATE.END_BEFORE_START', 'occurredAt');
      expectProblem(await post(talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody('expired', '2999-01-01')), 422, 'DATE.IN_FUTURE', 'occurredAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered']);
    });

    it('400 for an unknown reason or a path id that is not a slug; 404 TALKS.NOT_OPENED and CEASEFIRE.NOT_FOUND', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire();
      expect(invalidFields(await post(talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody('bored')))).toEqual(['reason']);
      expect(invalidFields(await post(talksId, 'ceasefires/A/end', endCeasefireBody()))).toEqual(['ceasefireId']);
      expectProblem(await post(talksId, `ceasefires/${uniqueSlug('never')}/end`, endCeasefireBody()), 404, 'CEASEFIRE.NOT_FOUND', 'ceasefireId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered']);

      const unknown = uniqueSlug('never-opened');
      expectProblem(await post(unknown, `ceasefires/${ceasefireId}/end`, endCeasefireBody()), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(unknown))).toEqual([]);
    });
  });

  describe('POST /v1/talks/:id/ceasefires/:ceasefireId/extensions', () => {
    const extend = (talksId: string, ceasefireId: string, body: object) => post(talksId, `ceasefires/${ceasefireId}/extensions`, body);
    /** Reads after the last write, so the status never races the projection. */
    const statusOn = async (talksId: string, position: string, asOf?: string) =>
      (await app.api.get(`${talksPath(talksId)}${asOf ? `?asOf=${asOf}` : ''}`).set('x-min-position', position).expect(200)).body;

    it('records CeasefireExtended: 201, ETag "2", schema version 2 (new in the talks events’ v2), with the ceasefireId from the path', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire();
      const eventId = expectAppended(await extend(talksId, ceasefireId, extendCeasefireBody()), `talks-${talksId}`, 2, 'CeasefireExtended');
      const history = await talksHistory(app, talksId);
      expect(history[2]).toMatchObject({ id: eventId, metadata: { recordedBy: 'admin', schemaVersion: 2 } });
      expect(history[2].data).toEqual({
        talksId,
        ceasefireId,
        endsAt: '2025-03-08',
        terms: { summary: 'One more week; three more hostages for 90 prisoners', hostagesToRelease: { best: 3 }, prisonersToRelease: { best: 90 } },
        occurredAt: '2025-02-27',
        precision: 'day',
        provenance: provenance(),
      });
    });

    it('a truce extended twice: asOf each date shows the end then in force, then ended; the timeline shows both extensions', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire(); // in effect 19 January to 1 March 2025
      await extend(talksId, ceasefireId, extendCeasefireBody('2025-03-08', '2025-02-27')).expect(201);
      const last = await extend(talksId, ceasefireId, extendCeasefireBody('2025-03-15', '2025-03-06', { terms: undefined })).expect(201);
      const position = last.body.position;

      expect((await statusOn(talksId, position, '2025-02-20')).ceasefire).toMatchObject({ status: 'in_effect', endsAt: '2025-03-01' });
      expect((await statusOn(talksId, position, '2025-03-03')).ceasefire).toMatchObject({
        status: 'in_effect',
        endsAt: '2025-03-08',
        extended: { count: 1, lastAt: '2025-02-27', originalEndsAt: '2025-03-01' },
      });
      expect((await statusOn(talksId, position, '2025-03-07')).ceasefire).toMatchObject({ status: 'in_effect', endsAt: '2025-03-15', extended: { count: 2 } });
      expect((await statusOn(talksId, position, '2025-03-16')).ceasefire).toMatchObject({ status: 'ended', endsAt: '2025-03-15' });
      const today = await statusOn(talksId, position);
      expect(today.ceasefires[0].extensions.map((e: { at: string; endsAt: string }) => [e.at, e.endsAt])).toEqual([
        ['2025-02-27', '2025-03-08'],
        ['2025-03-06', '2025-03-15'],
      ]);

      const timeline = (await app.api.get(`/v1/timeline?talksId=${talksId}&type=CeasefireExtended`).set('x-min-position', position).expect(200)).body.items;
      expect(timeline.map((item: { summary: string }) => item.summary)).toEqual([
        `Ceasefire ${ceasefireId} extended until 2025-03-08: One more week; three more hostages for 90 prisoners`,
        `Ceasefire ${ceasefireId} extended until 2025-03-15`,
      ]);
      expect(timeline[0]).toMatchObject({ cameo: '0871', plover: 'CONCEDE' });
    });

    it('replays an Idempotency-Key: the same answer, nothing more appended', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire();
      const send = () => app.api.post(`${talksPath(talksId)}/ceasefires/${ceasefireId}/extensions`).set('idempotency-key', `extend-${talksId}`).send(extendCeasefireBody());
      const first = await send().expect(201);
      const again = await send().expect(201);
      expect(again.body).toEqual(first.body);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered', 'CeasefireExtended']);
    });

    it('422 CEASEFIRE.EXTENSION_BEFORE_START, EXTENSION_NOT_LATER, EXTENSION_AFTER_END; 404 CEASEFIRE.NOT_FOUND; nothing is appended', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire();
      expectProblem(await extend(talksId, ceasefireId, extendCeasefireBody('2025-03-08', '2025-01-17')), 422, 'CEASEFIRE.EXTENSION_BEFORE_START', 'occurredAt');
      expectProblem(await extend(talksId, ceasefireId, extendCeasefireBody('2025-03-01')), 422, 'CEASEFIRE.EXTENSION_NOT_LATER', 'endsAt');
      expectProblem(await extend(talksId, ceasefireId, extendCeasefireBody('2025-03-20', '2025-03-05')), 422, 'CEASEFIRE.EXTENSION_AFTER_END', 'occurredAt');
      expectProblem(await extend(talksId, uniqueSlug('never'), extendCeasefireBody()), 404, 'CEASEFIRE.NOT_FOUND', 'ceasefireId');
      expectProblem(await extend(talksId, ceasefireId, extendCeasefireBody('2025-03-08', '2999-01-01')), 422, 'DATE.IN_FUTURE', 'occurredAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered']);
    });

    it('422 CEASEFIRE.EXTENSION_AFTER_END after a recorded end; an extension agreed before that end is still accepted', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire();
      await post(talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody('collapsed', '2025-02-28')).expect(201);
      expectProblem(await extend(talksId, ceasefireId, extendCeasefireBody('2025-03-08', '2025-03-01')), 422, 'CEASEFIRE.EXTENSION_AFTER_END', 'occurredAt');
      expectAppended(await extend(talksId, ceasefireId, extendCeasefireBody('2025-03-08', '2025-02-27')), `talks-${talksId}`, 3, 'CeasefireExtended');
    });

    it('422 CEASEFIRE.NO_END_TO_EXTEND for an open-ended ceasefire', async () => {
      const { talksId, parties } = await openTrack(app);
      const ceasefireId = uniqueSlug('open-ended');
      await post(talksId, 'ceasefires', ceasefireBody(ceasefireId, parties, [], { endsAt: undefined })).expect(201);
      expectProblem(await extend(talksId, ceasefireId, extendCeasefireBody()), 422, 'CEASEFIRE.NO_END_TO_EXTEND', 'ceasefireId');
    });

    it('400 REQUEST.INVALID naming each bad field, nested terms included; 400 for a path id that is not a slug', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire();
      expect(invalidFields(await extend(talksId, ceasefireId, { ...extendCeasefireBody('soon'), terms: { hostagesToRelease: { best: -1 } } }))).toEqual([
        'endsAt',
        'terms.hostagesToRelease.best',
        'terms.summary',
      ]);
      expect(invalidFields(await extend(talksId, 'Not_Slug', extendCeasefireBody()))).toEqual(['ceasefireId']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered']);
    });

    it('a correction re-runs the rules on the merged extension, and the status follows corrections and retractions', async () => {
      const { talksId, ceasefireId } = await trackWithCeasefire();
      const extensionId = (await extend(talksId, ceasefireId, extendCeasefireBody()).expect(201)).body.events[0].id;
      const correct = (changes: Record<string, unknown>) => post(talksId, `claims/${extensionId}/corrections`, correctionBody(changes));
      expectProblem(await correct({ endsAt: '2025-02-25' }), 422, 'CEASEFIRE.EXTENSION_NOT_LATER', 'changes.endsAt');
      expectProblem(await correct({ endsAt: 'soon' }), 400, 'REQUEST.INVALID');
      const corrected = await correct({ endsAt: '2025-03-10' }).expect(201);
      expect((await statusOn(talksId, corrected.body.position, '2025-03-09')).ceasefire).toMatchObject({ status: 'in_effect', endsAt: '2025-03-10' });
      const retracted = await post(talksId, `claims/${extensionId}/retraction`, retractionBody()).expect(201);
      expect((await statusOn(talksId, retracted.body.position, '2025-03-09')).ceasefire).toMatchObject({ status: 'ended', endsAt: '2025-03-01' });
      expect((await statusOn(talksId, retracted.body.position)).ceasefires[0].extensions).toEqual([]);
    });
  });

  describe('POST /v1/talks/:id/hostage-releases', () => {
    it('records HostagesReleased under a ceasefire: 201, ETag "2", counts and names kept', async () => {
      const { talksId, parties, ceasefireId } = await trackWithCeasefire();
      const hamas = parties[1];
      const body = hostageReleaseBody(hamas, { ceasefireId, prisonersReleasedInExchange: { best: 90, low: 85, high: 95 } });
      const eventId = expectAppended(await post(talksId, 'hostage-releases', body), `talks-${talksId}`, 2, 'HostagesReleased');

      const history = await talksHistory(app, talksId);
      expect(history[2]).toMatchObject({ id: eventId, metadata: { recordedBy: 'admin', schemaVersion: 2 } });
      expect(history[2].data).toEqual({
        talksId,
        ceasefireId,
        count: { best: 3 },
        names: ['Romi Gonen', 'Doron Steinbrecher', 'Emily Damari'],
        releasedBy: hamas,
        prisonersReleasedInExchange: { best: 90, low: 85, high: 95 },
        occurredAt: '2025-01-19',
        precision: 'day',
        provenance: provenance(),
      });
    });

    it('records a release outside any ceasefire: 201, no ceasefireId', async () => {
      const { talksId, parties } = await openTrack(app);
      expectAppended(await post(talksId, 'hostage-releases', hostageReleaseBody(parties[1], { names: undefined })), `talks-${talksId}`, 1, 'HostagesReleased');
      const [, released] = await talksHistory(app, talksId);
      expect(released.data).not.toHaveProperty('ceasefireId');
      expect(released.data).not.toHaveProperty('names');
    });

    it('422 CEASEFIRE.UNKNOWN when the release names a ceasefire this track never brokered; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const body = hostageReleaseBody(parties[1], { ceasefireId: uniqueSlug('no-such-ceasefire') });
      expectProblem(await post(talksId, 'hostage-releases', body), 422, 'CEASEFIRE.UNKNOWN', 'ceasefireId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('422 COUNT.INVALID when the count’s low exceeds its best, or its high is below; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      expectProblem(await post(talksId, 'hostage-releases', hostageReleaseBody(parties[1], { count: { best: 3, low: 4 } })), 422, 'COUNT.INVALID', 'count.low');
      const exchange = hostageReleaseBody(parties[1], { prisonersReleasedInExchange: { best: 90, high: 80 } });
      expectProblem(await post(talksId, 'hostage-releases', exchange), 422, 'COUNT.INVALID', 'prisonersReleasedInExchange.high');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('400 REQUEST.INVALID naming each bad field; 400 for a path id that is not a slug; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const response = await post(talksId, 'hostage-releases', {
        ...hostageReleaseBody(parties[1]),
        ceasefireId: 'Gaza Phase 1',
        count: { best: 'three' },
        names: ['Romi Gonen', ''],
      });
      expect(invalidFields(response)).toEqual(['ceasefireId', 'count.best', 'names']);
      expect(invalidFields(await post(talksId, 'hostage-releases', { ...hostageReleaseBody(parties[1]), count: undefined }))).toEqual(['count']);
      expect(invalidFields(await post('X', 'hostage-releases', hostageReleaseBody(parties[1])))).toEqual(['id']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('404 TALKS.NOT_OPENED for an unknown track; 422 ACTOR.UNKNOWN for an unregistered releaser; 409 TALKS.CONCLUDED', async () => {
      const [hamas] = await registerActors(app, 'hamas');
      const unknown = uniqueSlug('never-opened');
      expectProblem(await post(unknown, 'hostage-releases', hostageReleaseBody(hamas)), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(unknown))).toEqual([]);

      const { talksId } = await openTrack(app);
      expectProblem(await post(talksId, 'hostage-releases', hostageReleaseBody(uniqueSlug('ghost'))), 422, 'ACTOR.UNKNOWN', 'releasedBy');
      await post(talksId, 'conclude', concludeBody()).expect(201);
      expectProblem(await post(talksId, 'hostage-releases', hostageReleaseBody(hamas)), 409, 'TALKS.CONCLUDED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksConcluded']);
    });
  });
});
