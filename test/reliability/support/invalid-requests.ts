import fc from 'fast-check';

/** One endpoint as /docs-json describes it. */
export type Endpoint = Readonly<{
  method: string;
  /** OpenAPI template, e.g. `/v1/talks/{id}/meetings`. */
  path: string;
  pathParams: readonly string[];
  queryParams: readonly string[];
  /** Lower-case names of the headers it documents (If-Match, Idempotency-Key, X-Min-Position…). */
  headerParams: readonly string[];
  /** The request body's properties and their JSON types, when the endpoint takes a body. */
  body?: Readonly<Record<string, string>>;
}>;

export type InvalidRequest = Readonly<{
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Sent as is (content-type per `headers`); undefined: no body. */
  raw?: string;
  why: string;
}>;

type OpenApi = {
  paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, { type?: string; $ref?: string; allOf?: unknown[] }> }> };
};

/** Every endpoint of the API, from its own OpenAPI document. */
export function endpointsOf(openApi: OpenApi): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const [path, operations] of Object.entries(openApi.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const ref = Object.values(operation.requestBody?.content ?? {})[0]?.schema.$ref;
      const schema = ref ? openApi.components.schemas[ref.split('/').pop()!] : undefined;
      const body = operation.requestBody
        ? Object.fromEntries(Object.entries(schema?.properties ?? {}).map(([name, property]) => [name, property.type ?? 'object']))
        : undefined;
      endpoints.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        headerParams: parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
        body,
      });
    }
  }
  return endpoints;
}

const text = (maxLength = 40) => fc.string({ maxLength });
/** Printable ASCII without what a header value may not start or end with. */
const headerText = fc.string({ minLength: 1, maxLength: 60 }).map((value) => value.trim() || 'x');
const jsonValue = fc.jsonValue({ maxDepth: 3 });

/** A JSON value of another type than the schema's: never a valid value for that property. */
function wrongValueFor(type: string): fc.Arbitrary<unknown> {
  const object = fc.dictionary(text(8), jsonValue, { maxKeys: 3 });
  switch (type) {
    case 'string':
      // No NaN or Infinity: JSON.stringify writes them as null, which a nullable field rightly accepts.
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), object);
    case 'integer':
    case 'number':
      return fc.oneof(text().map((s) => `x${s}`), fc.array(jsonValue, { maxLength: 3 }), object);
    case 'boolean':
      return fc.oneof(text().map((s) => `x${s}`), fc.integer({ min: 2 }), object);
    case 'array':
      return fc.oneof(text(), fc.integer(), object);
    default:
      return fc.oneof(text(), fc.integer(), fc.boolean(), fc.array(jsonValue, { maxLength: 3 }));
  }
}

/** A body that is no valid command: not an object, not JSON, wrongly typed, too big, or not JSON at all. */
function invalidBody(endpoint: Endpoint): fc.Arbitrary<Pick<InvalidRequest, 'raw' | 'headers' | 'why'>> {
  const json = { 'content-type': 'application/json' };
  const properties = Object.entries(endpoint.body ?? {});
  const wronglyTyped =
    properties.length === 0
      ? fc.constant({})
      : fc
          .subarray(properties, { minLength: 1 })
          .chain((chosen) => fc.tuple(...chosen.map(([name, type]) => wrongValueFor(type).map((value) => [name, value] as const))))
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
  if (endpoint.pathParams.length > 0) {
    const junk = fc.record(Object.fromEntries(endpoint.pathParams.map((name) => [name, fc.string({ minLength: 1, maxLength: 120 }).map((s) => `${s}~`)])));
    variants.push({ arbitrary: junk.map((params) => ({ method: endpoint.method, path: fill(params), ...baseline, why: 'bad path parameter' })), weight: 1 });
  }
  if (endpoint.queryParams.length > 0) {
    const known = fc.dictionary(fc.constantFrom(...endpoint.queryParams), text().map((s) => `x${s}`), { maxKeys: 3 });
    variants.push({
      arbitrary: fc.tuple(text(12), text(), known).map(([name, value, params]) => {
        const query = new URLSearchParams({ ...params, [`zz${name}`]: value });
        return { method: endpoint.method, path: `${validPath}?${query}`, ...baseline, why: 'bad query string' };
      }),
      weight: 2,
    });
  }
  return fc.oneof(...variants);
}
