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
    await request(app.http).post('/v1/actors').send(actorBody(id)).expect(201);
  }
  return ids;
}

/** An opened track between two fresh parties, ready for claims. */
export async function openTrack(app: TestApp, mediators: string[] = []): Promise<{ talksId: string; parties: string[] }> {
  const parties = await registerActors(app, 'party-a', 'party-b');
  const talksId = uniqueSlug('talks');
  await request(app.http).post('/v1/talks').send(openTalksBody(talksId, parties, mediators)).expect(201);
  return { talksId, parties };
}

/** Every event type of a stream's history, to prove a rejection appended nothing. */
export async function historyTypes(app: TestApp, path: string): Promise<string[]> {
  const response = await request(app.http).get(`${path}/history?limit=1000`);
  if (response.status === 404) return [];
  return (response.body.events as Array<{ type: string }>).map((event) => event.type);
}
