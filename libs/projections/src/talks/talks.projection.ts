import { TALKS_EVENT_TYPES, TalksClaim, mergeChanges } from '@parley/domain';
import type { RecordedEvent } from '@parley/event-store';
import { APPLIED, ApplyOutcome, Projection, ProjectionContext, skipped } from '../projection';
import { ClaimData, ClaimType, isClaimType, isRecord, readBasis, textOf } from './claim-data';
import { LIVE, closeLink, contributionAround, insertLink, linkedIds, tracksOf } from './incident.rows';
import { incidentsChanged } from './incident-refresh';
import { StatusCore, StatusCounts, addCounts, stepStatus } from './talks-status';
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

/**
 * Where the projection reads and writes status cores. Within a batch the cores it touches stay in
 * memory and are written once at the end: a batch of a track's events parses and writes its core
 * once, not once per event.
 */
type Cores = Readonly<{ read(talksId: string): StatusCore | undefined; write(core: StatusCore): void }>;

const batchCores = (ctx: ProjectionContext) => {
  const held = new Map<string, StatusCore | undefined>();
  const changed = new Set<string>();
  const cores: Cores = {
    read: (talksId) => {
      if (!held.has(talksId)) held.set(talksId, readCore(ctx, talksId));
      return held.get(talksId);
    },
    write: (core) => {
      held.set(core.talksId, core);
      changed.add(core.talksId);
    },
  };
  const flush = (): void => {
    for (const talksId of changed) writeCore(ctx, held.get(talksId)!);
  };
  return { cores, flush };
};

const recordClaim = (ctx: ProjectionContext, cores: Cores, event: RecordedEvent, type: ClaimType, data: ClaimData): ApplyOutcome => {
  const basis = readBasis(data, type);
  if (typeof basis === 'string') return skipped(`malformed ${type}: ${basis}`);
  if (findClaim(ctx, event.id)) return skipped(`event ${event.id} is already stored as a claim`);
  const core = cores.read(basis.talksId);
  if (type === 'TalksOpened' && core) return skipped(`talks ${basis.talksId} are already opened`);
  if (type !== 'TalksOpened' && !core) return skipped(`talks ${basis.talksId} have not been opened`);

  insertClaim(ctx, { eventId: event.id, type, data, basis, revision: event.revision, position: event.position, recordedAt: event.recordedAt });
  const claim = { eventId: event.id, type, data, revision: event.revision, position: event.position.toString() };
  const next = stepStatus(core, statusRows(ctx, basis.talksId), claim);
  if (next) cores.write(next);
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
const amendTrack = (
  ctx: ProjectionContext,
  cores: Cores,
  event: RecordedEvent,
  target: StoredClaim,
  after: ClaimData | undefined,
  incidentBefore: StatusCounts | undefined,
): void => {
  const core = cores.read(target.talksId);
  if (!core) return;
  const incidentCounts = incidentBefore && { before: incidentBefore, after: contributionAround(ctx, [target.eventId], target.talksId) };
  const amendment = { type: target.type, before: target.data, after, revision: event.revision, position: event.position.toString(), ...(incidentCounts ? { incidentCounts } : {}) };
  cores.write(amendStatus(core, statusRows(ctx, target.talksId), trackClaims(ctx, target.talksId), amendment));
};

const correctClaim = (ctx: ProjectionContext, cores: Cores, event: RecordedEvent, data: ClaimData): ApplyOutcome => {
  const target = targetOf(ctx, data, 'ClaimCorrected');
  if (typeof target === 'string') return skipped(target);
  if (!isRecord(data.changes)) return skipped('malformed ClaimCorrected: changes is not an object');
  const merged = mergeChanges({ type: target.type, data: target.data } as TalksClaim, data.changes).data as ClaimData;
  const basis = readBasis(merged, target.type);
  if (typeof basis === 'string') return skipped(`ClaimCorrected would leave ${target.eventId} malformed: ${basis}`);

  const incidentBefore = linkedContribution(ctx, target);
  rewriteClaim(ctx, target, merged, basis, event.position);
  amendTrack(ctx, cores, event, target, merged, incidentBefore);
  incidentsChanged(ctx, [target.eventId], event.position, target.eventId);
  return APPLIED;
};

const retractClaim = (ctx: ProjectionContext, cores: Cores, event: RecordedEvent, data: ClaimData): ApplyOutcome => {
  const target = targetOf(ctx, data, 'ClaimRetracted');
  if (typeof target === 'string') return skipped(target);
  // The decider refuses this (a track without its opening has no status); a recorded one changes nothing.
  if (target.type === 'TalksOpened') return skipped(`ClaimRetracted names ${target.eventId}, the opening of the track, which cannot be retracted`);

  const incidentBefore = linkedContribution(ctx, target);
  markRetracted(ctx, target.eventId, event.position);
  amendTrack(ctx, cores, event, target, undefined, incidentBefore);
  incidentsChanged(ctx, [target.eventId], event.position, target.eventId);
  return APPLIED;
};

/** What a linked claim's incident adds to the counts; undefined for a claim linked to none (it counts alone). */
const linkedContribution = (ctx: ProjectionContext, { eventId, talksId }: StoredClaim): StatusCounts | undefined =>
  linkedIds(ctx, eventId, LIVE).length > 1 ? contributionAround(ctx, [eventId], talksId) : undefined;

type LinkedPair = Readonly<{ talksId: string; eventId: string; sameAs: string }>;

/** The two stored claims a link or unlink names (the second of `sameAsTalksId`, if named), or why it names no such pair. */
const pairOf = (ctx: ProjectionContext, data: ClaimData, type: 'ClaimsLinked' | 'ClaimsUnlinked'): LinkedPair | string => {
  const [talksId, eventId, sameAs] = [textOf(data.talksId), textOf(data.eventId), textOf(data.sameAs)];
  if (!talksId || !eventId || !sameAs) return `malformed ${type}: talksId, eventId or sameAs is missing`;
  if (eventId === sameAs) return `${type} names ${eventId} twice`;
  for (const [id, track] of [[eventId, talksId], [sameAs, textOf(data.sameAsTalksId) ?? talksId]]) {
    const claim = findClaim(ctx, id);
    if (!claim) return `${type} names ${id}, which is not a stored claim`;
    if (claim.talksId !== track) return `${type} names ${id}, a claim of another track (${claim.talksId})`;
  }
  return { talksId, eventId, sameAs };
};

/**
 * The counts of every track with claims in the incidents around the pair move by what those
 * incidents add to it after the change, less what they added before; the stream's own track is
 * stamped with the event whatever it changed.
 */
const recount = (ctx: ProjectionContext, cores: Cores, event: RecordedEvent, pair: LinkedPair, change: () => boolean, refusal: string): ApplyOutcome => {
  const core = cores.read(pair.talksId);
  if (!core) return skipped(`talks ${pair.talksId} have not been opened`);
  const ends = [pair.eventId, pair.sameAs];
  const tracks = tracksOf(ctx, [...new Set(ends.flatMap((id) => linkedIds(ctx, id, LIVE)))]);
  const before = new Map(tracks.map((talksId) => [talksId, contributionAround(ctx, ends, talksId)]));
  if (!change()) return skipped(refusal);
  incidentsChanged(ctx, ends, event.position);
  for (const talksId of tracks) {
    const after = contributionAround(ctx, ends, talksId);
    const track = cores.read(talksId);
    if (track) cores.write({ ...track, counts: addCounts(addCounts(track.counts, before.get(talksId)!, -1), after) });
  }
  cores.write({ ...cores.read(pair.talksId)!, revision: event.revision, position: event.position.toString() });
  return APPLIED;
};

const linkClaims = (ctx: ProjectionContext, cores: Cores, event: RecordedEvent, data: ClaimData): ApplyOutcome => {
  const pair = pairOf(ctx, data, 'ClaimsLinked');
  if (typeof pair === 'string') return skipped(pair);
  const insert = (): boolean => {
    if (ctx.statement(`SELECT 1 FROM ${ctx.table('talks_links')} WHERE link_id = ?`).get(event.id) !== undefined) return false;
    insertLink(ctx, { linkId: event.id, ...pair, position: event.position });
    return true;
  };
  return recount(ctx, cores, event, pair, insert, `link ${event.id} is already stored`);
};

const unlinkClaims = (ctx: ProjectionContext, cores: Cores, event: RecordedEvent, data: ClaimData): ApplyOutcome => {
  const pair = pairOf(ctx, data, 'ClaimsUnlinked');
  if (typeof pair === 'string') return skipped(pair);
  return recount(ctx, cores, event, pair, () => closeLink(ctx, pair.eventId, pair.sameAs, event.position), `${pair.eventId} and ${pair.sameAs} are not linked`);
};

const applyTalksEvent = (ctx: ProjectionContext, cores: Cores, event: RecordedEvent): ApplyOutcome => {
  const outcome = (() => {
    if (!isRecord(event.data)) return skipped(`malformed ${event.type}: data is not an object`);
    if (event.type === 'ClaimCorrected') return correctClaim(ctx, cores, event, event.data);
    if (event.type === 'ClaimRetracted') return retractClaim(ctx, cores, event, event.data);
    if (event.type === 'ClaimsLinked') return linkClaims(ctx, cores, event, event.data);
    if (event.type === 'ClaimsUnlinked') return unlinkClaims(ctx, cores, event, event.data);
    if (isClaimType(event.type)) return recordClaim(ctx, cores, event, event.type, event.data);
    return skipped(`${event.type} is not a talks event`);
  })();
  if (outcome.applied) recordApplied(ctx, event.position, event.recordedAt);
  return outcome;
};

const applyTalksEvents = (ctx: ProjectionContext, events: readonly RecordedEvent[]): ApplyOutcome[] => {
  const { cores, flush } = batchCores(ctx);
  const outcomes = events.map((event) => applyTalksEvent(ctx, cores, event));
  flush();
  return outcomes;
};

export const talksProjection: Projection = {
  name: 'talks',
  // 2: a status's growing lists moved from its document into rows of their own; claims keep their versions.
  // 3: claims coded by the crosswalk (PLOVER 2.0): releases RETREAT, ceasefires declared CONCEDE, calls 041.
  // 4: any substantive claim makes open talks active; a status keeps whether one ever did (`engaged`).
  // 5: domain model v2 — ceasefires carry their extensions (CeasefireExtended; the end in force on a date is the last
  //    extension's by then); sources have a stance, a claim every source denies adds nothing to counts or releases;
  //    notes; `denied` left the confidences; places (a place country column, place countries in `country`), swap
  //    totals in the counts, releasedTo; claims linked as one incident count once (talks_links), timeline entries
  //    carry their incident; date ranges (occurred_until/occurred_to) and undated, unsourced openings (nullable date
  //    and confidence).
  // 6: releases list a person once per incident (listed, incident_id, reports); links, unlinks and changes to an
  //    incident's reports are kept as changes of its other reports for `changedSince` pulls (talks_incident_changes).
  // 7: release rows keep their claim's occurred_to, so the ledger selects by from/to and asOf as the timeline does.
  version: 7,
  eventTypes: TALKS_EVENT_TYPES,
  tables: TALKS_TABLES,
  createTables: createTalksTables,
  createReadIndexes: createTalksReadIndexes,
  apply: (ctx, event) => applyTalksEvents(ctx, [event])[0],
  applyBatch: applyTalksEvents,
};
