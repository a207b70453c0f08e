import { ValidationError } from 'class-validator';
import { validationProblem } from './validation-problem';

const error = (property: string, value: unknown, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError =>
  Object.assign(new ValidationError(), { property, value, constraints, children });

describe('validationProblem', () => {
  it('is a 400 REQUEST.INVALID with one entry per complaint and dotted paths into nested fields and arrays', () => {
    const problem = validationProblem([
      error('name', undefined, { isString: 'name must be a string' }),
      error('provenance', {}, undefined, [
        error('sources', [], undefined, [error('0', {}, undefined, [error('publisher', '', { isNotEmpty: 'publisher should not be empty' })])]),
      ]),
    ]);
    expect(problem).toMatchObject({ status: 400, code: 'REQUEST.INVALID', detail: '2 fields are invalid' });
    expect(problem.extensions.errors).toEqual([
      { field: 'name', message: 'is required' },
      { field: 'provenance.sources[0].publisher', message: 'should not be empty' },
    ]);
  });

  it('says which field when only one is wrong, under a parent path when given', () => {
    const problem = validationProblem([error('format', 'carrier-pigeon', { isIn: 'format must be one of …' })], 'changes');
    expect(problem.detail).toBe('changes.format: must be one of …');
  });
});
