import request from 'supertest';
import { DocumentSchemas, OpenApiDocument } from './document-schemas';

/** What the document is not about: Swagger UI and the document themselves, the board's page and files, and CORS preflights. */
const outsideTheDocument = (method: string, path: string): boolean => method === 'OPTIONS' || /^\/docs(\/|-json$|-yaml$|$)/.test(path) || /^\/board(\/|$)/.test(path);

/** Where no operation matches, the router's own refusal: a problem that says so. */
const NO_SUCH_ROUTE = [404, 405];

const mediaTypeOf = (response: request.Response): string | undefined => response.headers['content-type']?.split(';')[0].trim().toLowerCase();

/** JSON Lines: each line is one value of the schema. */
const linesOf = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));

/**
 * Whether the document describes a response: its operation (by method and path template)
 * lists the status, the status lists the media type, and the body matches that schema.
 * Answers what is wrong, or undefined.
 */
export function undocumented(schemas: DocumentSchemas, method: string, url: string, response: request.Response): string | undefined {
  const path = new URL(url).pathname;
  if (outsideTheDocument(method, path)) return undefined;
  const label = `${method} ${path} → ${response.status} ${response.headers['content-type'] ?? '(no content type)'}`;
  const found = schemas.operationFor(method, path);
  if (!found) {
    if (!NO_SUCH_ROUTE.includes(response.status)) return `${label}: no operation of the document matches ${method} ${path}`;
    return bodyProblems(schemas, label, response, { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
  }
  const documented = found.operation.responses[String(response.status)];
  if (!documented) {
    const statuses = Object.keys(found.operation.responses).join(', ');
    return `${label}: ${method.toLowerCase()} ${found.template} documents only ${statuses}; body ${JSON.stringify(response.body ?? response.text).slice(0, 300)}`;
  }
  if (!documented.content) {
    const empty = (response.text ?? '') === '';
    return empty ? undefined : `${label}: ${found.template} documents no body for ${response.status}, got ${response.text.slice(0, 200)}`;
  }
  return bodyProblems(schemas, `${label} (${method.toLowerCase()} ${found.template})`, response, documented.content);
}

function bodyProblems(schemas: DocumentSchemas, label: string, response: request.Response, content: Record<string, { schema?: unknown }>): string | undefined {
  const mediaType = mediaTypeOf(response);
  const media = mediaType === undefined ? undefined : content[mediaType];
  if (!media) return `${label}: the document lists only ${Object.keys(content).join(', ')} here`;
  if (media.schema === undefined) return undefined;
  const check = schemas.check(media.schema);
  const values = mediaType === 'application/x-ndjson' ? linesOf(response.text) : [/json$/.test(mediaType!) ? response.body : response.text];
  for (const value of values) {
    const errors = check(value);
    if (errors.length > 0) return `${label}: the body does not match the document: ${schemas.errorsText(errors)}\n${JSON.stringify(value).slice(0, 600)}`;
  }
  return undefined;
}

/**
 * A supertest plugin: the request fails, with what is wrong, when the document does not
 * describe its response. Its check runs before the test's own `expect`s.
 */
export const describedBy =
  (schemas: DocumentSchemas) =>
  (test: request.Test): void => {
    const { method, url } = test as unknown as { method: string; url: string };
    void test.expect((response: request.Response) => {
      const wrong = undocumented(schemas, method, url, response);
      if (wrong) throw new Error(`The OpenAPI document does not describe this response. ${wrong}`);
    });
  };

export type { OpenApiDocument };
