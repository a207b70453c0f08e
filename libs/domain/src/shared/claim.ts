/**
 * How much of `occurredAt` is meant: "in August 2021" is a month. `week` is the ISO 8601 week
 * (Monday to Sunday, UTC) that holds the date: "in the week of 17 November 2025" is any day of it.
 */
export const PRECISIONS = ['exact', 'day', 'week', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** How sure the sources are, weakest first. A denial is not a degree of certainty: it is a source's `stance`. */
export const CONFIDENCES = ['rumoured', 'reported', 'confirmed'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** What a source says of the claim: that it happened (the default when absent), or that it did not. */
export const STANCES = ['asserts', 'denies'] as const;
export type Stance = (typeof STANCES)[number];

/** The longest note a claim may carry, in characters. */
export const NOTE_MAX_LENGTH = 2000;

/** The publisher printed it (TASS); the originator said it (the Kremlin spokesperson). */
export type Source = Readonly<{
  publisher: string;
  originator?: string;
  url?: string;
  publishedAt?: string;
  quote?: string;
  /** Absent means `asserts`. */
  stance?: Stance;
  /** The wire service this copy reprints (Reuters, AP): a syndicated copy is not an independent source. */
  syndicatedFrom?: string;
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
  /** The analyst's free-text note on the claim (at most NOTE_MAX_LENGTH characters). */
  note?: string;
}>;

/**
 * What the opening of a track carries: it records that we follow the track, so an analyst who
 * starts following talks already under way may leave out the date and the sources (the claims
 * inside carry theirs). A later correction can add them.
 */
export type OpeningBasis = Readonly<Partial<ClaimBasis>>;

/** ISO 3166-1 alpha-3, e.g. `RUS`. */
export type CountryCode = string;

/**
 * What a place's coordinates stand for, graded as ACLED (`geo_precision` 1–3) and UCDP GED
 * (`where_prec`) grade theirs: `exact` the spot or the named town itself (ACLED 1, UCDP 1),
 * `near` within about 25 km of it or part of a region around it (ACLED 2, UCDP 2), `region` only
 * an administrative region is known (ACLED 3, UCDP 3–4), `country` only the country (UCDP 6).
 */
export const GEO_PRECISIONS = ['exact', 'near', 'region', 'country'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

/** WGS 84 decimal degrees: lat −90…90, lon −180…180. */
export type Coordinates = Readonly<{ lat: number; lon: number }>;

/** Where something happened. Coordinates always come with the grade of what they stand for. */
export type Place = Readonly<{ country: CountryCode; city?: string; coordinates?: Coordinates; geoPrecision?: GeoPrecision }>;
