export type TalksLifecycle = 'open' | 'active' | 'stalled' | 'concluded';

/**
 * Where a track stands and whether anything has happened in it yet. The one place the lifecycle
 * transitions live: the decider's facts and the status read model both step through here.
 */
export type LifecycleFacts = Readonly<{
  status: TalksLifecycle;
  /** Whether anything substantive happened (an engaging claim): resuming returns to `active` rather than `open`. */
  engaged: boolean;
}>;

export const OPENED_LIFECYCLE: LifecycleFacts = { status: 'open', engaged: false };

/**
 * The substantive claims: something happened between the parties (a visit, a held meeting, a
 * swap, a ceasefire, a release), so talks that were only being followed are now active.
 */
export const ENGAGING_CLAIM_TYPES = ['EnvoyVisited', 'MeetingHeld', 'PrisonerSwapped', 'CeasefireBrokered', 'HostagesReleased'] as const;
export type EngagingClaimType = (typeof ENGAGING_CLAIM_TYPES)[number];

export const isEngaging = (type: string): type is EngagingClaimType => (ENGAGING_CLAIM_TYPES as readonly string[]).includes(type);

/** The claim types that move the lifecycle; every other claim leaves it as it is. */
export const LIFECYCLE_CLAIM_TYPES = [...ENGAGING_CLAIM_TYPES, 'TalksStalled', 'TalksResumed', 'TalksConcluded'] as const;
export type LifecycleClaimType = (typeof LIFECYCLE_CLAIM_TYPES)[number];

export const movesLifecycle = (type: string): type is LifecycleClaimType => (LIFECYCLE_CLAIM_TYPES as readonly string[]).includes(type);

/**
 * Any substantive claim makes open talks active; stalled talks stay stalled until resumed; a
 * conclusion is final. Depends on the claim's type only, so a correction never moves it.
 */
export const lifecycleAfter = (facts: LifecycleFacts, type: string): LifecycleFacts => {
  if (isEngaging(type)) {
    return facts.engaged && facts.status !== 'open' ? facts : { engaged: true, status: facts.status === 'open' ? 'active' : facts.status };
  }
  switch (type) {
    case 'TalksStalled':
      return facts.status === 'open' || facts.status === 'active' ? { ...facts, status: 'stalled' } : facts;
    case 'TalksResumed':
      return facts.status === 'stalled' ? { ...facts, status: facts.engaged ? 'active' : 'open' } : facts;
    case 'TalksConcluded':
      return facts.status === 'concluded' ? facts : { ...facts, status: 'concluded' };
    default:
      return facts;
  }
};
