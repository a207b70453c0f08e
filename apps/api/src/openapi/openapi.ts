import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SchemaObject, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCHEMAS } from '../access/api-key.schema';
import { ACTOR_SCHEMAS } from '../actors/actor.schema';
import { HISTORY_SCHEMAS } from '../history/history.schema';
import { PROJECTION_STATUS } from '../read-models/projection-status.schema';
import { RELEASES_SCHEMAS } from '../releases/releases.schema';
import { TALKS_STATUS_SCHEMAS } from '../talks/talks-status.schema';
import { TIMELINE_SCHEMAS } from '../timeline/timeline.schema';
import { DATASET_SCHEMAS } from '../timeline/dataset.schema';
import { CODEBOOK_SCHEMAS } from '../codebooks/codebooks.schema';
import { INCIDENT_SCHEMAS } from '../incidents/suggestions.schema';
import { API_TAGS } from './api-tags';
import { PROBLEM_SCHEMAS } from './problem.schema';
import { SchemaComponent } from './schema-component';

/** The schemas of what the API answers, written by hand: the read models are plain types, not classes. */
const RESPONSE_SCHEMAS: readonly SchemaComponent[] = [
  ...PROBLEM_SCHEMAS,
  ...TALKS_STATUS_SCHEMAS,
  ...TIMELINE_SCHEMAS,
  ...DATASET_SCHEMAS,
  ...CODEBOOK_SCHEMAS,
  ...RELEASES_SCHEMAS,
  ...HISTORY_SCHEMAS,
  ...ACTOR_SCHEMAS,
  ...API_KEY_SCHEMAS,
  ...INCIDENT_SCHEMAS,
  PROJECTION_STATUS,
];

/** The OpenAPI document of the app, generated from its controllers and DTOs. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Parley')
    .setDescription(
      'Event-sourced diplomacy tracker. Every write is a command that appends immutable events; ' +
        'every claim carries its sources and confidence. Errors are RFC 9457 Problem Details (`application/problem+json`); ' +
        'every code is listed at GET /problems. Unknown body fields and query parameters are refused (400).',
    )
    .setVersion('1')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'parley_…', description: 'An API key: `parley_…`. The server prints the first admin key at its first start.' }, 'bearer');
  for (const [name, description] of API_TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  const generated = document.components?.schemas ?? {};
  for (const schema of Object.values(generated)) closeRequestBody(schema as SchemaObject);
  for (const operation of Object.values(document.paths).flatMap((item) => Object.values(item) as Array<{ security?: unknown }>)) {
    // A route that asks for no key (health, the problem catalogue) says so, rather than saying nothing.
    if (typeof operation === 'object' && operation !== null && !('security' in operation)) operation.security = [];
  }
  document.components = {
    ...document.components,
    schemas: { ...generated, ...Object.fromEntries(RESPONSE_SCHEMAS.map(({ name, schema }) => [name, schema])) },
  };
  return document;
}

/**
 * Nest generates schemas only for the request DTOs, and the validation pipe refuses any
 * property they do not declare (forbidNonWhitelisted): the document says so.
 */
function closeRequestBody(schema: SchemaObject): void {
  if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
}

/** Swagger UI at /docs (Authorize remembers the key across reloads) and the document at /docs-json. */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs-json', swaggerOptions: { persistAuthorization: true } });
}
