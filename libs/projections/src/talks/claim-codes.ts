import { ClaimType } from './claim-data';

/**
 * The codebooks the exported codes are pinned to. CAMEO: Schrodt, "CAMEO Conflict and Mediation
 * Event Observations Event and Actor Codebook", version 1.1b3 (March 2012), chapter 2 (verb
 * codes). PLOVER: Halterman et al., "PLOVER: Political Language Ontology for Verifiable Event
 * Records", the 2021 event-type list. A change of either is a new projection version.
 */
export const CODEBOOKS = { cameo: 'CAMEO 1.1b3', plover: 'PLOVER 2021' } as const;

export type EventCodes = Readonly<{ cameo: string | null; plover: string | null }>;

const NONE: EventCodes = { cameo: null, plover: null };

/**
 * One code a claim type. MeetingHeld stays 040 (Consult, not specified): 046 (Engage in
 * negotiation) would need to know whether the participants are the track's negotiating parties,
 * which makes a claim's code depend on another claim (the opening) and go stale when that is
 * corrected. Stalls, resumptions, conclusions and scheduled meetings have no event code of
 * their own (a plan or a state of talks is not an interaction).
 */
const CODES: Readonly<Record<ClaimType, EventCodes>> = {
  TalksOpened: NONE,
  EnvoyVisited: { cameo: '042', plover: 'CONSULT' }, // 042 Make a visit
  MeetingScheduled: NONE,
  MeetingHeld: { cameo: '040', plover: 'CONSULT' }, // 040 Consult, not specified below
  PrisonerSwapped: { cameo: '0841', plover: 'CONCEDE' }, // 0841 Return, release person(s)
  HostagesReleased: { cameo: '0841', plover: 'CONCEDE' },
  CeasefireBrokered: { cameo: '0871', plover: 'RETREAT' }, // 0871 Declare truce, ceasefire
  CeasefireViolated: { cameo: '196', plover: 'ASSAULT' }, // 196 Violate ceasefire
  CeasefireEnded: NONE,
  TalksStalled: NONE,
  TalksResumed: NONE,
  TalksConcluded: NONE,
};

export const codesOf = (type: ClaimType): EventCodes => CODES[type];
