import { ReferenceObject, SchemaObject } from '@nestjs/swagger';

/** A named schema of `components.schemas`, and the reference that points at it. */
export type SchemaComponent = Readonly<{ name: string; schema: SchemaObject; ref: ReferenceObject }>;

export const schemaComponent = (name: string, schema: SchemaObject): SchemaComponent => ({ name, schema, ref: { $ref: `#/components/schemas/${name}` } });

/** OpenAPI 3.0 has no `null` type: a nullable reference is an object, `allOf` the one referred to, marked nullable. */
export const nullableRef = (component: SchemaComponent): SchemaObject => ({ type: 'object', nullable: true, allOf: [component.ref] });

export const arrayOf = (items: SchemaComponent | SchemaObject): SchemaObject => ({ type: 'array', items: 'ref' in items ? items.ref : items });

/** A decimal string: positions are 64-bit, more than a JSON number holds exactly. */
export const POSITION: SchemaObject = { type: 'string', pattern: '^\\d{1,19}$', example: '42' };
export const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
/** An ISO 8601 date or date-time as a claim was dated, at its own precision. */
export const CLAIM_DATE: SchemaObject = { type: 'string', example: '2025-02-11' };
export const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
export const COUNT: SchemaObject = { type: 'integer', minimum: 0 };

/** A closed object: every property listed, the required ones named. */
export const record = (properties: Record<string, SchemaObject | ReferenceObject>, optional: readonly string[] = []): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((name) => !optional.includes(name)),
  additionalProperties: false,
});
