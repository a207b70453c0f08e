export { CAMEO_CODES, CODEBOOKS, PLOVER_CONTEXTS, PLOVER_EVENTS, PLOVER_MODES, GEO_PRECISION_CODEBOOK, PRECISION_CODEBOOK } from './codebooks';
export type { CameoCode, PloverContext, PloverEvent, PloverMode } from './codebooks';
export { CLAIM_ALONE, crosswalkClaimOf } from './crosswalk-claim';
export type { CrosswalkClaim, CrosswalkSetting } from './crosswalk-claim';
export { claimCode, dyadsOf } from './crosswalk';
export type { Dyad, DyadActor } from './crosswalk';
export type { EventCode } from './event-code';
