/** One field's complaint, with a dotted path such as `provenance.sources[0].publisher`. */
export type FieldError = Readonly<{ field: string; message: string }>;

/** RFC 9457 Problem Details, extended with our stable `code` and per-field `errors`. */
export type ProblemDetails = Readonly<{
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: readonly FieldError[];
  [extension: string]: unknown;
}>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An error the API means to answer with: the exception filter renders it as is. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extensions: Readonly<{ errors?: readonly FieldError[]; headers?: Record<string, string>; [key: string]: unknown }> = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}
