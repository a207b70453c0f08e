import { claimBasis, concludeBody, envoyVisitBody, meetingBody, provenance, scheduledMeetingBody } from './support/bodies';
import { expectAppended, expectProblem, historyTypes, invalidFields, openTrack, registerActors, talksHistory, talksPath } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

describe('Meetings and envoy visits (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (talksId: string, path: string, body: object) => app.api.post(`${talksPath(talksId)}/${path}`).send(body);

  describe('POST /v1/talks/:id/envoy-visits', () => {
    it('records EnvoyVisited: 201, ETag "1", host country upper-cased, talksId from the path, provenance kept', async () => {
      const { talksId } = await openTrack(app);
      const [envoy] = await registerActors(app, 'steve-witkoff');
      const response = await app.api
        .post(`${talksPath(talksId)}/envoy-visits`)
        .set('x-correlation-id', 'corr-visit-1')
        .send(envoyVisitBody(envoy, { hostCountry: 'rus', departedAt: '2025-04-12' }));
      const eventId = expectAppended(response, `talks-${talksId}`, 1, 'EnvoyVisited');

      const [, visited] = await talksHistory(app, talksId);
      expect(visited).toMatchObject({ id: eventId, revision: 1, metadata: { correlationId: 'corr-visit-1', recordedBy: 'admin', schemaVersion: 2 } });
      expect(visited.data).toEqual({
        talksId,
        envoyId: envoy,
        hostCountry: 'RUS',
        city: 'Saint Petersburg',
        purpose: 'Talks on a ceasefire',
        departedAt: '2025-04-12',
        occurredAt: '2025-04-11',
        precision: 'day',
        provenance: provenance(),
      });
    });

    it('400 REQUEST.INVALID naming each bad field; 400 for a path id that is not a slug; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      const response = await post(talksId, 'envoy-visits', {
        envoyId: 'Steve Witkoff',
        hostCountry: 'XYZ',
        departedAt: 'soon',
        talksId: 'another-track',
        ...claimBasis(),
      });
      expect(invalidFields(response)).toEqual(['departedAt', 'envoyId', 'hostCountry', 'purpose', 'talksId']);
      const [envoy] = await registerActors(app, 'envoy');
      expect(invalidFields(await post('Bad Track', 'envoy-visits', envoyVisitBody(envoy)))).toEqual(['id']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('404 TALKS.NOT_OPENED for a track nobody opened; nothing is recorded', async () => {
      const [envoy] = await registerActors(app, 'envoy');
      const talksId = uniqueSlug('never-opened');
      expectProblem(await post(talksId, 'envoy-visits', envoyVisitBody(envoy)), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual([]);
    });

    it('422 ACTOR.UNKNOWN with field envoyId for an unregistered envoy; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      expectProblem(await post(talksId, 'envoy-visits', envoyVisitBody(uniqueSlug('ghost'))), 422, 'ACTOR.UNKNOWN', 'envoyId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('422 DATE.IN_FUTURE for a visit or a departure dated 2999; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      const [envoy] = await registerActors(app, 'envoy');
      expectProblem(await post(talksId, 'envoy-visits', envoyVisitBody(envoy, claimBasis('2999-01-01'))), 422, 'DATE.IN_FUTURE', 'occurredAt');
      expectProblem(await post(talksId, 'envoy-visits', envoyVisitBody(envoy, { departedAt: '2999-01-01' })), 422, 'DATE.IN_FUTURE', 'departedAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('422 DATE.END_BEFORE_START when the envoy departs before arriving; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      const [envoy] = await registerActors(app, 'envoy');
      expectProblem(await post(talksId, 'envoy-visits', envoyVisitBody(envoy, { departedAt: '2025-04-10' })), 422, 'DATE.END_BEFORE_START', 'departedAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('409 TALKS.CONCLUDED for a visit on a concluded track; nothing is appended', async () => {
      const { talksId } = await openTrack(app);
      const [envoy] = await registerActors(app, 'envoy');
      await post(talksId, 'conclude', concludeBody()).expect(201);
      expectProblem(await post(talksId, 'envoy-visits', envoyVisitBody(envoy)), 409, 'TALKS.CONCLUDED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksConcluded']);
    });
  });

  describe('POST /v1/talks/:id/scheduled-meetings', () => {
    it('records MeetingScheduled: 201, ETag "1", a future expectedAt allowed, location country upper-cased', async () => {
      const { talksId } = await openTrack(app);
      const [envoy, host] = await registerActors(app, 'steve-witkoff', 'vladimir-putin');
      const meetingId = uniqueSlug('witkoff-putin');
      const response = await post(
        talksId,
        'scheduled-meetings',
        scheduledMeetingBody(meetingId, [envoy, host], { location: { country: 'rus', city: 'Moscow' }, expectedAt: '2999-04-12' }),
      );
      const eventId = expectAppended(response, `talks-${talksId}`, 1, 'MeetingScheduled');

      const [, scheduled] = await talksHistory(app, talksId);
      expect(scheduled).toMatchObject({ id: eventId, metadata: { recordedBy: 'admin', schemaVersion: 2 } });
      expect(scheduled.data).toEqual({
        talksId,
        meetingId,
        participants: [envoy, host],
        location: { country: 'RUS', city: 'Moscow' },
        expectedAt: '2999-04-12',
        occurredAt: '2025-04-10',
        precision: 'day',
        provenance: provenance(),
      });
    });

    it('400 REQUEST.INVALID naming each bad field, nested location included; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const response = await post(talksId, 'scheduled-meetings', {
        ...scheduledMeetingBody('m-1', [parties[0]]),
        location: { country: 'ZZZ', city: '' },
        expectedAt: 'next week',
      });
      expect(invalidFields(response)).toEqual(['expectedAt', 'location.city', 'location.country', 'participants']);
      expect(invalidFields(await post('NOPE', 'scheduled-meetings', scheduledMeetingBody('m-1', parties)))).toEqual(['id']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('404 TALKS.NOT_OPENED for a track nobody opened', async () => {
      const parties = await registerActors(app, 'a', 'b');
      const talksId = uniqueSlug('never-opened');
      expectProblem(await post(talksId, 'scheduled-meetings', scheduledMeetingBody('m-1', parties)), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual([]);
    });

    it('422 MEETING.TOO_FEW_PARTICIPANTS when both participants are the same actor; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const response = await post(talksId, 'scheduled-meetings', scheduledMeetingBody(uniqueSlug('m'), [parties[0], parties[0]]));
      expectProblem(response, 422, 'MEETING.TOO_FEW_PARTICIPANTS', 'participants');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('422 ACTOR.UNKNOWN with the participant’s field for an unregistered participant; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const response = await post(talksId, 'scheduled-meetings', scheduledMeetingBody(uniqueSlug('m'), [parties[0], uniqueSlug('ghost')]));
      expectProblem(response, 422, 'ACTOR.UNKNOWN', 'participants[1]');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('409 MEETING.ALREADY_SCHEDULED when the same meeting is scheduled twice, or after it was held; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const scheduledId = uniqueSlug('scheduled');
      await post(talksId, 'scheduled-meetings', scheduledMeetingBody(scheduledId, parties)).expect(201);
      expectProblem(await post(talksId, 'scheduled-meetings', scheduledMeetingBody(scheduledId, parties)), 409, 'MEETING.ALREADY_SCHEDULED', 'meetingId');

      const heldId = uniqueSlug('held');
      await post(talksId, 'meetings', meetingBody(heldId, parties)).expect(201);
      expectProblem(await post(talksId, 'scheduled-meetings', scheduledMeetingBody(heldId, parties)), 409, 'MEETING.ALREADY_SCHEDULED', 'meetingId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingScheduled', 'MeetingHeld']);
    });

    it('422 DATE.IN_FUTURE when the report of the plan is dated 2999; 409 TALKS.CONCLUDED on a concluded track', async () => {
      const { talksId, parties } = await openTrack(app);
      const future = scheduledMeetingBody(uniqueSlug('m'), parties, claimBasis('2999-01-01'));
      expectProblem(await post(talksId, 'scheduled-meetings', future), 422, 'DATE.IN_FUTURE', 'occurredAt');
      await post(talksId, 'conclude', concludeBody()).expect(201);
      expectProblem(await post(talksId, 'scheduled-meetings', scheduledMeetingBody(uniqueSlug('m'), parties)), 409, 'TALKS.CONCLUDED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksConcluded']);
    });
  });

  describe('POST /v1/talks/:id/meetings', () => {
    it('records MeetingHeld: 201, ETag "1", location country upper-cased, talksId from the path', async () => {
      const { talksId } = await openTrack(app);
      const [envoy, counterpart] = await registerActors(app, 'steve-witkoff', 'kirill-dmitriev');
      const meetingId = uniqueSlug('witkoff-dmitriev');
      const response = await post(talksId, 'meetings', meetingBody(meetingId, [envoy, counterpart], { location: { country: 'usa', city: 'Washington' }, format: 'video' }));
      const eventId = expectAppended(response, `talks-${talksId}`, 1, 'MeetingHeld');

      const [, held] = await talksHistory(app, talksId);
      expect(held).toMatchObject({ id: eventId, metadata: { recordedBy: 'admin', schemaVersion: 2 } });
      expect(held.data).toEqual({
        talksId,
        meetingId,
        participants: [envoy, counterpart],
        location: { country: 'USA', city: 'Washington' },
        format: 'video',
        summary: 'Met for four hours',
        occurredAt: '2025-04-11',
        precision: 'day',
        provenance: provenance(),
      });
    });

    it('fulfils a scheduled meeting with the same meetingId: 201, ETag "2"', async () => {
      const { talksId, parties } = await openTrack(app);
      const meetingId = uniqueSlug('likely-to-meet');
      await post(talksId, 'scheduled-meetings', scheduledMeetingBody(meetingId, parties)).expect(201);
      expectAppended(await post(talksId, 'meetings', meetingBody(meetingId, parties)), `talks-${talksId}`, 2, 'MeetingHeld');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingScheduled', 'MeetingHeld']);
    });

    it('409 MEETING.ALREADY_HELD when the same meeting is held twice; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const meetingId = uniqueSlug('once');
      await post(talksId, 'meetings', meetingBody(meetingId, parties)).expect(201);
      expectProblem(await post(talksId, 'meetings', meetingBody(meetingId, parties)), 409, 'MEETING.ALREADY_HELD', 'meetingId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });

    it('400 REQUEST.INVALID naming each bad field; 400 for a path id that is not a slug; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const response = await post(talksId, 'meetings', {
        ...meetingBody('Meeting One', parties),
        participants: [parties[0], 'Not-A-Slug'],
        location: { country: 'zz' },
        format: 'telepathy',
        summary: '',
      });
      expect(invalidFields(response)).toEqual(['format', 'location.country', 'meetingId', 'participants', 'summary']);
      expect(invalidFields(await post(talksId, 'meetings', { ...meetingBody('m-1', parties), location: undefined }))).toEqual(['location']);
      expect(invalidFields(await post('-bad', 'meetings', meetingBody('m-1', parties)))).toEqual(['id']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('404 TALKS.NOT_OPENED for a track nobody opened', async () => {
      const parties = await registerActors(app, 'a', 'b');
      const talksId = uniqueSlug('never-opened');
      expectProblem(await post(talksId, 'meetings', meetingBody('m-1', parties)), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual([]);
    });

    it('422 MEETING.TOO_FEW_PARTICIPANTS when both participants are the same actor; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      expectProblem(await post(talksId, 'meetings', meetingBody(uniqueSlug('m'), [parties[1], parties[1]])), 422, 'MEETING.TOO_FEW_PARTICIPANTS', 'participants');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('422 ACTOR.UNKNOWN with the participant’s field; 422 DATE.IN_FUTURE for a meeting dated 2999; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      expectProblem(await post(talksId, 'meetings', meetingBody(uniqueSlug('m'), [uniqueSlug('ghost'), parties[0]])), 422, 'ACTOR.UNKNOWN', 'participants[0]');
      expectProblem(await post(talksId, 'meetings', meetingBody(uniqueSlug('m'), parties, claimBasis('2999-01-01'))), 422, 'DATE.IN_FUTURE', 'occurredAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
    });

    it('409 TALKS.CONCLUDED for a meeting on a concluded track; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      await post(talksId, 'conclude', concludeBody()).expect(201);
      expectProblem(await post(talksId, 'meetings', meetingBody(uniqueSlug('m'), parties)), 409, 'TALKS.CONCLUDED');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'TalksConcluded']);
    });
  });
});
