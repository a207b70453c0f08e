import fc from 'fast-check';
import { DocumentSchemas, OpenApiDocument, Operation, Parameter } from '../../support/openapi/document-schemas';
import {
  deeplyNested,
  hugeNumberText,
  refusesSomeText,
  refusesSomeValue,
  resolved,
  Rules,
  undecodableQueryText,
  withLoneSurrogate,
  wrongValueFor,
} from './wrong-values';

/** One endpoint as /docs-json describes it. */
export type Endpoint = Readonly<{
  method: string;
  /** OpenAPI template, e.g. `/v1/talks/{id}/meetings`. */
  path: string;
  pathParams: readonly string[];
  queryParams: readonly string[];
  /** Lower-case names of the headers it documents (If-Match, Idempotency-Key, X-Min-Position…). */
  headerParams: readonly string[];
  /** The request body's properties and their schemas, when the endpoint takes a body. */
  body?: Readonly<Record<string, unknown>>;
  operation: Operation;
  schemas: DocumentSchemas;
}>;

export type InvalidRequest = Readonly<{
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Sent as is (content-type per `headers`); undefined: no body. */
  raw?: string;
  why: string;
}>;

/** Every endpoint of the API, from its own OpenAPI document. */
export function endpointsOf(openApi: OpenApiDocument): Endpoint[] {
  const schemas = new DocumentSchemas(openApi);
  const endpoints: Endpoint[] = [];
  for (const [path, operations] of Object.entries(openApi.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const bodySchema = Object.values(operation.requestBody?.content ?? {})[0]?.schema;
      const body = operation.requestBody ? (resolved(schemas, bodySchema).properties ?? {}) : undefined;
      endpoints.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        headerParams: parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
        body,
        operation,
        schemas,
      });
    }
  }
  return endpoints;
}

const text = (maxLength = 40) => fc.string({ maxLength });
/** Printable ASCII without what a header value may not start or end with. */
const headerText = fc.string({ minLength: 1, maxLength: 60 }).map((value) => value.trim() || 'x');
const jsonValue = fc.jsonValue({ maxDepth: 3 });

const parameterOf = (endpoint: Endpoint, where: Parameter['in'], name: string): Parameter | undefined =>
  endpoint.operation.parameters?.find((p) => p.in === where && p.name.toLowerCase() === name.toLowerCase());

/** A query or path value as the validation pipe reads it: numbers and lists from their text. */
function asParameterValue(schema: Rules, value: string): unknown {
  if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (schema.type === 'array') return [value];
  return value;
}

/** A wrong value for a path or query parameter, as the text it is sent as. */
const wrongParameter = (endpoint: Endpoint, where: Parameter['in'], name: string): fc.Arbitrary<string> => {
  const schema = parameterOf(endpoint, where, name)?.schema;
  const refuses = endpoint.schemas.check(schema);
  return fc
    .oneof(wrongValueFor(endpoint.schemas, schema).map((value) => (typeof value === 'string' ? value : JSON.stringify(value))), text().map((s) => `x${s}~`))
    .filter((value) => value !== '' && refuses(asParameterValue(resolved(endpoint.schemas, schema), value)).length > 0);
};

/**
 * What the document says is wrong with a request, or undefined when it would accept it: a
 * bad key (the security requirement), a header, path or query value its schema refuses, a
 * query parameter it does not list (the server refuses unknown ones), a body that is not of
 * a listed media type, not JSON, or not of the body's schema.
 */
export function documentRejects(endpoint: Endpoint, request: InvalidRequest): string | undefined {
  const { schemas, operation } = endpoint;
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  // The harness sends the admin key unless a request brings its own, which is never a key the server issued.
  if (headers.authorization !== undefined) return 'not a key the server issued';
  for (const [name, value] of Object.entries(headers)) {
    const parameter = parameterOf(endpoint, 'header', name);
    if (parameter && schemas.check(parameter.schema)(value).length > 0) return `header ${name}`;
  }
  const url = new URL(request.path, 'http://localhost');
  const template = endpoint.path.split('/');
  const segments = url.pathname.split('/');
  if (segments.length !== template.length) return 'path';
  for (const [index, part] of template.entries()) {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) continue;
    const schema = parameterOf(endpoint, 'path', name)?.schema;
    if (schemas.check(schema)(asParameterValue(resolved(schemas, schema), decodeURIComponent(segments[index]))).length > 0) return `path ${name}`;
  }
  for (const [name, value] of url.searchParams) {
    const parameter = parameterOf(endpoint, 'query', name);
    if (!parameter) return `unknown query parameter ${name}`;
    if (schemas.check(parameter.schema)(asParameterValue(resolved(schemas, parameter.schema), value)).length > 0) return `query ${name}`;
  }
  if (request.raw === undefined) return operation.requestBody?.required ? 'no body' : undefined;
  const mediaType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const media = operation.requestBody?.content[mediaType];
  if (!media) return `media type ${mediaType}`;
  let body: unknown;
  try {
    body = JSON.parse(request.raw);
  } catch {
    return 'not JSON';
  }
  return schemas.check(media.schema)(body).length > 0 ? 'body schema' : undefined;
}

/** A body that is no valid command: not an object, not JSON, wrongly typed, too big, or not JSON at all. */
function invalidBody(endpoint: Endpoint): fc.Arbitrary<Pick<InvalidRequest, 'raw' | 'headers' | 'why'>> {
  const json = { 'content-type': 'application/json' };
  const properties = Object.entries(endpoint.body ?? {}).filter(([, schema]) => refusesSomeValue(endpoint.schemas, schema));
  const wronglyTyped =
    properties.length === 0
      ? fc.constant({})
      : fc
          .subarray(properties, { minLength: 1 })
          .chain((chosen) => fc.tuple(...chosen.map(([name, schema]) => wrongValueFor(endpoint.schemas, schema).map((value) => [name, value] as const))))
          .map((entries) => Object.fromEntries(entries));
  return fc.oneof(
    fc.oneof(fc.array(jsonValue, { maxLength: 4 }), fc.string(), fc.integer(), fc.boolean(), fc.constant(null)).map((value) => ({
      raw: JSON.stringify(value),
      headers: json,
      why: 'not an object',
    })),
    fc.oneof(fc.json().map((value) => `${value} }x`), fc.constantFrom('', ' ', '{', '{"a":', '[1,', '{"__proto__": {"x": 1}}'), fc.string().map((s) => `{${s}`)).map((raw) => ({
      raw,
      headers: json,
      why: 'malformed JSON',
    })),
    fc.tuple(wronglyTyped, fc.boolean(), text(10)).map(([body, unknownKey, key]) => ({
      raw: JSON.stringify(unknownKey ? { ...body, [`zz${key}`]: 1 } : body),
      headers: json,
      why: 'wrongly typed fields',
    })),
    fc.integer({ min: 300_000, max: 600_000 }).map((size) => ({ raw: JSON.stringify({ summary: 'x'.repeat(size) }), headers: json, why: 'too large' })),
    fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded').map((type) => ({
      raw: '{"id":"x"}',
      headers: { 'content-type': type },
      why: 'not JSON',
    })),
  );
}

/** Headers the endpoint must refuse: a bad API key always, a bad If-Match, Idempotency-Key or X-Min-Position where it reads them. */
function invalidHeadersFor(endpoint: Endpoint): fc.Arbitrary<Record<string, string>> {
  const reads = (name: string) => endpoint.headerParams.includes(name);
  return fc.oneof(
    headerText.map((value) => ({ authorization: `Bearer x${value}` })),
    headerText.map((value) => ({ authorization: value })),
    ...(reads('if-match') ? [headerText.map((value) => ({ 'if-match': `x${value}` }))] : []),
    ...(reads('idempotency-key')
      ? [fc.oneof(fc.string({ minLength: 256, maxLength: 400 }).map((s) => `k${s}`), headerText.map((s) => `a b${s}`)).map((value) => ({ 'idempotency-key': value }))]
      : []),
    ...(reads('x-min-position') ? [headerText.map((value) => ({ 'x-min-position': `x${value}` }))] : []),
  );
}

/**
 * An invalid request for the endpoint: invalid path parameters, query strings (always with a
 * parameter it does not know, plus junk in the ones it knows), headers or body.
 */
export function invalidRequestFor(endpoint: Endpoint, validParams: Readonly<Record<string, string>>): fc.Arbitrary<InvalidRequest> {
  const fill = (params: Record<string, string>): string =>
    endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? validParams[name] ?? 'x'));
  const validPath = fill({});
  // A body the endpoint can never accept, so a bad header or path is not the only thing wrong.
  const baseline: Pick<InvalidRequest, 'raw' | 'headers'> = endpoint.body
    ? { raw: JSON.stringify({ zzUnknown: true }), headers: { 'content-type': 'application/json' } }
    : { headers: {} };
  const variants: Array<fc.WeightedArbitrary<InvalidRequest>> = [
    {
      arbitrary: invalidHeadersFor(endpoint).map((headers) => ({ method: endpoint.method, path: validPath, ...baseline, headers: { ...baseline.headers, ...headers }, why: 'bad header' })),
      weight: 1,
    },
  ];
  if (endpoint.body) {
    // Bodies have the most ways to be wrong, and reach the deepest (validators, then the decider).
    variants.push({ arbitrary: invalidBody(endpoint).map((body) => ({ method: endpoint.method, path: validPath, ...body })), weight: 4 });
  }
  const wrongPath = endpoint.pathParams.filter((name) => refusesSomeText(endpoint.schemas, parameterOf(endpoint, 'path', name)?.schema));
  if (wrongPath.length > 0) {
    const junk = fc.record(Object.fromEntries(wrongPath.map((name) => [name, wrongParameter(endpoint, 'path', name)])));
    variants.push({ arbitrary: junk.map((params) => ({ method: endpoint.method, path: fill(params), ...baseline, why: 'bad path parameter' })), weight: 1 });
  }
  // Only parameters whose schema refuses some text can be given a wrong value; the others are left out.
  const wrongable = endpoint.queryParams.filter((name) => refusesSomeText(endpoint.schemas, parameterOf(endpoint, 'query', name)?.schema));
  if (endpoint.queryParams.length > 0) {
    const known =
      wrongable.length === 0
        ? fc.constant({})
        : fc
            .subarray(wrongable, { maxLength: Math.min(3, wrongable.length) })
            .chain((names) => fc.tuple(...names.map((name) => wrongParameter(endpoint, 'query', name).map((value) => [name, value] as const))))
            .map((entries) => Object.fromEntries(entries));
    variants.push({
      arbitrary: fc.tuple(fc.boolean(), text(12), text(), known).map(([unknownName, name, value, params]) => {
        // Junk in the parameters it knows, or one it does not, or both.
        const query = new URLSearchParams({ ...params, ...(unknownName || Object.keys(params).length === 0 ? { [`zz${name}`]: value } : {}) });
        return { method: endpoint.method, path: `${validPath}?${query}`, ...baseline, why: 'bad query string' };
      }),
      weight: 2,
    });
  }
  // Checked against the document before it is sent: a request the document accepts is no bad input.
  const documented = fc.oneof(...variants).filter((request) => documentRejects(endpoint, request) !== undefined);
  const hostile = hostileRequestFor(endpoint, validPath);
  return hostile ? fc.oneof({ arbitrary: documented, weight: 4 }, { arbitrary: hostile, weight: 1 }) : documented;
}

/** Numbers the pattern of a position (or a bounded integer) lets through on its face, for the parameters that take one. */
const takesNumbers = (endpoint: Endpoint, name: string): boolean => {
  const rules = resolved(endpoint.schemas, parameterOf(endpoint, 'query', name)?.schema);
  return rules.type === 'integer' || rules.type === 'number' || rules.pattern === '^\\d{1,19}$';
};

/**
 * Requests the document cannot call wrong but the server must refuse with a 400 (an attack
 * review sent each, and each was a 500 or got through): huge numbers, deep nesting, lone
 * surrogates in a body, undecodable query strings. Sent without the document's check.
 */
function hostileRequestFor(endpoint: Endpoint, validPath: string): fc.Arbitrary<InvalidRequest> | undefined {
  const json = { 'content-type': 'application/json' };
  const variants: fc.Arbitrary<InvalidRequest>[] = [];
  const numeric = endpoint.queryParams.filter((name) => takesNumbers(endpoint, name));
  if (numeric.length > 0) {
    variants.push(
      fc.tuple(fc.constantFrom(...numeric), hugeNumberText).map(([name, value]) => ({
        method: endpoint.method, path: `${validPath}?${name}=${value}`, headers: {}, why: 'huge number',
        ...(endpoint.body ? { raw: '{}', headers: json } : {}),
      })),
    );
  }
  if (endpoint.headerParams.includes('x-min-position')) {
    variants.push(hugeNumberText.map((value) => ({ method: endpoint.method, path: validPath, headers: { 'x-min-position': value }, why: 'huge number' })));
  }
  if (endpoint.body) {
    variants.push(deeplyNested.map((raw) => ({ method: endpoint.method, path: validPath, headers: json, raw, why: 'deep nesting' })));
    variants.push(withLoneSurrogate.map((raw) => ({ method: endpoint.method, path: validPath, headers: json, raw, why: 'lone surrogate' })));
  }
  if (endpoint.queryParams.length > 0) {
    variants.push(
      fc.tuple(fc.constantFrom(...endpoint.queryParams), undecodableQueryText).map(([name, value]) => ({
        method: endpoint.method, path: `${validPath}?${name}=${value}`, headers: {}, why: 'lone surrogate',
        ...(endpoint.body ? { raw: '{}', headers: json } : {}),
      })),
    );
  }
  return variants.length > 0 ? fc.oneof(...variants) : undefined;
}
