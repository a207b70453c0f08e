import { randomUUID } from 'node:crypto';
import {
  ceasefireBody,
  concludeBody,
  correctionBody,
  endCeasefireBody,
  envoyVisitBody,
  hostageReleaseBody,
  meetingBody,
  provenance,
  reasonBody,
  retractionBody,
  violationBody,
} from './support/bodies';
import { expectAppended, expectProblem, historyTypes, invalidFields, openTrack, recordClaim, registerActors, talksHistory, talksPath } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

describe('Corrections and retractions (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (talksId: string, path: string, body: object) => app.api.post(`${talksPath(talksId)}/${path}`).send(body);
  const correct = (talksId: string, eventId: string, changes: Record<string, unknown>) =>
    post(talksId, `claims/${eventId}/corrections`, correctionBody(changes));
  const retract = (talksId: string, eventId: string) => post(talksId, `claims/${eventId}/retraction`, retractionBody());

  /** An opened track with one meeting held between its parties; answers the meeting's event id. */
  async function trackWithMeeting(): Promise<{ talksId: string; parties: string[]; meetingId: string; meetingEventId: string }> {
    const { talksId, parties } = await openTrack(app);
    const meetingId = uniqueSlug('meeting');
    const meetingEventId = await recordClaim(app, talksId, 'meetings', meetingBody(meetingId, parties));
    return { talksId, parties, meetingId, meetingEventId };
  }

  const openingOf = async (talksId: string): Promise<string> => (await talksHistory(app, talksId))[0].id;

  describe('POST /v1/talks/:id/claims/:eventId/corrections', () => {
    it('records ClaimCorrected: 201, ETag "2", the changes validated like the original (country upper-cased), eventId and talksId from the path', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      const response = await app.api
        .post(`${talksPath(talksId)}/claims/${meetingEventId}/corrections`)
        .set('x-correlation-id', 'corr-correction-1')
        .send(correctionBody({ location: { country: 'tur', city: 'Istanbul' }, format: 'phone' }, 'It was a call from Istanbul'));
      const eventId = expectAppended(response, `talks-${talksId}`, 2, 'ClaimCorrected');

      const history = await talksHistory(app, talksId);
      expect(history[2]).toMatchObject({ id: eventId, metadata: { correlationId: 'corr-correction-1', recordedBy: 'admin', schemaVersion: 2 } });
      expect(history[2].data).toEqual({
        talksId,
        eventId: meetingEventId,
        changes: { location: { country: 'TUR', city: 'Istanbul' }, format: 'phone' },
        reason: 'It was a call from Istanbul',
        occurredAt: '2025-04-21',
        precision: 'day',
        provenance: provenance(),
      });
      expect(history[1].data).toMatchObject({ location: { country: 'RUS', city: 'Saint Petersburg' }, format: 'in_person' });
    });

    it('clears an optional field set to null: 201', async () => {
      const { talksId } = await openTrack(app);
      const [envoy] = await registerActors(app, 'envoy');
      const visitEventId = await recordClaim(app, talksId, 'envoy-visits', envoyVisitBody(envoy));
      expectAppended(await correct(talksId, visitEventId, { city: null }), `talks-${talksId}`, 2, 'ClaimCorrected');
      expect((await talksHistory(app, talksId))[2].data.changes).toEqual({ city: null });
    });

    it('corrects the opening of a track and claims of a concluded track: 201', async () => {
      const { talksId, parties, meetingEventId } = await trackWithMeeting();
      await post(talksId, 'conclude', concludeBody()).expect(201);
      expectAppended(await correct(talksId, await openingOf(talksId), { title: 'Renamed talks' }), `talks-${talksId}`, 3, 'ClaimCorrected');
      expectAppended(await correct(talksId, meetingEventId, { participants: [...parties].reverse() }), `talks-${talksId}`, 4, 'ClaimCorrected');
    });

    it('400 REQUEST.INVALID for a bad body, a path id that is not a slug, or an eventId that is not a UUID; nothing is appended', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      const badBody = { ...correctionBody({ format: 'phone' }), reason: '', changes: 'format=phone' };
      expect(invalidFields(await post(talksId, `claims/${meetingEventId}/corrections`, badBody))).toEqual(['changes', 'reason']);
      expect(invalidFields(await post(talksId, `claims/${meetingEventId}/corrections`, { ...correctionBody({}), changes: undefined }))).toEqual(['changes']);
      expect(invalidFields(await correct('Not_A_Slug', meetingEventId, { format: 'phone' }))).toEqual(['id']);
      expect(invalidFields(await correct(talksId, 'not-a-uuid', { format: 'phone' }))).toEqual(['eventId']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });

    it('400 REQUEST.INVALID for empty changes: CLAIM.EMPTY_CORRECTION is not reachable through HTTP', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      expect(invalidFields(await correct(talksId, meetingEventId, {}))).toEqual(['changes']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });

    it('400 REQUEST.INVALID with field changes.<key> for a key the claim does not have, or a value of the wrong shape', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      expect(invalidFields(await correct(talksId, meetingEventId, { venue: 'Kremlin' }))).toEqual(['changes.venue']);
      expect(invalidFields(await correct(talksId, meetingEventId, { location: { country: 'ZZZ' } }))).toEqual(['changes.location.country']);
      expect(invalidFields(await correct(talksId, meetingEventId, { location: { country: 'RUS', venue: 'Kremlin' } }))).toEqual(['changes.location.venue']);
      expect(invalidFields(await correct(talksId, meetingEventId, { format: 'telepathy', summary: 42 }))).toEqual(['changes.format', 'changes.summary']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });

    it('400 REQUEST.INVALID when participants are corrected to a single person, as the original would be', async () => {
      const { talksId, parties, meetingEventId } = await trackWithMeeting();
      expect(invalidFields(await correct(talksId, meetingEventId, { participants: [parties[0]] }))).toEqual(['changes.participants']);
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });

    it('422 MEETING.TOO_FEW_PARTICIPANTS when participants are corrected to one person named twice; nothing is appended', async () => {
      const { talksId, parties, meetingEventId } = await trackWithMeeting();
      const response = await correct(talksId, meetingEventId, { participants: [parties[0], parties[0]] });
      expectProblem(response, 422, 'MEETING.TOO_FEW_PARTICIPANTS', 'changes.participants');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });

    it('422 rule rejections of the merged claim, blamed on the change: DATE.END_BEFORE_START, COUNT.INVALID, TALKS.PARTY_IS_MEDIATOR', async () => {
      const { talksId, parties } = await openTrack(app);
      const ceasefireEventId = await recordClaim(app, talksId, 'ceasefires', ceasefireBody(uniqueSlug('c'), parties));
      expectProblem(await correct(talksId, ceasefireEventId, { endsAt: '2025-01-01' }), 422, 'DATE.END_BEFORE_START', 'changes.endsAt');
      expectProblem(
        await correct(talksId, ceasefireEventId, { terms: { hostagesToRelease: { best: 33, low: 40 }, summary: 'Phase one' } }),
        422,
        'COUNT.INVALID',
        'changes.terms.hostagesToRelease.low',
      );
      expectProblem(await correct(talksId, await openingOf(talksId), { mediators: [parties[1]] }), 422, 'TALKS.PARTY_IS_MEDIATOR', 'changes.mediators[0]');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered']);
    });

    it('422 DATE.END_BEFORE_START when a brokering is re-dated after the ceasefire’s recorded end; nothing is appended', async () => {
      const { talksId, parties } = await openTrack(app);
      const ceasefireId = uniqueSlug('c');
      const ceasefireEventId = await recordClaim(app, talksId, 'ceasefires', ceasefireBody(ceasefireId, parties));
      await recordClaim(app, talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody('collapsed', '2025-02-01'));
      expectProblem(await correct(talksId, ceasefireEventId, { occurredAt: '2025-03-01' }), 422, 'DATE.END_BEFORE_START', 'changes.occurredAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered', 'CeasefireEnded']);
    });

    it('422 ACTOR.UNKNOWN with field changes.participants[1] for an unregistered actor in the changes; nothing is appended', async () => {
      const { talksId, parties, meetingEventId } = await trackWithMeeting();
      expectProblem(await correct(talksId, meetingEventId, { participants: [parties[0], uniqueSlug('ghost')] }), 422, 'ACTOR.UNKNOWN', 'changes.participants[1]');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });

    it('422 CLAIM.IMMUTABLE_FIELD for a change of the claim’s own id or of its track; nothing is appended', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      expectProblem(await correct(talksId, meetingEventId, { meetingId: uniqueSlug('other') }), 422, 'CLAIM.IMMUTABLE_FIELD', 'changes.meetingId');
      expectProblem(await correct(talksId, meetingEventId, { talksId: uniqueSlug('other') }), 422, 'CLAIM.IMMUTABLE_FIELD', 'changes.talksId');
      expectProblem(await correct(talksId, await openingOf(talksId), { talksId: uniqueSlug('other') }), 422, 'CLAIM.IMMUTABLE_FIELD', 'changes.talksId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });

    it('422 CLAIM.IMMUTABLE_FIELD for a change of the ceasefire a violation or an end names, though the path gave it', async () => {
      const { talksId, parties } = await openTrack(app);
      const ceasefireId = uniqueSlug('c');
      await recordClaim(app, talksId, 'ceasefires', ceasefireBody(ceasefireId, parties));
      const violationId = await recordClaim(app, talksId, `ceasefires/${ceasefireId}/violations`, violationBody(parties[0], parties[1]));
      const endedId = await recordClaim(app, talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody());
      expectProblem(await correct(talksId, violationId, { ceasefireId: uniqueSlug('other') }), 422, 'CLAIM.IMMUTABLE_FIELD', 'changes.ceasefireId');
      expectProblem(await correct(talksId, endedId, { ceasefireId: uniqueSlug('other') }), 422, 'CLAIM.IMMUTABLE_FIELD', 'changes.ceasefireId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered', 'CeasefireViolated', 'CeasefireEnded']);
    });

    it('422 CEASEFIRE.UNKNOWN when a hostage release is re-attributed to a ceasefire this track never brokered', async () => {
      const { talksId, parties } = await openTrack(app);
      const releaseId = await recordClaim(app, talksId, 'hostage-releases', hostageReleaseBody(parties[1]));
      expectProblem(await correct(talksId, releaseId, { ceasefireId: uniqueSlug('never') }), 422, 'CEASEFIRE.UNKNOWN', 'changes.ceasefireId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'HostagesReleased']);
    });

    it('finds the claim whatever the case of its UUID in the path: 201', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      expectAppended(await correct(talksId, meetingEventId.toUpperCase(), { format: 'phone' }), `talks-${talksId}`, 2, 'ClaimCorrected');
      expect((await talksHistory(app, talksId))[2].data.eventId).toBe(meetingEventId);
    });

    it('422 CLAIM.INVALID_VALUE when a required field is cleared with null; nothing is appended', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      expectProblem(await correct(talksId, meetingEventId, { summary: null }), 422, 'CLAIM.INVALID_VALUE', 'changes.summary');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });

    it('422 CLAIM.NOT_CORRECTABLE for a correction or a retraction as target; nothing is appended', async () => {
      const { talksId, parties, meetingEventId } = await trackWithMeeting();
      const correctionId = await recordClaim(app, talksId, `claims/${meetingEventId}/corrections`, correctionBody({ format: 'video' }));
      expectProblem(await correct(talksId, correctionId, { format: 'phone' }), 422, 'CLAIM.NOT_CORRECTABLE', 'eventId');

      const otherMeetingId = await recordClaim(app, talksId, 'meetings', meetingBody(uniqueSlug('m'), parties));
      const retractionId = await recordClaim(app, talksId, `claims/${otherMeetingId}/retraction`, retractionBody());
      expectProblem(await correct(talksId, retractionId, { reason: 'x' }), 422, 'CLAIM.NOT_CORRECTABLE', 'eventId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld', 'ClaimCorrected', 'MeetingHeld', 'ClaimRetracted']);
    });

    it('409 CLAIM.ALREADY_RETRACTED for a retracted claim; nothing is appended', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      await retract(talksId, meetingEventId).expect(201);
      expectProblem(await correct(talksId, meetingEventId, { format: 'phone' }), 409, 'CLAIM.ALREADY_RETRACTED', 'eventId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld', 'ClaimRetracted']);
    });

    it('404 CLAIM.NOT_FOUND for an unknown event id or a claim of another track; 404 TALKS.NOT_OPENED for an unknown track', async () => {
      const { talksId } = await openTrack(app);
      const other = await trackWithMeeting();
      expectProblem(await correct(talksId, randomUUID(), { format: 'phone' }), 404, 'CLAIM.NOT_FOUND', 'eventId');
      expectProblem(await correct(talksId, other.meetingEventId, { format: 'phone' }), 404, 'CLAIM.NOT_FOUND', 'eventId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);

      const unknown = uniqueSlug('never-opened');
      expectProblem(await correct(unknown, other.meetingEventId, { format: 'phone' }), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(unknown))).toEqual([]);
    });

    it('422 DATE.IN_FUTURE for a correction itself dated 2999, or one that re-dates the claim to 2999; nothing is appended', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      const response = await post(talksId, `claims/${meetingEventId}/corrections`, correctionBody({ format: 'phone' }, 'Later report', '2999-01-01'));
      expectProblem(response, 422, 'DATE.IN_FUTURE', 'occurredAt');
      expectProblem(await correct(talksId, meetingEventId, { occurredAt: '2999-01-01' }), 422, 'DATE.IN_FUTURE', 'changes.occurredAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });
  });

  describe('POST /v1/talks/:id/claims/:eventId/retraction', () => {
    it('records ClaimRetracted: 201, ETag "2", eventId and talksId from the path, provenance kept', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      const response = await post(talksId, `claims/${meetingEventId}/retraction`, retractionBody('The meeting did not take place', '2025-04-22'));
      const eventId = expectAppended(response, `talks-${talksId}`, 2, 'ClaimRetracted');

      const history = await talksHistory(app, talksId);
      expect(history[2]).toMatchObject({ id: eventId, metadata: { recordedBy: 'admin', schemaVersion: 2 } });
      expect(history[2].data).toEqual({
        talksId,
        eventId: meetingEventId,
        reason: 'The meeting did not take place',
        occurredAt: '2025-04-22',
        precision: 'day',
        provenance: provenance(),
      });
    });

    it('retracting TalksStalled un-stalls the talks: resume answers 409 TALKS.NOT_STALLED, a new stall is accepted', async () => {
      const { talksId } = await openTrack(app);
      const stalledId = await recordClaim(app, talksId, 'stall', reasonBody());
      await retract(talksId, stalledId).expect(201);
      expectProblem(await post(talksId, 'resume', reasonBody()), 409, 'TALKS.NOT_STALLED');
      expectAppended(await post(talksId, 'stall', reasonBody()), `talks-${talksId}`, 3, 'TalksStalled');
    });

    it('retracting CeasefireBrokered removes the ceasefire: a violation answers 404 CEASEFIRE.NOT_FOUND, a release naming it 422 CEASEFIRE.UNKNOWN', async () => {
      const { talksId, parties } = await openTrack(app);
      const ceasefireId = uniqueSlug('c');
      const ceasefireEventId = await recordClaim(app, talksId, 'ceasefires', ceasefireBody(ceasefireId, parties));
      await retract(talksId, ceasefireEventId).expect(201);
      expectProblem(await post(talksId, `ceasefires/${ceasefireId}/violations`, violationBody(parties[0], parties[1])), 404, 'CEASEFIRE.NOT_FOUND');
      expectProblem(await post(talksId, 'hostage-releases', hostageReleaseBody(parties[1], { ceasefireId })), 422, 'CEASEFIRE.UNKNOWN');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered', 'ClaimRetracted']);
    });

    it('retracting CeasefireEnded revives the ceasefire: a violation is accepted again', async () => {
      const { talksId, parties } = await openTrack(app);
      const ceasefireId = uniqueSlug('c');
      await recordClaim(app, talksId, 'ceasefires', ceasefireBody(ceasefireId, parties));
      const endedId = await recordClaim(app, talksId, `ceasefires/${ceasefireId}/end`, endCeasefireBody('collapsed'));
      await retract(talksId, endedId).expect(201);
      expectAppended(await post(talksId, `ceasefires/${ceasefireId}/violations`, violationBody(parties[0], parties[1])), `talks-${talksId}`, 4, 'CeasefireViolated');
    });

    it('retracting TalksConcluded reopens the track to new claims', async () => {
      const { talksId } = await openTrack(app);
      const concludedId = await recordClaim(app, talksId, 'conclude', concludeBody());
      await retract(talksId, concludedId).expect(201);
      expectAppended(await post(talksId, 'stall', reasonBody()), `talks-${talksId}`, 3, 'TalksStalled');
    });

    it('retracting a held meeting frees its id: the same meeting may be recorded again', async () => {
      const { talksId, parties, meetingId, meetingEventId } = await trackWithMeeting();
      await retract(talksId, meetingEventId).expect(201);
      expectAppended(await post(talksId, 'meetings', meetingBody(meetingId, parties)), `talks-${talksId}`, 3, 'MeetingHeld');
    });

    it('409 CLAIM.ALREADY_RETRACTED when a claim is retracted twice; nothing is appended', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      await retract(talksId, meetingEventId).expect(201);
      expectProblem(await retract(talksId, meetingEventId), 409, 'CLAIM.ALREADY_RETRACTED', 'eventId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld', 'ClaimRetracted']);
    });

    it('422 CLAIM.NOT_RETRACTABLE for the opening of the track, a correction, or a retraction; nothing is appended', async () => {
      const { talksId, parties, meetingEventId } = await trackWithMeeting();
      expectProblem(await retract(talksId, await openingOf(talksId)), 422, 'CLAIM.NOT_RETRACTABLE', 'eventId');
      const correctionId = await recordClaim(app, talksId, `claims/${meetingEventId}/corrections`, correctionBody({ format: 'video' }));
      expectProblem(await retract(talksId, correctionId), 422, 'CLAIM.NOT_RETRACTABLE', 'eventId');
      const otherMeetingId = await recordClaim(app, talksId, 'meetings', meetingBody(uniqueSlug('m'), parties));
      const retractionId = await recordClaim(app, talksId, `claims/${otherMeetingId}/retraction`, retractionBody());
      expectProblem(await retract(talksId, retractionId), 422, 'CLAIM.NOT_RETRACTABLE', 'eventId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld', 'ClaimCorrected', 'MeetingHeld', 'ClaimRetracted']);
    });

    it('retracts a claim of a concluded track: 201', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      await post(talksId, 'conclude', concludeBody()).expect(201);
      expectAppended(await retract(talksId, meetingEventId), `talks-${talksId}`, 3, 'ClaimRetracted');
    });

    it('finds the claim whatever the case of its UUID in the path: 201', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      expectAppended(await retract(talksId, meetingEventId.toUpperCase()), `talks-${talksId}`, 2, 'ClaimRetracted');
      expect((await talksHistory(app, talksId))[2].data.eventId).toBe(meetingEventId);
    });

    it('404 CLAIM.NOT_FOUND for an unknown event id or a claim of another track; 404 TALKS.NOT_OPENED for an unknown track', async () => {
      const { talksId } = await openTrack(app);
      const other = await trackWithMeeting();
      expectProblem(await retract(talksId, randomUUID()), 404, 'CLAIM.NOT_FOUND', 'eventId');
      expectProblem(await retract(talksId, other.meetingEventId), 404, 'CLAIM.NOT_FOUND', 'eventId');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);

      const unknown = uniqueSlug('never-opened');
      expectProblem(await retract(unknown, other.meetingEventId), 404, 'TALKS.NOT_OPENED');
      expect(await historyTypes(app, talksPath(unknown))).toEqual([]);
    });

    it('400 REQUEST.INVALID for a bad body, a path id that is not a slug, or an eventId that is not a UUID; 422 DATE.IN_FUTURE for 2999', async () => {
      const { talksId, meetingEventId } = await trackWithMeeting();
      const badBody = { ...retractionBody(), reason: undefined, provenance: { sources: [], confidence: 'reported' } };
      expect(invalidFields(await post(talksId, `claims/${meetingEventId}/retraction`, badBody))).toEqual(['provenance.sources', 'reason']);
      expect(invalidFields(await retract('NOT-A-SLUG', meetingEventId))).toEqual(['id']);
      expect(invalidFields(await retract(talksId, '12345'))).toEqual(['eventId']);
      expectProblem(await post(talksId, `claims/${meetingEventId}/retraction`, retractionBody('No', '2999-01-01')), 422, 'DATE.IN_FUTURE', 'occurredAt');
      expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'MeetingHeld']);
    });
  });
});
