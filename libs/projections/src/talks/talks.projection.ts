import { TALKS_EVENT_TYPES, TalksClaim, mergeChanges } from '@parley/domain';
import type { RecordedEvent } from '@parley/event-store';
import { APPLIED, ApplyOutcome, Projection, ProjectionContext, skipped } from '../projection';
import { ClaimData, ClaimType, isClaimType, isRecord, readBasis, textOf } from './claim-data';
import { applyToStatus, foldStatus } from './talks-status';
import { getStatus, liveClaims } from './talks.queries';
import { TALKS_TABLES, createTalksTables } from './talks.tables';
import { StoredClaim, findClaim, insertClaim, markRetracted, rewriteClaim, writeStatus } from './talks.writes';

/**
 * Claims, their actors, countries and releases, and each track's status. A claim adds its rows
 * and is applied to the stored status doc; a correction or retraction rewrites the claim's rows
 * and refolds the doc from the track's live claims. What it cannot use, it skips with a reason.
 */

const recordClaim = (ctx: ProjectionContext, event: RecordedEvent, type: ClaimType, data: ClaimData): ApplyOutcome => {
  const basis = readBasis(data);
  if (typeof basis === 'string') return skipped(`malformed ${type}: ${basis}`);
  if (findClaim(ctx, event.id)) return skipped(`event ${event.id} is already stored as a claim`);
  const status = getStatus(ctx, basis.talksId);
  if (type === 'TalksOpened' && status) return skipped(`talks ${basis.talksId} are already opened`);
  if (type !== 'TalksOpened' && !status) return skipped(`talks ${basis.talksId} have not been opened`);

  insertClaim(ctx, { eventId: event.id, type, data, basis, revision: event.revision, position: event.position, recordedAt: event.recordedAt });
  const doc = applyToStatus(status, { eventId: event.id, type, data, revision: event.revision, position: event.position.toString() });
  if (doc) writeStatus(ctx, doc);
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

/** After an amendment the doc is the fold of the live claims, stamped with the amendment's revision and position. */
const refoldStatus = (ctx: ProjectionContext, talksId: string, event: RecordedEvent): void => {
  const doc = foldStatus(liveClaims(ctx, talksId));
  if (doc) writeStatus(ctx, { ...doc, revision: event.revision, position: event.position.toString() });
};

const correctClaim = (ctx: ProjectionContext, event: RecordedEvent, data: ClaimData): ApplyOutcome => {
  const target = targetOf(ctx, data, 'ClaimCorrected');
  if (typeof target === 'string') return skipped(target);
  if (!isRecord(data.changes)) return skipped('malformed ClaimCorrected: changes is not an object');
  const merged = mergeChanges({ type: target.type, data: target.data } as TalksClaim, data.changes).data as ClaimData;
  const basis = readBasis(merged);
  if (typeof basis === 'string') return skipped(`ClaimCorrected would leave ${target.eventId} malformed: ${basis}`);

  rewriteClaim(ctx, target.eventId, target.type, merged, basis);
  refoldStatus(ctx, target.talksId, event);
  return APPLIED;
};

const retractClaim = (ctx: ProjectionContext, event: RecordedEvent, data: ClaimData): ApplyOutcome => {
  const target = targetOf(ctx, data, 'ClaimRetracted');
  if (typeof target === 'string') return skipped(target);
  // The decider refuses this (a track without its opening has no status); a recorded one changes nothing.
  if (target.type === 'TalksOpened') return skipped(`ClaimRetracted names ${target.eventId}, the opening of the track, which cannot be retracted`);

  markRetracted(ctx, target.eventId);
  refoldStatus(ctx, target.talksId, event);
  return APPLIED;
};

export const talksProjection: Projection = {
  name: 'talks',
  version: 1,
  eventTypes: TALKS_EVENT_TYPES,
  tables: TALKS_TABLES,
  createTables: createTalksTables,
  apply(ctx, event) {
    if (!isRecord(event.data)) return skipped(`malformed ${event.type}: data is not an object`);
    if (event.type === 'ClaimCorrected') return correctClaim(ctx, event, event.data);
    if (event.type === 'ClaimRetracted') return retractClaim(ctx, event, event.data);
    if (isClaimType(event.type)) return recordClaim(ctx, event, event.type, event.data);
    return skipped(`${event.type} is not a talks event`);
  },
};
