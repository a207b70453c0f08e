import type { ProjectionContext } from '../projection';
import { ClaimBasisRow, ClaimData, ClaimType } from './claim-data';
import { codesOf } from './claim-codes';
import { ClaimActor, actorsOf, countriesOf, ledgerRowsOf, placeCountryOf } from './claim-facets';
import { startOf } from './claim-dates';
import { claimStanceOf } from './claim-stance';
import { summaryOf } from './claim-summary';
import { listKeyOf } from './talks-status';
import { listKeyText } from './talks-status.rows';

/** The statements the talks projection writes with; what readers ask lives in talks.queries.ts. */

export type StoredClaim = Readonly<{ eventId: string; talksId: string; type: ClaimType; data: ClaimData; retracted: boolean; corrected: number; position: bigint }>;

type ClaimRow = { event_id: string; talks_id: string; type: ClaimType; data: string; retracted: bigint; corrected: bigint; position: bigint };

export const findClaim = (ctx: ProjectionContext, eventId: string): StoredClaim | undefined => {
  const row = ctx
    .statement(`SELECT event_id, talks_id, type, data, retracted, corrected, position FROM ${ctx.table('talks_claims')} WHERE event_id = ?`)
    .safeIntegers(true)
    .get(eventId) as ClaimRow | undefined;
  return (
    row && {
      eventId: row.event_id,
      talksId: row.talks_id,
      type: row.type,
      data: JSON.parse(row.data),
      retracted: row.retracted === 1n,
      corrected: Number(row.corrected),
      position: row.position,
    }
  );
};

/** The columns a claim's current data determines: rewritten whole when a correction changes the data. */
const describedColumns = (type: ClaimType, data: ClaimData, basis: ClaimBasisRow) => ({
  occurred_at: basis.occurredAt,
  occurred_until: basis.occurredUntil,
  precision: basis.precision,
  occurred_from: basis.occurredFrom,
  occurred_to: basis.occurredTo,
  // A stored claim's date parses (readBasis saw to it), so it has a start at its own grain too; an undated one has none.
  activity_from: startOf(basis.occurredAt) ?? basis.occurredFrom,
  list_key: listKeyText(listKeyOf(type, data)),
  confidence: basis.confidence,
  confidence_rank: basis.confidenceRank,
  stance: claimStanceOf(data),
  data: JSON.stringify(data),
  summary: summaryOf(type, data),
  ...codesOf(type, data),
  place_country: placeCountryOf(type, data),
});

export type NewClaim = Readonly<{ eventId: string; type: ClaimType; data: ClaimData; basis: ClaimBasisRow; revision: number; position: bigint; recordedAt: Date }>;

export const insertClaim = (ctx: ProjectionContext, claim: NewClaim): void => {
  ctx
    .statement(
      `INSERT INTO ${ctx.table('talks_claims')} (event_id, talks_id, type, revision, position, recorded_at, occurred_at, precision, occurred_from,
        activity_from, list_key, confidence, confidence_rank, stance, data, corrected, retracted, summary, cameo, plover, place_country, occurred_until, occurred_to)
       VALUES (@event_id, @talks_id, @type, @revision, @position, @recorded_at, @occurred_at, @precision, @occurred_from,
        @activity_from, @list_key, @confidence, @confidence_rank, @stance, @data, 0, 0, @summary, @cameo, @plover, @place_country, @occurred_until, @occurred_to)`,
    )
    .run({
      event_id: claim.eventId,
      talks_id: claim.basis.talksId,
      type: claim.type,
      revision: claim.revision,
      position: claim.position,
      recorded_at: claim.recordedAt.toISOString(),
      ...describedColumns(claim.type, claim.data, claim.basis),
    });
  const facets = writeDerivedRows(ctx, claim.eventId, claim.type, claim.data, claim.basis, claim.position);
  openVersion(ctx, claim.eventId, claim.position, facets);
};

/** A correction (recorded at `at`) rewrites what the data determines and counts itself; the derived rows and versions follow. */
export const rewriteClaim = (ctx: ProjectionContext, target: StoredClaim, data: ClaimData, basis: ClaimBasisRow, at: bigint): void => {
  const { eventId, type } = target;
  ctx
    .statement(
      `UPDATE ${ctx.table('talks_claims')} SET occurred_at = @occurred_at, precision = @precision, occurred_from = @occurred_from,
        occurred_until = @occurred_until, occurred_to = @occurred_to,
        activity_from = @activity_from, list_key = @list_key, confidence = @confidence, confidence_rank = @confidence_rank, stance = @stance, data = @data, summary = @summary, cameo = @cameo, plover = @plover,
        place_country = @place_country, corrected = corrected + 1
       WHERE event_id = @event_id`,
    )
    .run({ event_id: eventId, ...describedColumns(type, data, basis) });
  deleteDerivedRows(ctx, eventId);
  const facets = writeDerivedRows(ctx, eventId, type, data, basis, target.position);
  closeVersion(ctx, eventId, at);
  openVersion(ctx, eventId, at, facets);
};

/** A retraction recorded at `at`: the claim leaves the live rows, and its last version closes there. */
export const markRetracted = (ctx: ProjectionContext, eventId: string, at: bigint): void => {
  ctx.statement(`UPDATE ${ctx.table('talks_claims')} SET retracted = 1 WHERE event_id = ?`).run(eventId);
  deleteDerivedRows(ctx, eventId);
  closeVersion(ctx, eventId, at);
};

type Facets = Readonly<{ actors: readonly ClaimActor[]; countries: readonly string[] }>;

const byRoleThenId = (a: ClaimActor, b: ClaimActor): number => (a.role < b.role ? -1 : a.role > b.role ? 1 : a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0);

/** The claim's current row becomes a version, current from position `from` on; its facets in the order a live timeline lists them. */
const openVersion = (ctx: ProjectionContext, eventId: string, from: bigint, { actors, countries }: Facets): void => {
  const [versions, claims] = [ctx.table('talks_claim_versions'), ctx.table('talks_claims')];
  ctx
    .statement(
      `INSERT INTO ${versions} (event_id, version, talks_id, type, revision, position, recorded_at, occurred_at, precision, occurred_from,
        confidence, confidence_rank, stance, data, corrected, summary, cameo, plover, place_country, actors, countries, recorded_from, recorded_to, occurred_until, occurred_to)
       SELECT event_id, corrected, talks_id, type, revision, position, recorded_at, occurred_at, precision, occurred_from,
        confidence, confidence_rank, stance, data, corrected, summary, cameo, plover, place_country, @actors, @countries, @from, NULL, occurred_until, occurred_to
       FROM ${claims} WHERE event_id = @eventId`,
    )
    .run({ eventId, from, actors: JSON.stringify([...actors].sort(byRoleThenId)), countries: JSON.stringify([...countries].sort()) });
};

const closeVersion = (ctx: ProjectionContext, eventId: string, at: bigint): void => {
  ctx.statement(`UPDATE ${ctx.table('talks_claim_versions')} SET recorded_to = ? WHERE event_id = ? AND recorded_to IS NULL`).run(at, eventId);
};

/** When a talks event the projection used was recorded: what maps a `knownAt` to a position. */
export const recordApplied = (ctx: ProjectionContext, position: bigint, recordedAt: Date): void => {
  ctx.statement(`INSERT OR IGNORE INTO ${ctx.table('talks_recordings')} (position, recorded_at) VALUES (?, ?)`).run(position, recordedAt.getTime());
};

export const deleteDerivedRows = (ctx: ProjectionContext, eventId: string): void => {
  for (const table of ['talks_claim_actors', 'talks_claim_countries', 'releases']) {
    ctx.statement(`DELETE FROM ${ctx.table(table)} WHERE event_id = ?`).run(eventId);
  }
};

/** A new claim's derived rows; a rewrite deletes the old ones first. */
const writeDerivedRows = (ctx: ProjectionContext, eventId: string, type: ClaimType, data: ClaimData, basis: ClaimBasisRow, position: bigint): Facets => {
  const talksId = basis.talksId;
  const [actors, countries] = [actorsOf(type, data), countriesOf(type, data)];
  const insertActor = ctx.statement(`INSERT INTO ${ctx.table('talks_claim_actors')} (event_id, actor_id, role, talks_id) VALUES (?, ?, ?, ?)`);
  for (const { actorId, role } of actors) insertActor.run(eventId, actorId, role, talksId);

  const insertCountry = ctx.statement(`INSERT INTO ${ctx.table('talks_claim_countries')} (event_id, country) VALUES (?, ?)`);
  for (const country of countries) insertCountry.run(eventId, country);

  const insertRelease = ctx.statement(
    `INSERT INTO ${ctx.table('releases')} (event_id, idx, talks_id, kind, person, nationality, released_by, released_to, occurred_at, occurred_from, position, detained_since, sentence, occurred_until, occurred_to)
     VALUES (@eventId, @idx, @talksId, @kind, @person, @nationality, @releasedBy, @releasedTo, @occurredAt, @occurredFrom, @position, @detainedSince, @sentence, @occurredUntil, @occurredTo)`,
  );
  for (const release of ledgerRowsOf(type, data)) {
    insertRelease.run({ ...release, eventId, talksId, occurredAt: basis.occurredAt, occurredUntil: basis.occurredUntil, occurredFrom: basis.occurredFrom, occurredTo: basis.occurredTo, position });
  }
  return { actors, countries };
};
