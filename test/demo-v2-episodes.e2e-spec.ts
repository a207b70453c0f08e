import request from 'supertest';
import { SEED_STORY } from '../scripts/demo/seed-story';
import { V2_EPISODES } from '../scripts/demo/v2-episodes';
import { startTestApp, TestApp } from './support/test-app';

/**
 * `npm run demo` records these after the seed story: the Ankara exchange of 2024 and the November
 * 2023 truce, as an analyst states them. They read back the way they were stated.
 */
describe('The demo’s v2 episodes (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    const recorded = new Map<string, string>();
    for (const step of [...SEED_STORY, ...V2_EPISODES]) {
      const path = typeof step.path === 'string' ? step.path : step.path(recorded);
      const response = await app.api.post(path).set('idempotency-key', `seed-story:${step.key}`).send(step.body);
      expect({ step: step.key, status: response.status, problem: response.status >= 400 ? response.body : undefined }).toEqual({
        step: step.key,
        status: 201,
        problem: undefined,
      });
      recorded.set(step.key, response.body.events[0].id);
    }
  });

  afterAll(async () => {
    await app.close();
  });

  const status = async (talksId: string, query = ''): Promise<request.Response['body']> =>
    (await app.api.get(`/v1/talks/${talksId}${query}`).expect(200)).body;

  it('opens tracks already under way without a date or a source', async () => {
    const ankara = await status('russia-west-exchange-2024');
    expect(ankara.openedAt).toBeUndefined();
    const { body } = await app.api.get('/v1/timeline?talksId=russia-west-exchange-2024&type=TalksOpened').expect(200);
    expect(body.items[0]).toMatchObject({ occurredAt: null, confidence: null });
  });

  it('counts the Ankara exchange by its total of 26, lists the five named with who received them, and finds it where it happened', async () => {
    const ankara = await status('russia-west-exchange-2024');
    expect(ankara).toMatchObject({ lifecycle: 'active', counts: { swaps: 1, prisonersFreed: { best: 26, low: 26, high: 26 } } });
    const releases = await app.api.get('/v1/releases?talksId=russia-west-exchange-2024').expect(200);
    const people = releases.body.items.map((r: { person: string; releasedTo?: string }) => [r.person, r.releasedTo]);
    expect(people).toEqual(
      expect.arrayContaining([
        ['Evan Gershkovich', 'usa'],
        ['Vadim Krasikov', 'rus'],
      ]),
    );
    expect(people).toHaveLength(5);
    const inTurkey = await app.api.get('/v1/timeline?placeCountry=TUR').expect(200);
    expect(inTurkey.body.items.map((item: { type: string }) => item.type)).toEqual(['PrisonerSwapped']);
  });

  it('reads the truce on each day with the end then in force, and its releases only once their days have passed', async () => {
    const truce = '/v1/talks/israel-hamas-truce-2023';
    const day3 = (await app.api.get(`${truce}?asOf=2023-11-26T12:00:00Z`).expect(200)).body;
    expect(day3.ceasefire).toMatchObject({ endsAt: '2023-11-28' });
    expect(day3.counts.hostagesFreed.best).toBe(0);
    const afterFirst = (await app.api.get(`${truce}?asOf=2023-11-28T12:00:00Z`).expect(200)).body;
    expect(afterFirst.ceasefire).toMatchObject({ endsAt: '2023-11-30', extended: { count: 1 } });
    const lastDay = (await app.api.get(`${truce}?asOf=2023-11-30T20:00:00Z`).expect(200)).body;
    expect(lastDay.ceasefire).toMatchObject({ endsAt: '2023-12-01', extended: { count: 2, originalEndsAt: '2023-11-28' } });
    expect(lastDay.counts.hostagesFreed.best).toBe(0);
    const after = await status('israel-hamas-truce-2023');
    expect(after.counts).toMatchObject({ hostagesFreed: { best: 105 }, prisonersFreed: { best: 240 } });
  });
});
