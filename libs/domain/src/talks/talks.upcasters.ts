import { StoredData, Upcaster, UpcasterTable } from '../upcasting/upcaster';
import { TALKS_EVENT_TYPES, TalksEventType } from './talks.events';

const isRecord = (value: unknown): value is StoredData => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * v1 graded a denial as a confidence (`denied`); v2 says it per source (`stance: 'denies'`) and
 * keeps confidence for how sure the report is. A v1 denial was a report that its sources deny the
 * claim: it reads as `reported`, the middle grade, with every source `denies`. Any other value
 * (and anything unreadable) passes unchanged, as the same object.
 */
export const provenanceV1ToV2 = (provenance: unknown): unknown => {
  if (!isRecord(provenance) || provenance.confidence !== 'denied') return provenance;
  const sources = Array.isArray(provenance.sources)
    ? provenance.sources.map((source: unknown) => (isRecord(source) ? { ...source, stance: 'denies' } : source))
    : provenance.sources;
  return { ...provenance, sources, confidence: 'reported' };
};

/** A claim's (or an amendment's own) provenance read as v2. */
const basisV1ToV2: Upcaster = (data) => {
  const provenance = provenanceV1ToV2(data.provenance);
  return provenance === data.provenance ? data : { ...data, provenance };
};

/** A correction carries its own provenance and may replace the claim's: both read as v2. */
const correctionV1ToV2: Upcaster = (data) => {
  const own = basisV1ToV2(data);
  if (!isRecord(data.changes) || !('provenance' in data.changes)) return own;
  const provenance = provenanceV1ToV2(data.changes.provenance);
  return provenance === data.changes.provenance ? own : { ...own, changes: { ...data.changes, provenance } };
};

/** The step v1 → v2 of each talks event type; notes and stances are new optional fields, so only a denial changes. */
const v1ToV2 = (type: TalksEventType): Upcaster => (type === 'ClaimCorrected' ? correctionV1ToV2 : basisV1ToV2);

/** The version steps of the talks events, in order; read through the shared registry (EVENT_UPCASTERS). */
export const talksUpcasters: UpcasterTable = Object.fromEntries(TALKS_EVENT_TYPES.map((type) => [type, [v1ToV2(type)]]));
