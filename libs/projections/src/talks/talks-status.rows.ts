import { LIFECYCLE_CLAIM_TYPES } from '@parley/domain';
import type { ProjectionContext } from '../projection';
import { ClaimData, ClaimType } from './claim-data';
import { CeasefireEntry, CeasefireViolation, ListKey, PendingMeeting, StatusClaim, StatusCore, StatusLists, TalksStatusDoc, withExtension } from './talks-status';
import { TrackClaims } from './talks-status.amend';

/**
 * A track's status as rows: the core as one small document, and the lists that grow with history
 * (pending meetings, ceasefires, violations) a row per entry, so a claim writes what it changes
 * and never rewrites what the track has accumulated.
 */

/** How a claim row names the meeting or ceasefire it is about: what an amendment's refold selects by. */
export const listKeyText = (key: ListKey | undefined): string | null => (key ? `${key.kind}:${key.id}` : null);

export const readCore = (ctx: ProjectionContext, talksId: string): StatusCore | undefined => {
  const doc = ctx.statement(`SELECT doc FROM ${ctx.table('talks_status')} WHERE talks_id = ?`).pluck().get(talksId) as string | undefined;
  return doc === undefined ? undefined : JSON.parse(doc);
};

export const writeCore = (ctx: ProjectionContext, core: StatusCore): void => {
  ctx
    .statement(
      `INSERT INTO ${ctx.table('talks_status')} (talks_id, lifecycle, doc, revision, position) VALUES (@talksId, @lifecycle, @doc, @revision, @position)
       ON CONFLICT (talks_id) DO UPDATE SET lifecycle = excluded.lifecycle, doc = excluded.doc, revision = excluded.revision, position = excluded.position`,
    )
    .run({ talksId: core.talksId, lifecycle: core.lifecycle, doc: JSON.stringify(core), revision: core.revision, position: BigInt(core.position) });
};

/** The whole doc: the core with its lists, read in the order they were added. */
export const readStatus = (ctx: ProjectionContext, core: StatusCore): TalksStatusDoc => {
  const meetings = ctx
    .statement(`SELECT doc FROM ${ctx.table('talks_meetings')} WHERE talks_id = ? ORDER BY position`)
    .pluck()
    .all(core.talksId) as string[];
  const ceasefires = ctx
    .statement(`SELECT ceasefire_id, doc FROM ${ctx.table('talks_ceasefires')} WHERE talks_id = ? ORDER BY position`)
    .all(core.talksId) as { ceasefire_id: string; doc: string }[];
  const violations = ctx
    .statement(`SELECT ceasefire_id, doc FROM ${ctx.table('talks_ceasefire_violations')} WHERE talks_id = ? ORDER BY ceasefire_id, position`)
    .all(core.talksId) as { ceasefire_id: string; doc: string }[];
  const byCeasefire = new Map<string, CeasefireViolation[]>();
  for (const row of violations) {
    const list = byCeasefire.get(row.ceasefire_id) ?? [];
    list.push(JSON.parse(row.doc));
    byCeasefire.set(row.ceasefire_id, list);
  }
  return {
    ...core,
    scheduledMeetings: meetings.map((doc) => JSON.parse(doc) as PendingMeeting),
    ceasefires: ceasefires.map((row) => ({ ...(JSON.parse(row.doc) as CeasefireEntry), violations: byCeasefire.get(row.ceasefire_id) ?? [] })),
  };
};

export const statusRows = (ctx: ProjectionContext, talksId: string): StatusLists => {
  const [meetings, ceasefires, violations] = [ctx.table('talks_meetings'), ctx.table('talks_ceasefires'), ctx.table('talks_ceasefire_violations')];
  const ceasefire = (id: string): CeasefireEntry | undefined => {
    const doc = ctx.statement(`SELECT doc FROM ${ceasefires} WHERE talks_id = ? AND ceasefire_id = ?`).pluck().get(talksId, id) as string | undefined;
    return doc === undefined ? undefined : JSON.parse(doc);
  };
  return {
    hasMeeting: (id) => ctx.statement(`SELECT 1 FROM ${meetings} WHERE talks_id = ? AND meeting_id = ?`).pluck().get(talksId, id) !== undefined,
    addMeeting: (meeting, position) =>
      void ctx
        .statement(`INSERT INTO ${meetings} (talks_id, meeting_id, position, doc) VALUES (?, ?, ?, ?)`)
        .run(talksId, meeting.meetingId, BigInt(position), JSON.stringify(meeting)),
    removeMeeting: (id) => void ctx.statement(`DELETE FROM ${meetings} WHERE talks_id = ? AND meeting_id = ?`).run(talksId, id),
    ceasefire,
    addCeasefire: (entry, position) =>
      void ctx
        .statement(`INSERT INTO ${ceasefires} (talks_id, ceasefire_id, position, doc) VALUES (?, ?, ?, ?)`)
        .run(talksId, entry.ceasefireId, BigInt(position), JSON.stringify(entry)),
    addViolation: (id, violation, position) =>
      void ctx
        .statement(`INSERT INTO ${violations} (talks_id, ceasefire_id, position, doc) VALUES (?, ?, ?, ?)`)
        .run(talksId, id, BigInt(position), JSON.stringify(violation)),
    endCeasefire: (id, ended) => {
      const entry = ceasefire(id);
      if (!entry) return;
      ctx.statement(`UPDATE ${ceasefires} SET doc = ? WHERE talks_id = ? AND ceasefire_id = ?`).run(JSON.stringify({ ...entry, ended }), talksId, id);
    },
    extendCeasefire: (id, extension) => {
      const entry = ceasefire(id);
      if (!entry) return;
      ctx
        .statement(`UPDATE ${ceasefires} SET doc = ? WHERE talks_id = ? AND ceasefire_id = ?`)
        .run(JSON.stringify({ ...entry, extensions: withExtension(entry.extensions, extension) }), talksId, id);
    },
    reset: (key) => {
      if (key.kind === 'meeting') {
        ctx.statement(`DELETE FROM ${meetings} WHERE talks_id = ? AND meeting_id = ?`).run(talksId, key.id);
        return;
      }
      ctx.statement(`DELETE FROM ${ceasefires} WHERE talks_id = ? AND ceasefire_id = ?`).run(talksId, key.id);
      ctx.statement(`DELETE FROM ${violations} WHERE talks_id = ? AND ceasefire_id = ?`).run(talksId, key.id);
    },
  };
};

export type StatusClaimRow = { event_id: string; type: ClaimType; data: string; revision: number; position_text: string };

/** A claim row as the status fold reads it. */
export const statusClaimOf = (row: StatusClaimRow): StatusClaim => ({
  eventId: row.event_id,
  type: row.type,
  data: JSON.parse(row.data),
  revision: row.revision,
  position: row.position_text,
});

const LIFECYCLE_TYPES = JSON.stringify(LIFECYCLE_CLAIM_TYPES);

/** The reads an amendment's refold makes, each by an index on the track. */
export const trackClaims = (ctx: ProjectionContext, talksId: string): TrackClaims => {
  const claims = ctx.table('talks_claims');
  return {
    lifecycleTypes: () =>
      ctx
        .statement(`SELECT type FROM ${claims} WHERE talks_id = ? AND retracted = 0 AND type IN (SELECT value FROM json_each(?)) ORDER BY position`)
        .pluck()
        .all(talksId, LIFECYCLE_TYPES) as string[],
    lastConclusion: () => {
      const data = ctx
        .statement(`SELECT data FROM ${claims} WHERE talks_id = ? AND type = 'TalksConcluded' AND retracted = 0 ORDER BY position DESC LIMIT 1`)
        .pluck()
        .get(talksId) as string | undefined;
      return data === undefined ? undefined : (JSON.parse(data) as ClaimData);
    },
    latestActivity: () =>
      ctx
        .statement(`SELECT occurred_at FROM ${claims} WHERE talks_id = ? AND retracted = 0 AND occurred_at IS NOT NULL ORDER BY activity_from DESC, position DESC LIMIT 1`)
        .pluck()
        .get(talksId) as string | undefined,
    claimsOf: (key) =>
      (
        ctx
          .statement(
            `SELECT event_id, type, data, revision, CAST(position AS TEXT) AS position_text FROM ${claims}
             WHERE talks_id = ? AND list_key = ? AND retracted = 0 ORDER BY position`,
          )
          .all(talksId, listKeyText(key)) as StatusClaimRow[]
      ).map(statusClaimOf),
  };
};
