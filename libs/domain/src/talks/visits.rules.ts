import { checkNotBefore, checkPastDate } from '../shared/date.rules';
import { Verdict } from '../shared/error-codes';
import { ClaimContext } from './claim.context';
import { EnvoyVisited } from './talks.events';

/** An envoy leaves after arriving, and not in the future. */
export const checkEnvoyVisited = ({ departedAt, occurredAt, precision }: EnvoyVisited['data'], { now }: ClaimContext): Verdict =>
  departedAt === undefined
    ? undefined
    : (checkPastDate(departedAt, 'departedAt', now) ??
      checkNotBefore({ at: departedAt }, { at: occurredAt, precision }, 'departedAt', `departedAt (${departedAt}) is before the visit began (${occurredAt}).`));
