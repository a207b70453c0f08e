/**
 * How a rejection is classified; the HTTP edge maps each kind to a status:
 * not_found 404, conflict 409 (duplicate or illegal state), rule 422 (a broken rule).
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'rule';

export type DomainError = Readonly<{
  kind: DomainErrorKind;
  /** Stable and documented, e.g. `TALKS.NOT_OPENED`. */
  code: string;
  message: string;
  /** The field the rule is about, when there is one (a JSON pointer-ish dotted path). */
  field?: string;
}>;

export const domainError = (kind: DomainErrorKind, code: string, message: string, field?: string): DomainError =>
  field === undefined ? { kind, code, message } : { kind, code, message, field };

export const isDomainError = (value: unknown): value is DomainError =>
  typeof value === 'object' && value !== null && 'kind' in value && 'code' in value && !Array.isArray(value);
