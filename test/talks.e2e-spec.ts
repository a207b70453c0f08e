import { concludeBody, openTalksBody, provenance, reasonBody } from './support/bodies';
import {
  expectAppended,
  expectProblem,
  historyTypes,
  invalidFields,
  JSON_TYPE,
  openTrack,
  registerActors,
  talksHistory,
  talksPath,
} from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

describe('Talks (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (path: string, body: object) => app.api.post(path).send(body);

  describe('POST /v1/talks', () => {
    it('opens a track: 201, ETag "0", the stream, its position and the TalksOpened event', async () => {
      const [usa, rus, sau] = await registerActors(app, 'usa', 'rus', 'sau');
      const id = uniqueSlug('us-russia');
      const response = await post('/v1/talks', openTalksBody(id, [usa, rus], [sau]));
      expectAppended(response, `talks-${id}`, 0, 'TalksOpened');
    });

    it('records the opening with talksId from the body id, the provenance kept whole, and metadata', async () => {
      const [usa, rus, sau] = await registerActors(app, 'usa', 'rus', 'sau');
      const id = uniqueSlug('us-russia');
      const sources = [
        { publisher: 'TASS', originator: 'Dmitry Peskov', url: 'https://tass.com/politics/1', publishedAt: '2025-02-01', quote: 'We are ready' },
        { publisher: 'Reuters' },
      ];
      const response = await app.api
        .post('/v1/talks')
        .set('x-correlation-id', 'corr-open-1')
        .send(openTalksBody(id, [usa, rus], [sau], { provenance: { sources, confidence: 'confirmed' }, precision: 'month', occurredAt: '2025-02-01' }))
        .expect(201);

      const [opened] = await talksHistory(app, id);
      expect(opened).toMatchObject({ id: response.body.events[0].id, type: 'TalksOpened', revision: 0, position: response.body.position });
      expect(opened.data).toEqual({
        talksId: id,
        title: `Talks ${id}`,
        subject: 'Ending the war',
        parties: [usa, rus],
        mediators: [sau],
        occurredAt: '2025-02-01',
        precision: 'month',
        provenance: { sources, confidence: 'confirmed' },
      });
      expect(opened.metadata).toMatchObject({ correlationId: 'corr-open-1', recordedBy: 'admin', schemaVersion: 2, commandId: expect.any(String) });
      expect(opened.metadata.causationId).toBe(opened.metadata.commandId);
    });

    it('400 REQUEST.INVALID naming every bad field, nested paths included; nothing is recorded', async () => {
      const id = uniqueSlug('bad-body');
      const response = await post('/v1/talks', {
        id,
        title: '',
        parties: ['only-one'],
        occurredAt: 'last week',
        precision: 'hour',
        provenance: { sources: [{ publisher: '', url: 'not a url' }], confidence: 'certain' },
        extra: 1,
      });
      expect(invalidFields(response)).toEqual([
        'extra',
        'mediators',
        'occurredAt',
        'parties',
        'precision',
        'provenance.confidence',
        'provenance.sources[0].publisher',
        'provenance.sources[0].url',
        'subject',
        'title',
      ]);
      expect(await historyTypes(app, talksPath(id))).toEqual([]);
    });

    it('400 REQUEST.INVALID when the id is not a slug', async () => {
      const [a, b] = await registerActors(app, 'a', 'b');
      expect(invalidFields(await post('/v1/talks', openTalksBody('Not A Slug', [a, b])))).toEqual(['id']);
    });

    it('409 TALKS.ALREADY_OPENED when the track is opened twice; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      expectProblem(await post('/v1/talks', openTalksBody(talksId, parties)), 409, 'TALKS.ALREADY_OPENED', 'talksId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('422 TALKS.TOO_FEW_PARTIES when both parties are the same actor; nothing is recorded', async () => {
      const [usa] = await registerActors(app, 'usa');
      const id = uniqueSlug('alone');
      expectProblem(await post('/v1/talks', openTalksBody(id, [usa, usa])), 422, 'TALKS.TOO_FEW_PARTIES', 'parties');
      expect(await historyTypes(app, talksPath(id))).toEqual([]);
    });

    it('422 TALKS.PARTY_IS_MEDIATOR when a party also mediates; nothing is recorded', async () => {
      const [usa, rus, sau] = await registerActors(app, 'usa', 'rus', 'sau');
      const id = uniqueSlug('self-mediated');
      expectProblem(await post('/v1/talks', openTalksBody(id, [usa, rus], [sau, rus])), 422, 'TALKS.PARTY_IS_MEDIATOR', 'mediators[1]');
      expect(await historyTypes(app, talksPath(id))).toEqual([]);
    });

    it('422 ACTOR.UNKNOWN naming the field of an unregistered party or mediator; nothing is recorded', async () => {
      const [usa, rus] = await registerActors(app, 'usa', 'rus');
      const id = uniqueSlug('ghosts');
      expectProblem(await post('/v1/talks', openTalksBody(id, [usa, uniqueSlug('ghost')])), 422, 'ACTOR.UNKNOWN', 'parties[1]');
      expectProblem(await post('/v1/talks', openTalksBody(id, [usa, rus], [uniqueSlug('ghost')])), 422, 'ACTOR.UNKNOWN', 'mediators[0]');
      expect(await historyTypes(app, talksPath(id))).toEqual([]);
    });

    it('422 DATE.IN_FUTURE for an opening dated 2999; 422 DATE.INVALID for precision exact on a bare date', async () => {
      const [usa, rus] = await registerActors(app, 'usa', 'rus');
      const id = uniqueSlug('dated');
      expectProblem(await post('/v1/talks', openTalksBody(id, [usa, rus], [], { occurredAt: '2999-01-01' })), 422, 'DATE.IN_FUTURE', 'occurredAt');
      expectProblem(await post('/v1/talks', openTalksBody(id, [usa, rus], [], { precision: 'exact' })), 422, 'DATE.INVALID', 'occurredAt');
      expect(await historyTypes(app, talksPath(id))).toEqual([]);
    });
  });

  describe('POST /v1/talks/:id/stall', () => {
    it('records TalksStalled: 201, ETag "1", with talksId from the path and the provenance kept', async () => {
      const { talksId } = await openTrack(app);
      const response = await post(`${talksPath(talksId)}/stall`, reasonBody('Deadlock over territory', '2025-04-20'));
      const eventId = expectAppended(response, `talks-${talksId}`, 1, 'TalksStalled');

      const history = await talksHistory(app, talksId);
      expect(history[1]).toMatchObject({ id: eventId, type: 'TalksStalled', revision: 1, metadata: { recordedBy: 'admin', schemaVersion: 2 } });
      expect(history[1].data).toEqual({ talksId, reason: 'Deadlock over territory', occurredAt: '2025-04-20', precision: 'day', provenance: provenance() });
    });

    it('400 REQUEST.INVALID for a bad body or a path id that is not a slug; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      const badBody = { ...reasonBody(), reason: undefined, provenance: { sources: [{ publisher: '' }], confidence: 'reported' } };
      expect(invalidFields(await post(`${talksPath(talksId)}/stall`, badBody))).toEqual(['provenance.sources[0].publisher', 'reason']);
      expect(invalidFields(await post('/v1/talks/Not_A_Slug/stall', reasonBody()))).toEqual(['id']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('404 TALKS.NOT_OPENED for a track nobody opened; nothing is recorded', async () => {
      const talksId = uniqueSlug('never-opened');
      expectProblem(await post(`${talksPath(talksId)}/stall`, reasonBody()), 404, 'TALKS.NOT_OPENED', 'talksId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual([]);
    });

    it('409 TALKS.ALREADY_STALLED when stalled talks stall again; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      await post(`${talksPath(talksId)}/stall`, reasonBody()).expect(201);
      expectProblem(await post(`${talksPath(talksId)}/stall`, reasonBody()), 409, 'TALKS.ALREADY_STALLED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksStalled']);
    });

    it('409 TALKS.CONCLUDED when concluded talks stall; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      await post(`${talksPath(talksId)}/conclude`, concludeBody()).expect(201);
      expectProblem(await post(`${talksPath(talksId)}/stall`, reasonBody()), 409, 'TALKS.CONCLUDED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksConcluded']);
    });

    it('422 DATE.IN_FUTURE for a stall dated 2999; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      expectProblem(await post(`${talksPath(talksId)}/stall`, reasonBody('Deadlock', '2999-01-01')), 422, 'DATE.IN_FUTURE', 'occurredAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });
  });

  describe('POST /v1/talks/:id/resume', () => {
    it('records TalksResumed on stalled talks: 201, ETag "2", the data as sent with talksId', async () => {
      const { talksId } = await openTrack(app);
      await post(`${talksPath(talksId)}/stall`, reasonBody()).expect(201);
      const response = await post(`${talksPath(talksId)}/resume`, reasonBody('Back at the table', '2025-04-25'));
      expectAppended(response, `talks-${talksId}`, 2, 'TalksResumed');
      const history = await talksHistory(app, talksId);
      expect(history[2].data).toEqual({ talksId, reason: 'Back at the table', occurredAt: '2025-04-25', precision: 'day', provenance: provenance() });
    });

    it('409 TALKS.NOT_STALLED when talks that never stalled resume; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      expectProblem(await post(`${talksPath(talksId)}/resume`, reasonBody()), 409, 'TALKS.NOT_STALLED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('409 TALKS.CONCLUDED when stalled talks that then concluded resume; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      await post(`${talksPath(talksId)}/stall`, reasonBody()).expect(201);
      await post(`${talksPath(talksId)}/conclude`, concludeBody('breakdown')).expect(201);
      expectProblem(await post(`${talksPath(talksId)}/resume`, reasonBody()), 409, 'TALKS.CONCLUDED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksStalled', 'TalksConcluded']);
    });

    it('404 TALKS.NOT_OPENED for an unknown track, 400 for a bad body or path id', async () => {
      const unknown = uniqueSlug('never-opened');
      expectProblem(await post(`${talksPath(unknown)}/resume`, reasonBody()), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(unknown))).toEqual([]);

      const { talksId } = await openTrack(app);
      await post(`${talksPath(talksId)}/stall`, reasonBody()).expect(201);
      expect(invalidFields(await post(`${talksPath(talksId)}/resume`, { ...reasonBody(), precision: 'fortnight' }))).toEqual(['precision']);
      expect(invalidFields(await post('/v1/talks/x/resume', reasonBody()))).toEqual(['id']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksStalled']);
    });
  });

  describe('POST /v1/talks/:id/conclude', () => {
    it('records TalksConcluded: 201, ETag "1", outcome and summary as sent', async () => {
      const { talksId } = await openTrack(app);
      const response = await post(`${talksPath(talksId)}/conclude`, concludeBody('suspended', 'Suspended until spring', '2025-05-02'));
      expectAppended(response, `talks-${talksId}`, 1, 'TalksConcluded');
      const history = await talksHistory(app, talksId);
      expect(history[1].data).toEqual({
        talksId,
        outcome: 'suspended',
        summary: 'Suspended until spring',
        occurredAt: '2025-05-02',
        precision: 'day',
        provenance: provenance(),
      });
    });

    it('409 TALKS.CONCLUDED when concluded twice; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      await post(`${talksPath(talksId)}/conclude`, concludeBody()).expect(201);
      expectProblem(await post(`${talksPath(talksId)}/conclude`, concludeBody('breakdown')), 409, 'TALKS.CONCLUDED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksConcluded']);
    });

    it('400 REQUEST.INVALID for an unknown outcome and a missing summary; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      const response = await post(`${talksPath(talksId)}/conclude`, { ...concludeBody('peace'), summary: undefined });
      expect(invalidFields(response)).toEqual(['outcome', 'summary']);
      expect(invalidFields(await post('/v1/talks/UPPER/conclude', concludeBody()))).toEqual(['id']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('404 TALKS.NOT_OPENED for an unknown track; 422 DATE.IN_FUTURE for a conclusion dated 2999', async () => {
      const unknown = uniqueSlug('never-opened');
      expectProblem(await post(`${talksPath(unknown)}/conclude`, concludeBody()), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(unknown))).toEqual([]);

      const { talksId } = await openTrack(app);
      expectProblem(await post(`${talksPath(talksId)}/conclude`, concludeBody('agreement', 'Signed', '2999-01-01')), 422, 'DATE.IN_FUTURE', 'occurredAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });
  });

  describe('GET /v1/talks/:id/history', () => {
    it('pages by fromRevision and limit, with nextRevision, positions increasing', async () => {
      const { talksId } = await openTrack(app);
      await post(`${talksPath(talksId)}/stall`, reasonBody()).expect(201);
      await post(`${talksPath(talksId)}/resume`, reasonBody()).expect(201);
      await post(`${talksPath(talksId)}/conclude`, concludeBody()).expect(201);

      const first = await app.api.get(`${talksPath(talksId)}/history?limit=3`).expect(200).expect('content-type', JSON_TYPE);
      expect(first.body.streamId).toBe(`talks-${talksId}`);
      expect(first.body.events.map((event: { revision: number; type: string }) => [event.revision, event.type])).toEqual([
        [0, 'TalksOpened'],
        [1, 'TalksStalled'],
        [2, 'TalksResumed'],
      ]);
      expect(first.body.nextRevision).toBe(3);

      const second = await app.api.get(`${talksPath(talksId)}/history?fromRevision=3&limit=3`).expect(200);
      expect(second.body.events.map((event: { type: string }) => event.type)).toEqual(['TalksConcluded']);
      expect(second.body.nextRevision).toBeNull();

      const positions = [...first.body.events, ...second.body.events].map((event: { position: string }) => BigInt(event.position));
      expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
      expect(new Set(positions).size).toBe(4);
    });

    it('answers an empty last page past the end of an opened track', async () => {
      const { talksId } = await openTrack(app);
      const response = await app.api.get(`${talksPath(talksId)}/history?fromRevision=5`).expect(200);
      expect(response.body).toEqual({ streamId: `talks-${talksId}`, events: [], nextRevision: null });
    });

    it('404 TALKS.NOT_OPENED for an unknown track; 400 for a bad id or page', async () => {
      expectProblem(await app.api.get(`${talksPath(uniqueSlug('nobody'))}/history`), 404, 'TALKS.NOT_OPENED');
      expect(invalidFields(await app.api.get('/v1/talks/Bad_Id/history'))).toEqual(['id']);
      const { talksId } = await openTrack(app);
      expect(invalidFields(await app.api.get(`${talksPath(talksId)}/history?limit=0`))).toEqual(['limit']);
      expect(invalidFields(await app.api.get(`${talksPath(talksId)}/history?fromRevision=-1`))).toEqual(['fromRevision']);
    });
  });
});
