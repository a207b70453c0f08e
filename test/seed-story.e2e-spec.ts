import request from 'supertest';
import { SEED_STORY } from '../scripts/demo/seed-story';
import { startTestApp, TestApp } from './support/test-app';

/** `npm run demo` records this story; it must stay valid against the API as both evolve. */
describe('The seed story (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const record = async (): Promise<request.Response[]> => {
    const recorded = new Map<string, string>();
    const responses: request.Response[] = [];
    for (const step of SEED_STORY) {
      const path = typeof step.path === 'string' ? step.path : step.path(recorded);
      const response = await app.api
        [step.method === 'POST' ? 'post' : 'patch'](path)
        .set('idempotency-key', `seed-story:${step.key}`)
        .send(step.body);
      expect({ step: step.key, status: response.status, problem: response.status >= 400 ? response.body : undefined }).toEqual({
        step: step.key,
        status: 201,
        problem: undefined,
      });
      recorded.set(step.key, response.body.events[0].id);
      responses.push(response);
    }
    return responses;
  };

  it('is recorded step by step, each claim with its sources and confidence', async () => {
    await record();
    const { body } = await app.api.get('/v1/talks/us-russia-ukraine/history').expect(200);
    const types = body.events.map((event: { type: string }) => event.type);
    expect(types).toEqual([
      'TalksOpened',
      'EnvoyVisited',
      'PrisonerSwapped',
      'MeetingHeld',
      'MeetingHeld',
      'MeetingHeld',
      'EnvoyVisited',
      'ClaimCorrected',
      'MeetingHeld',
      'MeetingScheduled',
    ]);
    const swap = body.events[2].data;
    expect(swap.releases[0]).toMatchObject({ person: 'Marc Fogel', nationality: 'USA', detainedSince: '2021-08', sentence: '14 years' });
    const correction = body.events[7].data;
    expect(correction.eventId).toBe(body.events[6].id);
    expect(correction.changes.provenance).toMatchObject({ confidence: 'confirmed', sources: [{ originator: 'Dmitry Peskov, Kremlin spokesperson' }] });

    const gaza = await app.api.get('/v1/talks/israel-hamas-hostages/history').expect(200);
    const ceasefire = gaza.body.events.find((event: { type: string }) => event.type === 'CeasefireBrokered').data;
    expect(ceasefire.terms).toMatchObject({ hostagesToRelease: { best: 33 }, prisonersToRelease: { best: 1900, low: 1800, high: 2000 } });
  });

  it('can be recorded again: every step is answered from its Idempotency-Key and nothing is appended', async () => {
    const before = await app.api.get('/v1/talks/us-russia-ukraine/history').expect(200);
    const again = await record();
    expect(again.every((response) => response.headers['idempotent-replayed'] === 'true')).toBe(true);
    const after = await app.api.get('/v1/talks/us-russia-ukraine/history').expect(200);
    expect(after.body.events).toHaveLength(before.body.events.length);
  });
});
