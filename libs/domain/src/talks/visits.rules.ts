import { checkNotBefore, checkPastDate } from '../shared/date.rules';
import { Verdict } from '../shared/error-codes';
import { checkPlace } from '../shared/place.rules';
import { ClaimContext } from './claim.context';
import { EnvoyVisited } from './talks.events';

/** An envoy leaves after arriving, and not in the future; the place (at the top of the claim) is graded if pinned. */
export const checkEnvoyVisited = (data: EnvoyVisited['data'], { now }: ClaimContext): Verdict => {
  const { departedAt, occurredAt, precision } = data;
  return (
    checkPlace({ coordinates: data.coordinates, geoPrecision: data.geoPrecision }, '') ??
    (departedAt === undefined
      ? undefined
      : (checkPastDate(departedAt, 'departedAt', now) ??
        checkNotBefore({ at: departedAt }, { at: occurredAt, precision }, 'departedAt', `departedAt (${departedAt}) is before the visit began (${occurredAt}).`)))
  );
};
