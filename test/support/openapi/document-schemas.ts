import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Enough of an OpenAPI 3.0 document to find what an operation takes and answers. */
export type OpenApiDocument = Readonly<{
  paths: Record<string, Record<string, Operation>>;
  components?: Readonly<{ schemas?: Record<string, unknown> }>;
}>;

export type MediaTypes = Record<string, { schema?: unknown }>;

export type Parameter = Readonly<{ in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema?: unknown }>;

export type Operation = Readonly<{
  parameters?: readonly Parameter[];
  requestBody?: Readonly<{ required?: boolean; content: MediaTypes }>;
  responses: Record<string, { content?: MediaTypes }>;
}>;

const DOCUMENT_ID = 'openapi.json';

/**
 * OpenAPI 3.0 schemas are JSON Schema but for `nullable`, which JSON Schema writes as a
 * `null` type; and a `#/…` reference points into the document, which Ajv knows by its id.
 */
function asJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) converted[key] = `${DOCUMENT_ID}${value}`;
    else if (key !== 'nullable' && key !== 'example' && key !== 'examples') converted[key] = asJsonSchema(value);
  }
  if ((schema as { nullable?: unknown }).nullable !== true) return converted;
  // Beside allOf/anyOf/oneOf or a $ref, null must escape them too, so it becomes an alternative.
  const composed = ['allOf', 'anyOf', 'oneOf', '$ref'].some((keyword) => keyword in converted);
  if (typeof converted.type === 'string' && !composed) {
    const nullableEnum = Array.isArray(converted.enum) ? { enum: [...converted.enum, null] } : {};
    return { ...converted, type: [converted.type, 'null'], ...nullableEnum };
  }
  return { anyOf: [converted, { type: 'null' }] };
}

export type SchemaCheck = (value: unknown) => readonly ErrorObject[];

/** Compiles the document's schemas with Ajv (and ajv-formats), each once. */
export class DocumentSchemas {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<unknown, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    // Not strict: OpenAPI keeps keywords of its own (`xml`, `discriminator`, descriptions of enums…).
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: asJsonSchema(document.components ?? {}) });
  }

  /** A check of values against one schema of the document (a parameter's, a body's, a response's). */
  check(schema: unknown): SchemaCheck {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(asJsonSchema(schema) as object);
      this.compiled.set(schema, validate);
    }
    const compiledValidate = validate;
    return (value) => (compiledValidate(value) ? [] : [...(compiledValidate.errors ?? [])]);
  }

  errorsText(errors: readonly ErrorObject[]): string {
    return this.ajv.errorsText([...errors], { separator: '; ', dataVar: 'body' });
  }

  /** The operation of the document that a request for this method and path would reach, with its template. */
  operationFor(method: string, path: string): { template: string; operation: Operation } | undefined {
    const segments = path.split('/');
    const candidates = Object.entries(this.document.paths)
      .filter(([template]) => matches(template.split('/'), segments))
      // A literal segment beats a parameter: `/v1/talks/{id}` must not take `/v1/talks/x/history`'s place.
      .sort(([a], [b]) => literalCount(b) - literalCount(a));
    for (const [template, operations] of candidates) {
      const operation = operations[method.toLowerCase()];
      if (operation) return { template, operation };
    }
    return undefined;
  }
}

const matches = (template: readonly string[], segments: readonly string[]): boolean =>
  template.length === segments.length && template.every((part, index) => /^\{\w+\}$/.test(part) ? segments[index] !== '' : part === segments[index]);

const literalCount = (template: string): number => template.split('/').filter((part) => part && !part.startsWith('{')).length;
