import { checkRegistered } from '../shared/actor-refs';
import { checkClaimBasis, checkOpeningBasis } from '../shared/claim-basis.rules';
import { Verdict } from '../shared/error-codes';
import { checkCeasefireExtended } from './ceasefire-extensions.rules';
import { checkCeasefireBrokered, checkCeasefireEnded, checkCeasefireViolated, checkHostagesReleased, checkNewCeasefire, checkNotEnded } from './ceasefires.rules';
import { ClaimContext } from './claim.context';
import { actorRefsIn } from './claim.fields';
import { checkCanResume, checkCanStall, checkTalksOpened } from './lifecycle.rules';
import { checkCanHold, checkCanSchedule, checkMeetingHeld, checkMeetingScheduled } from './meetings.rules';
import { checkNewSwap, checkPrisonerSwapped } from './swaps.rules';
import { TalksClaim } from './talks.events';
import type { TalksFacts } from './talks.state';
import { checkEnvoyVisited } from './visits.rules';

/** The rules of each claim's own data, against the track's facts. */
const checkClaimData = (claim: TalksClaim, context: ClaimContext): Verdict => {
  switch (claim.type) {
    case 'TalksOpened':
      return checkTalksOpened(claim.data);
    case 'EnvoyVisited':
      return checkEnvoyVisited(claim.data, context);
    case 'MeetingScheduled':
      return checkMeetingScheduled(claim.data);
    case 'MeetingHeld':
      return checkMeetingHeld(claim.data);
    case 'PrisonerSwapped':
      return checkPrisonerSwapped(claim.data, context);
    case 'CeasefireBrokered':
      return checkCeasefireBrokered(claim.data, context);
    case 'HostagesReleased':
      return checkHostagesReleased(claim.data, context);
    case 'CeasefireViolated':
      return checkCeasefireViolated(claim.data, context);
    case 'CeasefireEnded':
      return checkCeasefireEnded(claim.data, context);
    case 'CeasefireExtended':
      return checkCeasefireExtended(claim.data, context);
    case 'TalksStalled':
    case 'TalksResumed':
    case 'TalksConcluded':
      return undefined;
    default: {
      const _exhaustive: never = claim;
      return _exhaustive;
    }
  }
};

/**
 * Everything a claim must satisfy to be recorded, whether it is new or an earlier claim with a
 * correction merged in: its dates and sources (the opening's may be absent), its own data, and its actors being registered.
 */
export const checkClaim = (claim: TalksClaim, context: ClaimContext): Verdict =>
  (claim.type === 'TalksOpened' ? checkOpeningBasis(claim.data, context.now) : checkClaimBasis(claim.data, context.now)) ??
  checkClaimData(claim, context) ??
  checkRegistered(actorRefsIn(claim.type, claim.data), context.registeredActors, context.actorsInScope);

/**
 * What only a new claim must satisfy, because it changes the track's state: no duplicates, no
 * illegal transitions. A correction does not replay these; its claim already happened.
 */
export const checkTransition = (claim: TalksClaim, facts: TalksFacts): Verdict => {
  switch (claim.type) {
    case 'MeetingScheduled':
      return checkCanSchedule(facts, claim.data.meetingId);
    case 'MeetingHeld':
      return checkCanHold(facts, claim.data.meetingId);
    case 'PrisonerSwapped':
      return checkNewSwap(facts, claim.data.swapId);
    case 'CeasefireBrokered':
      return checkNewCeasefire(facts, claim.data.ceasefireId);
    case 'CeasefireViolated':
    case 'CeasefireEnded':
      return checkNotEnded(facts, claim.data.ceasefireId);
    case 'TalksStalled':
      return checkCanStall(facts);
    case 'TalksResumed':
      return checkCanResume(facts);
    case 'TalksOpened':
    case 'EnvoyVisited':
    case 'HostagesReleased':
    case 'TalksConcluded':
    // Extending is judged by dates (checkCeasefireExtended): a late report of an extension agreed before the end is accepted.
    case 'CeasefireExtended':
      return undefined;
    default: {
      const _exhaustive: never = claim;
      return _exhaustive;
    }
  }
};
