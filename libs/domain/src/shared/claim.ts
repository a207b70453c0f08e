/** How much of `occurredAt` is meant: "in August 2021" is a month. */
export const PRECISIONS = ['exact', 'day', 'month', 'year'] as const;
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
  precision: Precision;
  provenance: Provenance;
}>;

/** ISO 3166-1 alpha-3, e.g. `RUS`. */
export type CountryCode = string;

export type Place = Readonly<{ country: CountryCode; city?: string }>;
