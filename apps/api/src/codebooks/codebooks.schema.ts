import { arrayOf, record, schemaComponent } from '../openapi/schema-component';

const CODEBOOK = schemaComponent(
  'Codebook',
  record({
    field: { type: 'string', description: 'The export column that carries these codes', example: 'cameo' },
    edition: { type: 'string', description: 'The codebook edition the codes are pinned to', example: 'CAMEO 1.1b3' },
    codes: arrayOf(record({ code: { type: 'string', example: '042' }, meaning: { type: 'string', example: 'Make a visit' } })),
  }),
);

export const CODEBOOK_LISTING_SCHEMA = schemaComponent(
  'CodebookListing',
  record({ rules: { type: 'string', description: 'Where the rule for each code is written', example: 'docs/crosswalk.md' }, codebooks: arrayOf(CODEBOOK) }),
);

export const CODEBOOK_SCHEMAS = [CODEBOOK, CODEBOOK_LISTING_SCHEMA];
