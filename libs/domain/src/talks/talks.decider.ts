import { distinctActorIds } from '../shared/actor-refs';
import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { rejection } from '../shared/error-codes';
import { checkClaim, checkTransition } from './claim.rules';
import { actorRefsIn } from './claim.fields';
import { decideCorrection, decideRetraction } from './corrections.rules';
import { decideLink, decideUnlink } from './incidents.rules';
import { checkNotConcluded } from './lifecycle.rules';
import { CorrectClaim, EVENT_OF_COMMAND, TalksCommand } from './talks.commands';
import { EMPTY_FACTS } from './talks.facts';
import { TalksClaim, TalksEvent } from './talks.events';
import { talksStateCodec } from './talks.snapshot';
import { evolveAllTalks, evolveTalks, initialTalksState, TalksFacts, TalksState } from './talks.state';

type ClaimCommand = Exclude<TalksCommand, { type: 'CorrectClaim' | 'RetractClaim' | 'LinkClaims' | 'UnlinkClaims' }>;

/** Each claim command asks for exactly the event it is named after, with the same data. */
const claimOf = (command: Pick<ClaimCommand, 'type' | 'data'>): TalksClaim =>
  ({ type: EVENT_OF_COMMAND[command.type], data: command.data }) as TalksClaim;

const decideClaim = (command: ClaimCommand, facts: TalksFacts): readonly TalksEvent[] | DomainError => {
  const claim = claimOf(command);
  const context = { now: command.metadata.now, facts, registeredActors: command.metadata.registeredActors };
  return checkTransition(claim, facts) ?? checkClaim(claim, context) ?? [claim];
};

const decide = (command: TalksCommand, state: TalksState): readonly TalksEvent[] | DomainError => {
  if (command.type === 'OpenTalks') {
    return state.status === 'not_opened'
      ? decideClaim(command, EMPTY_FACTS)
      : rejection('TALKS.ALREADY_OPENED', `Talks '${state.talksId}' are already opened.`, 'talksId');
  }
  if (state.status === 'not_opened') {
    return rejection('TALKS.NOT_OPENED', `Talks '${command.data.talksId}' have not been opened.`, 'talksId');
  }
  switch (command.type) {
    case 'CorrectClaim':
      return decideCorrection(command, state);
    case 'RetractClaim':
      return decideRetraction(command, state);
    case 'LinkClaims':
      return decideLink(command, state);
    case 'UnlinkClaims':
      return decideUnlink(command, state);
    case 'RecordEnvoyVisit':
    case 'ScheduleMeeting':
    case 'RecordMeeting':
    case 'RecordPrisonerSwap':
    case 'RecordCeasefire':
    case 'RecordHostageRelease':
    case 'ReportCeasefireViolation':
    case 'EndCeasefire':
    case 'ExtendCeasefire':
    case 'StallTalks':
    case 'ResumeTalks':
    case 'ConcludeTalks':
      return checkNotConcluded(state) ?? decideClaim(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

/** The actors a command names; for a correction, those its changes name by the target claim's type. */
const referencedActors = (command: Omit<TalksCommand, 'metadata'>, state: TalksState): readonly string[] => {
  if (command.type === 'RetractClaim' || command.type === 'LinkClaims' || command.type === 'UnlinkClaims') return [];
  if (command.type === 'CorrectClaim') {
    const { eventId, changes } = command.data as CorrectClaim['data'];
    const target = state.status === 'not_opened' ? undefined : state.claims.get(eventId);
    return target && typeof changes === 'object' && changes !== null ? distinctActorIds(actorRefsIn(target.claim.type, changes)) : [];
  }
  const claim = claimOf(command as Pick<ClaimCommand, 'type' | 'data'>);
  return distinctActorIds(actorRefsIn(claim.type, claim.data));
};

export const talksDecider: Decider<TalksCommand, TalksEvent, TalksState> = {
  initialState: initialTalksState,
  evolve: evolveTalks,
  evolveAll: evolveAllTalks,
  decide,
  referencedActors,
  snapshot: talksStateCodec,
};
