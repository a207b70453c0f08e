import { CLAIM_ALONE, claimCode, crosswalkClaimOf } from '../exports/crosswalk';
import { ClaimData, ClaimType } from './claim-data';

/** The codebooks the exported codes are pinned to; see exports/crosswalk/codebooks.ts and docs/crosswalk.md. */
export { CODEBOOKS } from '../exports/crosswalk';

export type EventCodes = Readonly<{ cameo: string | null; plover: string | null }>;

/**
 * A claim's stored codes: the crosswalk's code for the claim as a whole, from what the claim alone
 * says (a call is 041 by its format). The exports also read the actors' countries and the track's
 * parties, so there an in-person meeting's 040 can become 042, 044 or 046 (docs/crosswalk.md).
 */
export const codesOf = (type: ClaimType, data: ClaimData = {}): EventCodes => {
  const found = claimCode(crosswalkClaimOf(type, data), CLAIM_ALONE);
  return { cameo: found?.cameo ?? null, plover: found?.plover ?? null };
};
