import { ValidationError } from 'class-validator';
import { ApiProblem, FieldError } from './problem';

/** `ValidationPipe`'s exceptionFactory: every failed constraint as `{ field, message }`, paths dotted. */
export function validationProblem(errors: ValidationError[], under = ''): ApiProblem {
  const fieldErrors = errors.flatMap((error) => flatten(error, under));
  const detail =
    fieldErrors.length === 1 ? `${fieldErrors[0].field}: ${fieldErrors[0].message}` : `${fieldErrors.length} fields are invalid`;
  return new ApiProblem(400, 'REQUEST.INVALID', detail, { errors: fieldErrors });
}

function flatten(error: ValidationError, parent: string): FieldError[] {
  const field = pathOf(parent, error.property);
  // A missing field fails every constraint it has; one message says it better.
  if (error.value === undefined && !error.children?.length) return [{ field, message: 'is required' }];
  const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: withoutPath(message, error.property) }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}

const pathOf = (parent: string, property: string): string =>
  /^\d+$/.test(property) ? `${parent}[${property}]` : parent === '' ? property : `${parent}.${property}`;

/** class-validator starts messages with the property name; the field already says it. */
const withoutPath = (message: string, property: string): string =>
  message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
