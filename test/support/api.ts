import request from 'supertest';
import { TestApp } from './test-app';
import { actorBody, openTalksBody } from './bodies';
import { uniqueSlug } from './ids';

export const JSON_TYPE = /application\/json/;
export const PROBLEM_TYPE = /application\/problem\+json/;

/** Registers actors (kind person unless the id says otherwise) and answers their ids. */
export async function registerActors(app: TestApp, ...prefixes: string[]): Promise<string[]> {
  const ids = prefixes.map((prefix) => uniqueSlug(prefix));
  for (const id of ids) {
    await app.api.post('/v1/actors').send(actorBody(id)).expect(201);
  }
  return ids;
}

/** An opened track between two fresh parties, ready for claims. */
export async function openTrack(app: TestApp, mediators: string[] = []): Promise<{ talksId: string; parties: string[] }> {
  const parties = await registerActors(app, 'party-a', 'party-b');
  const talksId = uniqueSlug('talks');
  await app.api.post('/v1/talks').send(openTalksBody(talksId, parties, mediators)).expect(201);
  return { talksId, parties };
}

/** Every event type of a stream's history, to prove a rejection appended nothing. */
export async function historyTypes(app: TestApp, path: string): Promise<string[]> {
  const response = await app.api.get(`${path}/history?limit=1000`);
  if (response.status === 404) return [];
  return (response.body.events as Array<{ type: string }>).map((event) => event.type);
}

export const talksPath = (talksId: string): string => `/v1/talks/${talksId}`;

export type HistoryEvent = Readonly<{
  id: string;
  type: string;
  revision: number;
  position: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}>;

/** A track's whole history, oldest first. */
export async function talksHistory(app: TestApp, talksId: string): Promise<HistoryEvent[]> {
  const response = await app.api.get(`${talksPath(talksId)}/history?limit=1000`).expect(200);
  return response.body.events as HistoryEvent[];
}

/** Posts a claim under a track (`path` relative to it, e.g. `meetings`), expects 201 and answers the event id. */
export async function recordClaim(app: TestApp, talksId: string, path: string, body: object): Promise<string> {
  const response = await app.api.post(`${talksPath(talksId)}/${path}`).send(body);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  return (response.body.events as Array<{ id: string }>)[0].id;
}

/** The 201 of an accepted command: JSON, the new revision as ETag, its position, and the one event appended. */
export function expectAppended(response: request.Response, streamId: string, revision: number, type: string): string {
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  expect(response.headers['content-type']).toMatch(JSON_TYPE);
  expect(response.headers.etag).toBe(`"${revision}"`);
  expect(response.body).toEqual({
    streamId,
    revision,
    position: expect.stringMatching(/^\d+$/),
    events: [{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), type }],
  });
  return response.body.events[0].id as string;
}

/** A Problem Details answer with this status and code; `field`, when given, is the one field blamed. */
export function expectProblem(response: request.Response, status: number, code: string, field?: string): void {
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(PROBLEM_TYPE);
  expect(response.body).toMatchObject({ status, code, type: `/problems/${code}` });
  if (field !== undefined) expect(response.body.errors).toEqual([{ field, message: expect.any(String) }]);
}

/** The fields a 400 blames, sorted. */
export function invalidFields(response: request.Response): string[] {
  expectProblem(response, 400, 'REQUEST.INVALID');
  return (response.body.errors as Array<{ field: string }>).map((error) => error.field).sort();
}
