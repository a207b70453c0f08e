import { Command } from '../shared/event';
import {
  CeasefireBrokered,
  CeasefireEnded,
  CeasefireExtended,
  CeasefireViolated,
  ClaimCorrected,
  ClaimRetracted,
  ClaimsLinked,
  ClaimsUnlinked,
  EnvoyVisited,
  HostagesReleased,
  MeetingHeld,
  MeetingScheduled,
  PrisonerSwapped,
  TalksConcluded,
  TalksOpened,
  TalksResumed,
  TalksStalled,
  TalksEventType,
} from './talks.events';

/** Each command asks for exactly the event it is named after; its data is that event's data. */
type DataOf<E extends { data: object }> = E['data'];

export type OpenTalks = Command<'OpenTalks', DataOf<TalksOpened>>;
export type RecordEnvoyVisit = Command<'RecordEnvoyVisit', DataOf<EnvoyVisited>>;
export type ScheduleMeeting = Command<'ScheduleMeeting', DataOf<MeetingScheduled>>;
export type RecordMeeting = Command<'RecordMeeting', DataOf<MeetingHeld>>;
export type RecordPrisonerSwap = Command<'RecordPrisonerSwap', DataOf<PrisonerSwapped>>;
export type RecordCeasefire = Command<'RecordCeasefire', DataOf<CeasefireBrokered>>;
export type RecordHostageRelease = Command<'RecordHostageRelease', DataOf<HostagesReleased>>;
export type ReportCeasefireViolation = Command<'ReportCeasefireViolation', DataOf<CeasefireViolated>>;
export type EndCeasefire = Command<'EndCeasefire', DataOf<CeasefireEnded>>;
export type ExtendCeasefire = Command<'ExtendCeasefire', DataOf<CeasefireExtended>>;
export type StallTalks = Command<'StallTalks', DataOf<TalksStalled>>;
export type ResumeTalks = Command<'ResumeTalks', DataOf<TalksResumed>>;
export type ConcludeTalks = Command<'ConcludeTalks', DataOf<TalksConcluded>>;
export type CorrectClaim = Command<'CorrectClaim', DataOf<ClaimCorrected>>;
export type RetractClaim = Command<'RetractClaim', DataOf<ClaimRetracted>>;
export type LinkClaims = Command<'LinkClaims', DataOf<ClaimsLinked>>;
export type UnlinkClaims = Command<'UnlinkClaims', DataOf<ClaimsUnlinked>>;

export type TalksCommand =
  | OpenTalks
  | RecordEnvoyVisit
  | ScheduleMeeting
  | RecordMeeting
  | RecordPrisonerSwap
  | RecordCeasefire
  | RecordHostageRelease
  | ReportCeasefireViolation
  | EndCeasefire
  | StallTalks
  | ResumeTalks
  | ConcludeTalks
  | CorrectClaim
  | RetractClaim
  | ExtendCeasefire
  | LinkClaims
  | UnlinkClaims;

export type TalksCommandType = TalksCommand['type'];

/** The event each command asks for: the one table both the decider and the API read. */
export const EVENT_OF_COMMAND = {
  OpenTalks: 'TalksOpened',
  RecordEnvoyVisit: 'EnvoyVisited',
  ScheduleMeeting: 'MeetingScheduled',
  RecordMeeting: 'MeetingHeld',
  RecordPrisonerSwap: 'PrisonerSwapped',
  RecordCeasefire: 'CeasefireBrokered',
  RecordHostageRelease: 'HostagesReleased',
  ReportCeasefireViolation: 'CeasefireViolated',
  EndCeasefire: 'CeasefireEnded',
  StallTalks: 'TalksStalled',
  ResumeTalks: 'TalksResumed',
  ConcludeTalks: 'TalksConcluded',
  CorrectClaim: 'ClaimCorrected',
  RetractClaim: 'ClaimRetracted',
  ExtendCeasefire: 'CeasefireExtended',
  LinkClaims: 'ClaimsLinked',
  UnlinkClaims: 'ClaimsUnlinked',
} as const satisfies { readonly [C in TalksCommand as C['type']]: TalksEventType };

export const TALKS_COMMAND_TYPES = Object.keys(EVENT_OF_COMMAND) as readonly TalksCommandType[];
