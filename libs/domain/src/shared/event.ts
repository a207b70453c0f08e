/** A domain event: a stable string `type` (its identity on disk) and its data. */
export type Event<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** An event as the deciders see it once it is recorded: with the id the store keeps. */
export type Identified<E extends Event> = E & Readonly<{ id: string }>;

/** A command: what an analyst asks for, with the context the decision may not look up itself. */
export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: CommandContext;
}>;

/**
 * Everything from outside the aggregate that a decision needs, fetched by the handler
 * beforehand so that `decide` stays pure: the time, and which referenced actors exist.
 */
export type CommandContext = Readonly<{
  now: Date;
  registeredActors: ReadonlySet<string>;
  /** Claims of other tracks the command names (a link across tracks), as their own tracks stand: absent when not found. */
  otherClaims?: ReadonlyMap<string, OtherClaim>;
  /**
   * Links other tracks recorded among the claims of the incidents a link names (pairs of event
   * ids), as the store held them: one track's state holds only the links recorded in it, and an
   * incident may run through others.
   */
  linksElsewhere?: readonly LinkedPair[];
}>;

/** Two claims a live link joins, by event id. */
export type LinkedPair = readonly [string, string];

/** What a decision may know of a claim in another track. */
export type OtherClaim = Readonly<{ talksId: string; type: string; retracted: boolean }>;
