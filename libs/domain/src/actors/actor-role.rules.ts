import { PRECISIONS, Precision } from '../shared/claim';
import { checkOccurredAt } from '../shared/date.rules';
import { isWhollyBefore } from '../shared/dates';
import { rejection, Verdict } from '../shared/error-codes';
import { RoleDate } from './actor.events';
import { ActorRole, roleDatePeriod } from './actor.roles';

/** A role's start is dated as a claim is: a real date or date-time, a precision it can carry, not after now. */
export const checkRoleDate = (validFrom: RoleDate | undefined, now: Date, field = 'validFrom'): Verdict => {
  if (validFrom === undefined) return undefined;
  if (!PRECISIONS.includes(validFrom.precision as Precision)) {
    return rejection('DATE.INVALID', `${field}.precision must be one of ${PRECISIONS.join(', ')}.`, `${field}.precision`);
  }
  return checkOccurredAt({ occurredAt: validFrom.at, precision: validFrom.precision }, now, `${field}.at`);
};

/** `validFrom` dates a title or a principal; given with neither it would date nothing. */
export const checkDatesARole = (validFrom: RoleDate | undefined, changesRole: boolean): Verdict =>
  validFrom !== undefined && !changesRole
    ? rejection('ACTOR.VALID_FROM_WITHOUT_ROLE', 'validFrom dates a change of title or represents; none is given.', 'validFrom')
    : undefined;

/**
 * Roles are recorded in the order they were held: a new one may not begin wholly before the one
 * it replaces (a vague date that may be as late passes). An earlier role is not a change now.
 */
export const checkRoleNotBeforeCurrent = (validFrom: RoleDate, current: ActorRole | undefined): Verdict => {
  const [next, held] = [roleDatePeriod(validFrom), current?.validFrom && roleDatePeriod(current.validFrom)];
  return next && held && isWhollyBefore(next, held)
    ? rejection(
        'ACTOR.ROLE_BEFORE_CURRENT',
        `The new role begins (${validFrom.at}) before the role it replaces (${current?.validFrom?.at}).`,
        'validFrom',
      )
    : undefined;
};
