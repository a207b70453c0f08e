import { ExampleObject } from '@nestjs/swagger';
import { ProblemDetails } from '../problem/problem';
import { PROBLEM_CATALOGUE, problemTitle, problemType } from '../problem/problem-catalogue';
import { PROBLEM_SCHEMA_REF } from './problem.schema';

const PROBLEM_CODES = 'parley:problem-codes';
/** Where @nestjs/swagger keeps a route's responses (SWAGGER_RESPONSES, which its package does not export). */
const SWAGGER_RESPONSES = 'swagger/apiResponse';

/** What a client sees for each code: the catalogue's title and meaning, with a field error where a 400 blames one. */
function exampleOf(code: string): ExampleObject {
  const entry = PROBLEM_CATALOGUE.get(code);
  if (!entry) throw new Error(`${code} is not in the problem catalogue`);
  const body: ProblemDetails = {
    type: problemType(code),
    title: problemTitle(code, entry.status),
    status: entry.status,
    detail: entry.meaning,
    instance: '/v1/…',
    code,
    ...(code === 'REQUEST.INVALID' ? { errors: [{ field: 'occurredAt', message: 'occurredAt must be a valid ISO 8601 date string' }] } : {}),
  };
  return { summary: `${code}: ${entry.title}`, value: body };
}

function responsesFor(codes: readonly string[]): Record<string, unknown> {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const status = PROBLEM_CATALOGUE.get(code)?.status;
    if (status === undefined) throw new Error(`${code} is not in the problem catalogue`);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      status,
      {
        description: group.map((code) => `\`${code}\`: ${PROBLEM_CATALOGUE.get(code)!.title}`).join('; '),
        content: { 'application/problem+json': { schema: PROBLEM_SCHEMA_REF, examples: Object.fromEntries(group.map((code) => [code, exampleOf(code)])) } },
      },
    ]),
  );
}

/**
 * Documents the problems a route (or every route of a controller) can answer with, by code
 * from the catalogue: one response per status, each code an example. Unlike stacking
 * ApiResponse, codes given by several decorators add up instead of replacing each other.
 */
export const ProblemResponses =
  (...codes: string[]): ClassDecorator & MethodDecorator =>
  (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = descriptor?.value ?? target;
    const all = [...new Set([...((Reflect.getMetadata(PROBLEM_CODES, holder) as string[] | undefined) ?? []), ...codes])];
    Reflect.defineMetadata(PROBLEM_CODES, all, holder);
    const responses = (Reflect.getMetadata(SWAGGER_RESPONSES, holder) as Record<string, unknown> | undefined) ?? {};
    Reflect.defineMetadata(SWAGGER_RESPONSES, { ...responses, ...responsesFor(all) }, holder);
    return descriptor as never;
  };
