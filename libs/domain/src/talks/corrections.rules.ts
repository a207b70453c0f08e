import { distinctActorIds } from '../shared/actor-refs';
import { checkClaimBasis } from '../shared/claim-basis.rules';
import { DomainError } from '../shared/domain-error';
import { rejection, Verdict } from '../shared/error-codes';
import { checkClaim } from './claim.rules';
import { actorRefsIn, fieldsOf, fitsField, mergeChanges } from './claim.fields';
import { CorrectClaim, RetractClaim } from './talks.commands';
import { ClaimCorrected, ClaimRetracted } from './talks.events';
import type { ClaimRecord, OpenedTalks } from './talks.state';

/** The live claim a correction or retraction names, or why there is none. */
const findTarget = (state: OpenedTalks, eventId: string, action: 'corrected' | 'retracted'): ClaimRecord | DomainError => {
  const amendment = state.amendments.get(eventId);
  if (amendment) {
    return action === 'corrected'
      ? rejection('CLAIM.NOT_CORRECTABLE', `Event '${eventId}' is a ${amendment}; correct the original claim instead.`, 'eventId')
      : rejection('CLAIM.NOT_RETRACTABLE', `Event '${eventId}' is a ${amendment}; correct the original claim instead.`, 'eventId');
  }
  const target = state.claims.get(eventId);
  if (!target) return rejection('CLAIM.NOT_FOUND', `Event '${eventId}' is not a claim of this track.`, 'eventId');
  if (target.retracted) return rejection('CLAIM.ALREADY_RETRACTED', `Claim '${eventId}' has been retracted.`, 'eventId');
  return target;
};

const isTarget = (found: ClaimRecord | DomainError): found is ClaimRecord => 'claim' in found;

/** The changes' keys must be fields of the claim's type, mutable, and of the right shape. */
const checkChangedFields = (target: ClaimRecord, changes: Readonly<Record<string, unknown>>): Verdict => {
  const keys = Object.keys(changes);
  if (keys.length === 0) return rejection('CLAIM.EMPTY_CORRECTION', 'A correction must change at least one field.', 'changes');
  const fields = fieldsOf(target.claim.type);
  for (const key of keys) {
    const field = `changes.${key}`;
    if (!Object.hasOwn(fields, key)) return rejection('CLAIM.UNKNOWN_FIELD', `A ${target.claim.type} has no field '${key}'.`, field);
    if (fields[key].immutable) return rejection('CLAIM.IMMUTABLE_FIELD', `'${key}' identifies the claim and cannot be corrected.`, field);
    if (!fitsField(fields[key], changes[key])) {
      return rejection('CLAIM.INVALID_VALUE', `'${key}' has the wrong shape for a ${target.claim.type}.`, field);
    }
  }
  return undefined;
};

/** Points a rejection of the merged claim at the change that caused it, when a changed field is named. */
const asCorrectionError = (error: DomainError, changes: Readonly<Record<string, unknown>>): DomainError => {
  const key = error.field?.split(/[.[]/)[0];
  return key !== undefined && Object.hasOwn(changes, key)
    ? { ...error, field: `changes.${error.field}`, message: `The corrected claim is invalid: ${error.message}` }
    : { ...error, message: `The corrected claim is invalid: ${error.message}` };
};

/**
 * A correction names a live claim, changes only its known, mutable fields, and the claim with
 * the changes merged in passes every rule its own command would (actors: only those it names).
 */
export const decideCorrection = ({ data, metadata }: CorrectClaim, state: OpenedTalks): readonly ClaimCorrected[] | DomainError => {
  const target = findTarget(state, data.eventId, 'corrected');
  if (!isTarget(target)) return target;
  const changes = typeof data.changes === 'object' && data.changes !== null ? data.changes : {};
  const fieldError = checkChangedFields(target, changes) ?? checkClaimBasis(data, metadata.now);
  if (fieldError) return fieldError;

  const corrected = mergeChanges(target.claim, changes);
  const actorsInScope = new Set(distinctActorIds(actorRefsIn(corrected.type, changes)));
  const claimError = checkClaim(corrected, { now: metadata.now, facts: state, registeredActors: metadata.registeredActors, actorsInScope, claimId: target.eventId });
  return claimError ? asCorrectionError(claimError, changes) : [{ type: 'ClaimCorrected', data }];
};

/** A retraction names a live claim other than the opening; read models drop its effect. */
export const decideRetraction = ({ data, metadata }: RetractClaim, state: OpenedTalks): readonly ClaimRetracted[] | DomainError => {
  const target = findTarget(state, data.eventId, 'retracted');
  if (!isTarget(target)) return target;
  if (target.claim.type === 'TalksOpened') {
    return rejection('CLAIM.NOT_RETRACTABLE', 'The opening of a track cannot be retracted; correct it instead.', 'eventId');
  }
  return checkClaimBasis(data, metadata.now) ?? [{ type: 'ClaimRetracted', data }];
};
