import { TALKS_EVENT_TYPES, TalksClaim, mergeChanges } from '@parley/domain';
import type { RecordedEvent } from '@parley/event-store';
import { APPLIED, ApplyOutcome, Projection, ProjectionContext, skipped } from '../projection';
import { ClaimData, ClaimType, isClaimType, isRecord, readBasis, textOf } from './claim-data';
import { stepStatus } from './talks-status';
import { amendStatus } from './talks-status.amend';
import { readCore, statusRows, trackClaims, writeCore } from './talks-status.rows';
import { TALKS_TABLES, createTalksReadIndexes, createTalksTables } from './talks.tables';
import { StoredClaim, findClaim, insertClaim, markRetracted, recordApplied, rewriteClaim } from './talks.writes';

/**
 * Claims, their actors, countries and releases, and each track's status. A claim adds its rows
 * and steps the track's status; a correction or retraction rewrites the claim's rows and
 * recomputes only the parts of the status that claim touches. What it cannot use, it skips with a
 * reason.
 */

const recordClaim = (ctx: ProjectionContext, event: RecordedEvent, type: ClaimType, data: ClaimData): ApplyOutcome => {
  const basis = readBasis(data);
  if (typeof basis === 'string') return skipped(`malformed ${type}: ${basis}`);
  if (findClaim(ctx, event.id)) return skipped(`event ${event.id} is already stored as a claim`);
  const core = readCore(ctx, basis.talksId);
  if (type === 'TalksOpened' && core) return skipped(`talks ${basis.talksId} are already opened`);
  if (type !== 'TalksOpened' && !core) return skipped(`talks ${basis.talksId} have not been opened`);

  insertClaim(ctx, { eventId: event.id, type, data, basis, revision: event.revision, position: event.position, recordedAt: event.recordedAt });
  const claim = { eventId: event.id, type, data, revision: event.revision, position: event.position.toString() };
  const next = stepStatus(core, statusRows(ctx, basis.talksId), claim);
  if (next) writeCore(ctx, next);
  return APPLIED;
};

/** The live claim of this track an amendment names, or why there is none. */
const targetOf = (ctx: ProjectionContext, data: ClaimData, type: 'ClaimCorrected' | 'ClaimRetracted'): StoredClaim | string => {
  const eventId = textOf(data.eventId);
  if (!eventId) return `malformed ${type}: eventId is missing`;
  const target = findClaim(ctx, eventId);
  if (!target) return `${type} names ${eventId}, which is not a stored claim`;
  if (target.talksId !== data.talksId) return `${type} names ${eventId}, a claim of another track (${target.talksId})`;
  if (target.retracted) return `${type} names ${eventId}, which is retracted`;
  return target;
};

/** After the claim's rows changed: the parts of the status it touches, recomputed, stamped with the amendment. */
const amendTrack = (ctx: ProjectionContext, event: RecordedEvent, target: StoredClaim, after: ClaimData | undefined): void => {
  const core = readCore(ctx, target.talksId);
  if (!core) return;
  const amendment = { type: target.type, before: target.data, after, revision: event.revision, position: event.position.toString() };
  writeCore(ctx, amendStatus(core, statusRows(ctx, target.talksId), trackClaims(ctx, target.talksId), amendment));
};

const correctClaim = (ctx: ProjectionContext, event: RecordedEvent, data: ClaimData): ApplyOutcome => {
  const target = targetOf(ctx, data, 'ClaimCorrected');
  if (typeof target === 'string') return skipped(target);
  if (!isRecord(data.changes)) return skipped('malformed ClaimCorrected: changes is not an object');
  const merged = mergeChanges({ type: target.type, data: target.data } as TalksClaim, data.changes).data as ClaimData;
  const basis = readBasis(merged);
  if (typeof basis === 'string') return skipped(`ClaimCorrected would leave ${target.eventId} malformed: ${basis}`);

  rewriteClaim(ctx, target, merged, basis, event.position);
  amendTrack(ctx, event, target, merged);
  return APPLIED;
};

const retractClaim = (ctx: ProjectionContext, event: RecordedEvent, data: ClaimData): ApplyOutcome => {
  const target = targetOf(ctx, data, 'ClaimRetracted');
  if (typeof target === 'string') return skipped(target);
  // The decider refuses this (a track without its opening has no status); a recorded one changes nothing.
  if (target.type === 'TalksOpened') return skipped(`ClaimRetracted names ${target.eventId}, the opening of the track, which cannot be retracted`);

  markRetracted(ctx, target.eventId, event.position);
  amendTrack(ctx, event, target, undefined);
  return APPLIED;
};

const applyTalksEvent = (ctx: ProjectionContext, event: RecordedEvent): ApplyOutcome => {
  if (!isRecord(event.data)) return skipped(`malformed ${event.type}: data is not an object`);
  if (event.type === 'ClaimCorrected') return correctClaim(ctx, event, event.data);
  if (event.type === 'ClaimRetracted') return retractClaim(ctx, event, event.data);
  if (isClaimType(event.type)) return recordClaim(ctx, event, event.type, event.data);
  return skipped(`${event.type} is not a talks event`);
};

export const talksProjection: Projection = {
  name: 'talks',
  // 2: a status's growing lists moved from its document into rows of their own; claims keep their versions.
  version: 2,
  eventTypes: TALKS_EVENT_TYPES,
  tables: TALKS_TABLES,
  createTables: createTalksTables,
  createReadIndexes: createTalksReadIndexes,
  apply(ctx, event) {
    const outcome = applyTalksEvent(ctx, event);
    if (outcome.applied) recordApplied(ctx, event.position, event.recordedAt);
    return outcome;
  },
};
