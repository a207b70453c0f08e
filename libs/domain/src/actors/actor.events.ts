import { CountryCode, Precision } from '../shared/claim';
import { Event } from '../shared/event';

export const ACTOR_KINDS = ['person', 'state', 'organisation'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export type ActorProfile = Readonly<{
  name: string;
  kind: ActorKind;
  country?: CountryCode;
  title?: string;
  /** An envoy's principal: Witkoff represents Trump, Dmitriev represents Putin. */
  represents?: string;
  aliases: readonly string[];
}>;

/**
 * When a role (a title, whom an actor represents) began, dated as claims date what happened:
 * a date or date-time, and how precisely it is meant ("appointed in March 2025" is a month).
 */
export type RoleDate = Readonly<{ at: string; precision: Precision }>;

/**
 * v2: `validFrom` dates the role registered (title and represents); without it the role is held
 * since before anything was recorded.
 */
export type ActorRegistered = Event<'ActorRegistered', ActorProfile & { actorId: string; registeredAt: string; validFrom?: RoleDate }>;

/**
 * Only the fields given change; `null` clears an optional field. v2: `validFrom` is set whenever
 * the changes touch title or represents (the command's clock when the analyst gives no date),
 * and only then: the new role is held from that date.
 */
export type ActorUpdated = Event<'ActorUpdated', {
  actorId: string;
  validFrom?: RoleDate;
  changes: Readonly<{
    name?: string;
    kind?: ActorKind;
    country?: CountryCode | null;
    title?: string | null;
    represents?: string | null;
    aliases?: readonly string[];
  }>;
  updatedAt: string;
}>;

export type ActorEvent = ActorRegistered | ActorUpdated;
export type ActorEventType = ActorEvent['type'];
export const ACTOR_EVENT_TYPES = ['ActorRegistered', 'ActorUpdated'] as const satisfies readonly ActorEventType[];

