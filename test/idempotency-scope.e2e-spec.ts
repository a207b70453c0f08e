import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import { actorBody, openTalksBody } from './support/bodies';
import { historyTypes, registerActors } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

/** An Idempotency-Key is its sender's own, on one route: nobody else can replay it, spoil it, or read it back. */
describe('Idempotency keys are scoped by caller and route (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('another caller sending the same key and body is not answered with the first caller’s result', async () => {
    const [alice, bob] = [await app.as('analyst'), await app.as('analyst')];
    const key = uniqueSlug('shared-key');
    const id = uniqueSlug('actor');
    const first = await alice.post('/v1/actors').set('idempotency-key', key).send(actorBody(id)).expect(201);

    const other = await bob.post('/v1/actors').set('idempotency-key', key).send(actorBody(id));

    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.body).not.toEqual(first.body);
    // Bob's own command ran, and the actor exists already: the domain's answer, not Alice's 201.
    expect(other.status).toBe(409);
  });

  it('another caller using a key first, with another body, does not make the owner’s write fail', async () => {
    const [alice, mallory] = [await app.as('analyst'), await app.as('analyst')];
    const key = uniqueSlug('squatted-key');
    await mallory.post('/v1/actors').set('idempotency-key', key).send(actorBody(uniqueSlug('junk'))).expect(201);

    const id = uniqueSlug('real');
    const real = await alice.post('/v1/actors').set('idempotency-key', key).send(actorBody(id)).expect(201);

    expect(real.headers['idempotent-replayed']).toBeUndefined();
    expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual(['ActorRegistered']);
    // And the owner's retry is still a replay of the owner's own write.
    const retry = await alice.post('/v1/actors').set('idempotency-key', key).send(actorBody(id)).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(real.body);
  });

  it('the same caller’s key on another route is another command', async () => {
    const analyst = await app.as('analyst');
    const key = uniqueSlug('two-routes');
    await analyst.post('/v1/actors').set('idempotency-key', key).send(actorBody(uniqueSlug('first'))).expect(201);
    const parties = await registerActors(app, 'p', 'q');

    const talks = await analyst.post('/v1/talks').set('idempotency-key', key).send(openTalksBody(uniqueSlug('talks'), parties)).expect(201);

    expect(talks.headers['idempotent-replayed']).toBeUndefined();
  });

  it('event metadata keeps a hash of the key, never the key, and no fingerprint of the body alone', async () => {
    const key = uniqueSlug('secret-key');
    const id = uniqueSlug('metadata');
    const body = actorBody(id);
    await app.api.post('/v1/actors').set('idempotency-key', key).send(body).expect(201);

    const viewer = await app.as('viewer');
    const [event] = (await viewer.get(`/v1/actors/${id}/history`).expect(200)).body.events;

    expect(event.metadata.idempotencyKeyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(event.metadata)).not.toContain(key);
    expect(event.metadata).not.toHaveProperty('idempotencyKey');
    // What the fingerprint was before: anyone could recompute it from the event, and so tell which body went with a key.
    const bodyOnly = createHash('sha256').update(stableStringify({ method: 'POST', path: '/v1/actors', body }) ?? '').digest('base64url');
    expect(Object.values(event.metadata)).not.toContain(bodyOnly);
  });
});
