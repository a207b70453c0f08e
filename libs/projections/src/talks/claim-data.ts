import { CONFIDENCES, Confidence, PRECISIONS, Precision, TALKS_CLAIM_TYPES, TalksClaim } from '@parley/domain';
import { UNDATED, spanOf } from './claim-dates';

/**
 * Tolerant readers of recorded claim data. A projection must never throw on a recorded event,
 * so every field is read defensively: an ill-shaped value reads as absent, never as a crash.
 */

export type ClaimData = Readonly<Record<string, unknown>>;
export type ClaimType = TalksClaim['type'];

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isClaimType = (type: string): type is ClaimType => (TALKS_CLAIM_TYPES as readonly string[]).includes(type);

export const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The strings of a list; anything else in it (or a non-list) names nothing. */
export const textsOf = (value: unknown): readonly string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export const recordsOf = (value: unknown): readonly Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** A loose count with its bounds filled in: absent low/high equal best; an unreadable count is zero. */
export type Range = Readonly<{ best: number; low: number; high: number }>;

export const ZERO_RANGE: Range = { best: 0, low: 0, high: 0 };

const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export const rangeOf = (value: unknown): Range => {
  if (!isRecord(value)) return ZERO_RANGE;
  const best = finite(value.best) ?? 0;
  return { best, low: finite(value.low) ?? best, high: finite(value.high) ?? best };
};

export const addRanges = (a: Range, b: Range): Range => ({ best: a.best + b.best, low: a.low + b.low, high: a.high + b.high });

/**
 * How sure a claim is, as an order for `minConfidence`: rumoured, reported, confirmed. A denial is
 * a source's stance, not a grade (`stance` filters it); `minConfidence: 'rumoured'` shows everything.
 */
export const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { rumoured: 1, reported: 2, confirmed: 3 };

export const isConfidence = (value: unknown): value is Confidence => CONFIDENCES.includes(value as Confidence);

/**
 * What every stored claim needs to be placed on a timeline: its track, date and confidence. Only
 * an opening may be undated (occurredAt and precision null, `occurredFrom`/`occurredTo` UNDATED)
 * or unsourced (confidence null: `minConfidence` never selects it).
 */
export type ClaimBasisRow = Readonly<{
  talksId: string;
  occurredAt: string | null;
  occurredUntil: string | null;
  precision: Precision | null;
  occurredFrom: number;
  /** The last moment of the claim's range (`occurredUntil`), or `occurredFrom` when it states no range. */
  occurredTo: number;
  confidence: Confidence | null;
  confidenceRank: number | null;
}>;

const readDate = (data: ClaimData, type: ClaimType | undefined) => {
  if (type === 'TalksOpened' && data.occurredAt === undefined && data.precision === undefined) {
    return { occurredAt: null, occurredUntil: null, precision: null, occurredFrom: UNDATED, occurredTo: UNDATED };
  }
  const occurredAt = textOf(data.occurredAt);
  const precision = PRECISIONS.includes(data.precision as Precision) ? (data.precision as Precision) : undefined;
  if (!precision) return `precision is not one of ${PRECISIONS.join(', ')}`;
  const occurredUntil = textOf(data.occurredUntil);
  const span = spanOf(occurredAt, precision, occurredUntil);
  if (occurredAt === undefined || span === undefined) return 'occurredAt is not an ISO date';
  return { occurredAt, occurredUntil: occurredUntil ?? null, precision, occurredFrom: span.from, occurredTo: span.to };
};

const readConfidence = (data: ClaimData, type: ClaimType | undefined) => {
  if (type === 'TalksOpened' && data.provenance === undefined) return { confidence: null, confidenceRank: null };
  const provenance = isRecord(data.provenance) ? data.provenance : {};
  if (!isConfidence(provenance.confidence)) return `provenance.confidence is not one of ${CONFIDENCES.join(', ')}`;
  return { confidence: provenance.confidence, confidenceRank: CONFIDENCE_RANK[provenance.confidence] };
};

/** The basis of a claim of `type`, or why it cannot be read (the projection skips such a claim). */
export const readBasis = (data: ClaimData, type?: ClaimType): ClaimBasisRow | string => {
  const talksId = textOf(data.talksId);
  if (!talksId) return 'talksId is missing';
  const date = readDate(data, type);
  if (typeof date === 'string') return date;
  const confidence = readConfidence(data, type);
  if (typeof confidence === 'string') return confidence;
  return { talksId, ...date, ...confidence };
};

/** Drops absent optional fields, so a doc built here equals the same doc read back from JSON. */
export const compact = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
