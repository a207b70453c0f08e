import { checkClaimBasis } from '../shared/claim-basis.rules';
import { DomainError } from '../shared/domain-error';
import { rejection } from '../shared/error-codes';
import type { LinkedPair, OtherClaim } from '../shared/event';
import { LinkClaims, UnlinkClaims } from './talks.commands';
import { ClaimsLinked, ClaimsUnlinked } from './talks.events';
import type { ClaimRecord, OpenedTalks } from './talks.state';

/**
 * Linked claims report one real-world event (an incident). The links form a forest: a link
 * joins two claims not yet in one incident, so undoing a link always splits that incident in
 * two, and the incident two claims share is the set reachable through live links.
 */

const linksOf = (pairs: readonly LinkedPair[]): ReadonlyMap<string, readonly string[]> => {
  const links = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    links.set(a, [...(links.get(a) ?? []), b]);
    links.set(b, [...(links.get(b) ?? []), a]);
  }
  return links;
};

/** Every claim reachable from `eventId` through live links (this track's, and those `elsewhere` other tracks recorded), itself included. */
export const incidentOf = (state: OpenedTalks, eventId: string, elsewhere: readonly LinkedPair[] = []): ReadonlySet<string> => {
  const others = linksOf(elsewhere);
  const reached = new Set([eventId]);
  const waiting = [eventId];
  for (let next = waiting.pop(); next !== undefined; next = waiting.pop()) {
    for (const other of [...(state.linked.get(next) ?? []), ...(others.get(next) ?? [])]) {
      if (!reached.has(other)) {
        reached.add(other);
        waiting.push(other);
      }
    }
  }
  return reached;
};

/** A claim of this track (not a correction, retraction or link), or why it is not one. */
const claimNamed = (state: OpenedTalks, eventId: string, field: string): ClaimRecord | DomainError => {
  const claim = state.claims.get(eventId);
  if (claim) return claim;
  const amendment = state.amendments.get(eventId);
  return rejection('CLAIM.NOT_FOUND', amendment ? `Event '${eventId}' is a ${amendment}, not a claim.` : `Event '${eventId}' is not a claim of this track.`, field);
};

const isClaim = (found: ClaimRecord | DomainError): found is ClaimRecord => 'claim' in found;

type Linkable = Readonly<{ eventId: string; type: string; retracted: boolean }>;

/** The other claim: of this track, or of the track the command names, as the handler found it there. */
const otherNamed = (state: OpenedTalks, { sameAs, sameAsTalksId }: LinkClaims['data'], otherClaims: ReadonlyMap<string, OtherClaim> | undefined): Linkable | DomainError => {
  if (sameAsTalksId === undefined || sameAsTalksId === state.talksId) {
    const found = claimNamed(state, sameAs, 'sameAs');
    return isClaim(found) ? { eventId: found.eventId, type: found.claim.type, retracted: found.retracted } : found;
  }
  const found = otherClaims?.get(sameAs);
  if (!found || found.talksId !== sameAsTalksId) return rejection('CLAIM.NOT_FOUND', `Event '${sameAs}' is not a claim of track '${sameAsTalksId}'.`, 'sameAs');
  return { eventId: sameAs, ...found };
};

/**
 * Two live claims of the same type, not yet in one incident, and a dated, sourced statement that
 * they are one. Across tracks (both named: `sameAsTalksId`), the link is recorded in this track.
 * "One incident already" is judged from the links this track recorded and those other tracks
 * recorded among the incidents' claims (`linksElsewhere`), so no link closes a cycle through
 * another track, whether it names one or not.
 */
export const decideLink = ({ data, metadata }: LinkClaims, state: OpenedTalks): readonly ClaimsLinked[] | DomainError => {
  if (data.eventId === data.sameAs) return rejection('INCIDENT.SELF_LINK', 'A claim cannot be linked to itself.', 'sameAs');
  const found = claimNamed(state, data.eventId, 'eventId');
  if (!isClaim(found)) return found;
  const claim: Linkable = { eventId: found.eventId, type: found.claim.type, retracted: found.retracted };
  const other = otherNamed(state, data, metadata.otherClaims);
  if ('code' in other) return other;
  for (const [record, field] of [[claim, 'eventId'], [other, 'sameAs']] as const) {
    if (record.retracted) return rejection('INCIDENT.RETRACTED_CLAIM', `Claim '${record.eventId}' has been retracted; it reports nothing to link.`, field);
  }
  if (claim.type !== other.type) {
    return rejection('INCIDENT.TYPE_MISMATCH', `A ${claim.type} and a ${other.type} cannot report the same event.`, 'sameAs');
  }
  if (incidentOf(state, data.eventId, metadata.linksElsewhere).has(data.sameAs)) {
    return rejection('INCIDENT.ALREADY_LINKED', `Claims '${data.eventId}' and '${data.sameAs}' are already one incident.`, 'sameAs');
  }
  return checkClaimBasis(data, metadata.now) ?? [{ type: 'ClaimsLinked', data }];
};

/** Undoes one direct link recorded in this track; either claim may since have been retracted (the link still joins the others). */
export const decideUnlink = ({ data, metadata }: UnlinkClaims, state: OpenedTalks): readonly ClaimsUnlinked[] | DomainError => {
  const claim = claimNamed(state, data.eventId, 'eventId');
  if (!isClaim(claim)) return claim;
  if (!state.linked.get(data.eventId)?.has(data.sameAs)) {
    return rejection('INCIDENT.NOT_LINKED', `Claims '${data.eventId}' and '${data.sameAs}' are not linked to each other.`, 'sameAs');
  }
  return checkClaimBasis(data, metadata.now) ?? [{ type: 'ClaimsUnlinked', data }];
};
