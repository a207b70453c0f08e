import request from 'supertest';
import { openApiDocument } from '../apps/api/src/openapi/openapi';
import { DocumentSchemas, OpenApiDocument } from './support/openapi/document-schemas';
import { describedBy, undocumented } from './support/openapi/response-contract';
import { registerActors } from './support/api';
import { startTestApp, TestApp } from './support/test-app';

/** The check every e2e request goes through: it must fail when the document and the answer part. */
describe('Every response is checked against the OpenAPI document (e2e)', () => {
  let app: TestApp;
  let document: OpenApiDocument;
  let actorId: string;

  beforeAll(async () => {
    app = await startTestApp();
    document = openApiDocument(app.app) as never;
    [actorId] = await registerActors(app, 'contract');
  });
  afterAll(async () => app.close());

  /** The document with one change, to see the check notice it. */
  const doctored = (change: (copy: any) => void): DocumentSchemas => {
    const copy = structuredClone(document);
    change(copy);
    return new DocumentSchemas(copy);
  };
  const actorUrl = () => new URL(`/v1/actors/${actorId}`, 'http://localhost').href;

  it('passes a response the document describes: status, media type and body', async () => {
    expect(undocumented(new DocumentSchemas(document), 'GET', actorUrl(), await app.api.get(`/v1/actors/${actorId}`).expect(200))).toBeUndefined();
  });

  it('fails a status the operation does not list', async () => {
    const schemas = doctored((copy) => delete copy.paths['/v1/actors/{id}'].get.responses['404']);
    const response = await app.api.get('/v1/actors/nobody-at-all');
    expect(undocumented(schemas, 'GET', new URL('/v1/actors/nobody-at-all', 'http://localhost').href, response)).toMatch(/get \/v1\/actors\/\{id\} documents only 200, 400, 401, 429, 503/);
  });

  it('fails a body that does not match the schema, naming the field', async () => {
    const schemas = doctored((copy) => (copy.components.schemas.Actor.properties.name = { type: 'integer' }));
    expect(undocumented(schemas, 'GET', actorUrl(), await app.api.get(`/v1/actors/${actorId}`))).toMatch(/does not match the document: body\/name must be integer/);
  });

  it('fails a media type the status does not list', async () => {
    const schemas = doctored((copy) => {
      const ok = copy.paths['/v1/actors/{id}'].get.responses['200'];
      ok.content = { 'text/csv': ok.content['application/json'] };
    });
    expect(undocumented(schemas, 'GET', actorUrl(), await app.api.get(`/v1/actors/${actorId}`))).toMatch(/lists only text\/csv/);
  });

  it('accepts null where the document says nullable, and refuses it elsewhere', async () => {
    const response = await app.api.get(`/v1/actors/${actorId}/activity`).expect(200);
    expect(response.body.represents).toBeNull();
    const schemas = doctored((copy) => delete copy.components.schemas.ActorActivity.properties.represents.nullable);
    const url = new URL(`/v1/actors/${actorId}/activity`, 'http://localhost').href;
    expect(undocumented(schemas, 'GET', url, response)).toMatch(/body\/represents must be string/);
  });

  it('fails the request itself when used as a supertest plugin', async () => {
    const schemas = doctored((copy) => delete copy.paths['/v1/actors/{id}'].get.responses['200']);
    const key = (await app.as('viewer')).key;
    await expect(request(app.http).get(`/v1/actors/${actorId}`).set('authorization', `Bearer ${key}`).use(describedBy(schemas))).rejects.toThrow(
      /The OpenAPI document does not describe this response/,
    );
  });
});
