import { compact } from './claim-data';
import type { ClaimPlace } from './claim-place';
import { endOf, startOf } from './claim-dates';
import { CeasefireDoc, PendingMeeting, TalksStatusDoc } from './talks-status';

/** What the stored doc means on a given date: the state of the latest ceasefire and the next meeting. */

export type CeasefireStatus = 'none' | 'agreed' | 'in_effect' | 'violated' | 'ended' | 'collapsed';

export type CeasefireView = Readonly<{
  status: CeasefireStatus;
  ceasefireId?: string;
  brokeredAt?: string;
  effectiveFrom?: string;
  endsAt?: string;
  parties?: readonly string[];
  mediators?: readonly string[];
  /** Where it was agreed and who hosted, when its claim says (as in the ceasefire list). */
  place?: ClaimPlace;
  hostedBy?: string;
  /** Violations reported as of the date. */
  violations?: number;
  /** Present once an extension was agreed by the date: how many, the latest one's date, and the end first agreed. */
  extended?: Readonly<{ count: number; lastAt: string; originalEndsAt?: string }>;
  /** The recorded end, when it came by the date (an expiry by `endsAt` alone has none). */
  ended?: Readonly<{ at: string; reason: string }>;
}>;

export type StatusView = Omit<TalksStatusDoc, 'engaged'> & Readonly<{ ceasefire: CeasefireView; nextMeeting: PendingMeeting | null }>;

/** Whether a dated thing had begun by `at` (the start of its precision period counts). */
const by = (at: number, date: string | undefined, precision?: CeasefireDoc['precision']): boolean => {
  const start = startOf(date, precision);
  return start !== undefined && start <= at;
};

const statusOf = (ceasefire: CeasefireDoc, endsAt: string | undefined, at: number, violations: number, endReason: string | undefined): CeasefireStatus => {
  if (endReason !== undefined) return endReason === 'collapsed' ? 'collapsed' : 'ended';
  if (endsAt !== undefined && by(at, endsAt)) return 'ended';
  if (!by(at, ceasefire.effectiveFrom)) return 'agreed';
  return violations > 0 ? 'violated' : 'in_effect';
};

/** The extensions agreed by `at` (the start of their precision period counts), in date order. */
const extensionsBy = (ceasefire: CeasefireDoc, at: number) => (ceasefire.extensions ?? []).filter((e) => by(at, e.at, e.precision));

/**
 * The most recent ceasefire brokered by `at` decides; its end is the one in force on that date
 * (the latest extension agreed by then, else the end first agreed). On that date it is: ended or
 * collapsed once a recorded end came (collapsed when that was the reason), ended once the end in force
 * began even without one, agreed before `effectiveFrom`, violated after a reported violation,
 * else in effect.
 */
export const ceasefireOn = (ceasefires: readonly CeasefireDoc[], at: number): CeasefireView => {
  const brokered = ceasefires.filter((c) => by(at, c.brokeredAt, c.precision));
  if (brokered.length === 0) return { status: 'none' };
  // Latest brokering wins; among equals, the one recorded last.
  const latest = brokered.reduce((a, b) => ((startOf(b.brokeredAt, b.precision) ?? 0) >= (startOf(a.brokeredAt, a.precision) ?? 0) ? b : a));
  const violations = latest.violations.filter((v) => by(at, v.at, v.precision)).length;
  const ended = latest.ended && by(at, latest.ended.at, latest.ended.precision) ? { at: latest.ended.at, reason: latest.ended.reason } : undefined;
  const extensions = extensionsBy(latest, at);
  const lastExtension = extensions.at(-1);
  const endsAt = lastExtension?.endsAt ?? latest.endsAt;
  const status = statusOf(latest, endsAt, at, violations, ended?.reason);
  const { ceasefireId, brokeredAt, effectiveFrom, parties, mediators, place, hostedBy } = latest;
  const extended = lastExtension && compact({ count: extensions.length, lastAt: lastExtension.at, originalEndsAt: latest.endsAt });
  return {
    status,
    ceasefireId,
    brokeredAt,
    effectiveFrom,
    ...(endsAt === undefined ? {} : { endsAt }),
    parties,
    mediators,
    ...compact({ place, hostedBy }),
    violations,
    ...(extended ? { extended } : {}),
    ...(ended ? { ended } : {}),
  };
};

/** The earliest pending meeting still to come on `at` (a meeting expected on a day is upcoming all that day). */
export const nextMeetingOn = (meetings: readonly PendingMeeting[], at: number): PendingMeeting | null =>
  meetings
    .filter((m) => (endOf(m.expectedAt) ?? -Infinity) >= at)
    .reduce<PendingMeeting | null>((next, m) => (next === null || (startOf(m.expectedAt) ?? 0) < (startOf(next.expectedAt) ?? 0) ? m : next), null);

export const statusView = ({ engaged: _kept, ...doc }: TalksStatusDoc, at: Date): StatusView => ({
  ...doc,
  ceasefire: ceasefireOn(doc.ceasefires, at.getTime()),
  nextMeeting: nextMeetingOn(doc.scheduledMeetings, at.getTime()),
});
