import { CountryCode } from '../shared/claim';
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

export type ActorRegistered = Event<'ActorRegistered', ActorProfile & { actorId: string; registeredAt: string }>;

/** Only the fields given change; `null` clears an optional field. */
export type ActorUpdated = Event<'ActorUpdated', {
  actorId: string;
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
