import fc from 'fast-check';
import { DocumentSchemas } from '../../support/openapi/document-schemas';

/** The parts of a schema the wrong values are drawn from: what the validators really check. */
export type Rules = Readonly<{
  type?: string;
  nullable?: boolean;
  enum?: readonly unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: unknown;
  properties?: Record<string, unknown>;
  required?: readonly string[];
  additionalProperties?: unknown;
  allOf?: readonly unknown[];
  $ref?: string;
}>;

const text = (maxLength = 40) => fc.string({ maxLength });
const jsonValue = fc.jsonValue({ maxDepth: 3 });
// No NaN or Infinity: JSON.stringify writes them as null, which a nullable field rightly accepts.
const anyNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** The schema a `$ref` (or an `allOf` of one, as Nest and nullable references write it) stands for. */
export function resolved(schemas: DocumentSchemas, schema: unknown): Rules {
  const rules = (schema ?? {}) as Rules;
  if (rules.$ref) return resolved(schemas, schemas.document.components?.schemas?.[rules.$ref.split('/').pop()!]);
  if (rules.allOf?.length === 1) return { ...rules, ...resolved(schemas, rules.allOf[0]), allOf: undefined };
  return rules;
}

/** Values of every JSON type but the schema's own (and but null where it is nullable). */
function otherTypes(rules: Rules): fc.Arbitrary<unknown>[] {
  const object = fc.dictionary(text(8), jsonValue, { maxKeys: 3 });
  const byType: Record<string, fc.Arbitrary<unknown>> = {
    string: text().map((s) => `x${s}`),
    number: anyNumber,
    integer: fc.integer(),
    boolean: fc.boolean(),
    array: fc.array(jsonValue, { maxLength: 3 }),
    object,
    null: fc.constant(null),
  };
  const own = rules.type === 'integer' ? ['integer', 'number'] : rules.type === 'number' ? ['integer', 'number'] : [rules.type];
  if (rules.nullable) own.push('null');
  return Object.entries(byType)
    .filter(([type]) => !own.includes(type))
    .map(([, arbitrary]) => arbitrary);
}

/** Values that break one of the schema's own rules: its type, enum, pattern, format, lengths, bounds, items or properties. */
function brokenRules(schemas: DocumentSchemas, rules: Rules): fc.Arbitrary<unknown>[] {
  const broken: fc.Arbitrary<unknown>[] = [];
  if (rules.enum) broken.push(text(12).map((s) => `not-${s}`));
  if (rules.pattern) {
    const pattern = new RegExp(rules.pattern);
    broken.push(fc.string({ maxLength: 80 }).filter((s) => !pattern.test(s)));
  }
  if (rules.format) broken.push(text(20).map((s) => `not a ${rules.format} ${s}`));
  if (rules.maxLength !== undefined) broken.push(fc.integer({ min: 1, max: 50 }).map((extra) => 'x'.repeat(rules.maxLength! + extra)));
  if (rules.minLength) broken.push(fc.constant(''));
  if (rules.minimum !== undefined) broken.push(fc.integer({ min: 1, max: 1000 }).map((below) => rules.minimum! - below));
  if (rules.maximum !== undefined) broken.push(fc.integer({ min: 1, max: 1000 }).map((above) => rules.maximum! + above));
  // Past exact integers and past 64 bits: the numbers that reached SQLite and BigInt as 500s.
  if (rules.maximum !== undefined) broken.push(fc.constantFrom(2 ** 53, 2 ** 64, 1e308).filter((huge) => huge > rules.maximum!));
  if (rules.type === 'integer') broken.push(fc.integer({ min: -1000, max: 1000 }).map((n) => n + 0.5));
  if (rules.type === 'array') {
    if (rules.maxItems !== undefined) broken.push(fc.constant(Array.from({ length: rules.maxItems + 1 }, () => 'x')));
    if (rules.minItems) broken.push(fc.constant([]));
    if (rules.items) broken.push(fc.array(wrongValueFor(schemas, rules.items), { minLength: 1, maxLength: 3 }));
  }
  if (rules.type === 'object' && rules.properties) {
    if (rules.additionalProperties === false) broken.push(text(8).map((key) => ({ [`zz${key}`]: 1 })));
    const properties = Object.keys(rules.properties);
    if (properties.length > 0) {
      broken.push(
        fc.constantFrom(...properties).chain((name) => wrongValueFor(schemas, rules.properties![name]).map((value) => ({ [name]: value }))),
      );
    }
  }
  return broken;
}

/**
 * Whether the schema refuses anything a request can carry as text: a parameter that takes
 * any string has no wrong value, and drawing one would never end.
 */
export function refusesSomeText(schemas: DocumentSchemas, schema: unknown): boolean {
  const rules = resolved(schemas, schema);
  if (rules.type === 'array') return rules.maxItems !== undefined || (rules.items !== undefined && refusesSomeText(schemas, rules.items));
  if (rules.type !== undefined && rules.type !== 'string') return true;
  return rules.enum !== undefined || rules.pattern !== undefined || rules.format !== undefined || rules.maxLength !== undefined || Boolean(rules.minLength);
}

/** Whether the schema refuses some JSON value (an untyped, unconstrained one takes them all). */
export const refusesSomeValue = (schemas: DocumentSchemas, schema: unknown): boolean => {
  const rules = resolved(schemas, schema);
  return rules.type !== undefined || refusesSomeText(schemas, schema);
};

/**
 * A value the schema refuses: of another type, or breaking one of its rules. Each is checked
 * against the schema itself, so a value the document would accept is never called wrong.
 */
export function wrongValueFor(schemas: DocumentSchemas, schema: unknown): fc.Arbitrary<unknown> {
  const rules = resolved(schemas, schema);
  const refuses = schemas.check(schema);
  return fc.oneof(...otherTypes(rules), ...brokenRules(schemas, rules)).filter((value) => refuses(value).length > 0);
}

/**
 * What an attacker sends that no schema in the document can rule out, and the server must still
 * refuse with a 400: decimal positions that fit the pattern (19 digits) but not in 64 bits, or
 * too long for it; JSON nested thousands of levels deep; text holding a lone UTF-16 surrogate.
 */
export const hugeNumberText = fc.constantFrom('9223372036854775808', '9999999999999999999', '99999999999999999999', '1e400');

export const deeplyNested = fc.integer({ min: 1_000, max: 20_000 }).chain((depth) =>
  fc.constantFrom('[', '{"a":').map((opener) => {
    const closer = opener === '[' ? ']' : '}';
    return `{"deep":${opener.repeat(depth)}${opener === '[' ? '' : '1'}${closer.repeat(depth)}}`;
  }),
);

/** A JSON text holding an escaped lone surrogate as a value or as a key (JSON.stringify would never write one). */
export const withLoneSurrogate = fc
  .tuple(fc.integer({ min: 0xd800, max: 0xdfff }), fc.boolean(), text(10))
  .map(([unit, asKey, rest]) => {
    const escaped = `\\u${unit.toString(16)}`;
    const around = JSON.stringify(rest).slice(1, -1);
    return asKey ? `{"${around}${escaped}":1}` : `{"name":"${around}${escaped}"}`;
  });

/** A query value that percent-decodes to no text: a surrogate encoded as a character (CESU-8), or bytes that are not UTF-8. */
export const undecodableQueryText = fc.constantFrom('%ED%A0%80', '%ED%BF%BF', '%FF', '%C0%AF', 'ok%E2%82');

/**
 * Valid text a spreadsheet would run as a formula: the server takes it (it is what a source
 * may be called), and every CSV export must neutralise it.
 */
export const formulaText = fc
  .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.constantFrom('cmd|\' /C calc\'!A0', 'SUM(1+1)*cmd|calc', 'HYPERLINK("http://x.example")', '1+1'))
  .map(([start, rest]) => `${start}${rest}`);
