import {
  CAMEO_CODES, CODEBOOKS, GEO_PRECISION_CODEBOOK, GEO_PRECISION_CODES, PLOVER_CONTEXTS, PLOVER_EVENTS, PLOVER_MODES, PRECISION_CODEBOOK, TIME_PRECISION_CODES,
} from '@parley/projections';

export type CodebookEntry = Readonly<{ code: string; meaning: string }>;
export type Codebook = Readonly<{ field: string; edition: string; codes: readonly CodebookEntry[] }>;
export type CodebookListing = Readonly<{ rules: string; codebooks: readonly Codebook[] }>;

const entries = (codes: Readonly<Record<string, string>>): CodebookEntry[] => Object.entries(codes).map(([code, meaning]) => ({ code, meaning }));
const scale = (codes: Readonly<Record<string, number>>): CodebookEntry[] => Object.entries(codes).map(([word, code]) => ({ code: String(code), meaning: word }));

/** Every code an export can carry, by the column that carries it, with the edition it is pinned to. */
export const CODEBOOK_LISTING: CodebookListing = {
  rules: 'docs/crosswalk.md',
  codebooks: [
    { field: 'cameo', edition: CODEBOOKS.cameo, codes: entries(CAMEO_CODES) },
    { field: 'plover', edition: CODEBOOKS.plover, codes: entries(PLOVER_EVENTS) },
    { field: 'ploverMode', edition: CODEBOOKS.plover, codes: entries(PLOVER_MODES) },
    { field: 'ploverContext', edition: CODEBOOKS.plover, codes: entries(PLOVER_CONTEXTS) },
    { field: 'timePrecisionCode', edition: PRECISION_CODEBOOK, codes: scale(TIME_PRECISION_CODES) },
    { field: 'geoPrecisionCode', edition: GEO_PRECISION_CODEBOOK, codes: scale(GEO_PRECISION_CODES) },
  ],
};
