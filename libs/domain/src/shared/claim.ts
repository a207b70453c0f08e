/**
 * How much of `occurredAt` is meant: "in August 2021" is a month. `week` is the ISO 8601 week
 * (Monday to Sunday, UTC) that holds the date: "in the week of 17 November 2025" is any day of it.
 */
export const PRECISIONS = ['exact', 'day', 'week', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const CONFIDENCES = ['rumoured', 'reported', 'confirmed', 'denied'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The publisher printed it (TASS); the originator said it (the Kremlin spokesperson). */
export type Source = Readonly<{
  publisher: string;
  originator?: string;
  url?: string;
  publishedAt?: string;
  quote?: string;
}>;

export type Provenance = Readonly<{
  sources: readonly Source[];
  confidence: Confidence;
}>;

/** A count that reports give loosely ("nearly 2,000"): low ≤ best ≤ high. */
export type LooseCount = Readonly<{ best: number; low?: number; high?: number }>;

/** What every claim about a track carries: when it happened, how precisely, and who says so. */
export type ClaimBasis = Readonly<{
  occurredAt: string;
  /** The latest it can have happened, at the same `precision`: "between the 25th and the 30th" ends on the 30th. */
  occurredUntil?: string;
  precision: Precision;
  provenance: Provenance;
}>;

/**
 * What the opening of a track carries: it records that we follow the track, so an analyst who
 * starts following talks already under way may leave out the date and the sources (the claims
 * inside carry theirs). A later correction can add them.
 */
export type OpeningBasis = Readonly<Partial<ClaimBasis>>;

/** ISO 3166-1 alpha-3, e.g. `RUS`. */
export type CountryCode = string;

export type Place = Readonly<{ country: CountryCode; city?: string }>;
