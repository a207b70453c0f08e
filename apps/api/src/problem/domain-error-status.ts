import { DomainErrorKind } from '@parley/domain';

/** How each kind of domain rejection answers over HTTP. */
export const STATUS_BY_KIND: Readonly<Record<DomainErrorKind, number>> = {
  not_found: 404,
  conflict: 409,
  rule: 422,
};
