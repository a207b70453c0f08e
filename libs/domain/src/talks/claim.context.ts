import type { TalksFacts } from './talks.state';

/** What judging a claim may read besides its data: the clock, the track's facts, who is registered. */
export type ClaimContext = Readonly<{
  now: Date;
  facts: TalksFacts;
  registeredActors: ReadonlySet<string>;
  /** When set, only these actor ids are checked for registration (a correction checks what it names). */
  actorsInScope?: ReadonlySet<string>;
  /** When re-judging a correction, the corrected claim's event id: its own earlier version is not a fact to compare it with. */
  claimId?: string;
}>;
