import { ClaimData, isRecord, recordsOf } from './claim-data';

/**
 * Where a claim's sources stand, taken together: every readable source asserts it (`asserted`),
 * every one denies it (`denied`), or some of each (`disputed`). A source without a stance asserts
 * (what v2 defaults to); a claim with no readable source is read as asserted.
 */
export const CLAIM_STANCES = ['asserted', 'denied', 'disputed'] as const;
export type ClaimStance = (typeof CLAIM_STANCES)[number];

export const stanceOfSource = (source: Readonly<Record<string, unknown>>): 'asserts' | 'denies' => (source.stance === 'denies' ? 'denies' : 'asserts');

export const claimStanceOf = (data: ClaimData): ClaimStance => {
  const provenance = isRecord(data.provenance) ? data.provenance : {};
  const stances = new Set(recordsOf(provenance.sources).map(stanceOfSource));
  if (!stances.has('denies')) return 'asserted';
  return stances.has('asserts') ? 'disputed' : 'denied';
};

/** Whether the claim adds to what a status counts and to the ledger of people freed: not when every source denies it. */
export const isCounted = (data: ClaimData): boolean => claimStanceOf(data) !== 'denied';
