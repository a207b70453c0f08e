import type { SchemaObject } from '@nestjs/swagger';
import { DATASET_COLUMNS } from '@parley/projections';
import { arrayOf, NULLABLE_STRING, schemaComponent } from '../openapi/schema-component';

const INTEGER_COLUMNS = ['version', 'dyad', 'timePrecisionCode', 'geoPrecisionCode', 'sourceCount', 'revision', 'incidentSourceCount'];
const NUMBER_COLUMNS = ['latitude', 'longitude'];

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  change:
    '`created` (version 0), `corrected` (a later version, or the same version re-sent because a link, an unlink or a change to another report of its incident changed its incident columns: replace its rows either way) or `retracted` (a tombstone: drop the claim’s rows)',
  changePosition: 'The position of `$all` at which this version began, its incident changed, or the claim was retracted; pull next with the largest you hold',
  dyad: 'The pair’s index within the claim (dyadic shape); null on a tombstone',
  cameo: 'CAMEO 1.1b3 verb code (docs/crosswalk.md)',
  plover: 'PLOVER event type',
  ploverMode: 'PLOVER mode',
  ploverContext: 'PLOVER contexts, `;`-separated',
  timePrecisionCode: 'Parley precision 2: exact 1, day 2, week 3, month 4, year 5',
  geoPrecisionCode: 'Parley geo precision 2 (ACLED geo_precision, country alone 4): exact 1, city 1, near 2, region 3, country 4',
  geoPrecision: 'The place’s grade (exact, near, region, country) when it has coordinates; else `city` when a city is named, `country` when only the country',
  latitude: 'WGS 84 decimal degrees, when the claim gives coordinates (see geoPrecision for what they stand for)',
  longitude: 'WGS 84 decimal degrees, when the claim gives coordinates',
  hostedBy: 'The actor that hosted it, when the claim says (distinct from its mediators)',
  earliest: 'The first day (or instant, for exact) the date can mean',
  latest: 'The last day (or instant, for exact) the date (or its range, to `occurredUntil`) can mean',
  occurredUntil: 'The latest the claim can have happened, as stated, when it gives a range',
  sources: 'Publishers with their originators in parentheses, `;`-separated: `Reuters (Qatar MFA); AP`',
  stance: 'Where the sources stand together: `asserted`, `denied` (every source denies it) or `disputed`',
  stances: 'The sources’ stances (`asserts`, `denies`), `;`-separated, each once',
  note: 'The analyst’s free-text note on the claim (at most 2,000 characters)',
  incidentId: 'The incident the claim reports (claims linked as one event share it); the claim’s own event id when linked to none',
  incidentSourceCount: 'The incident’s independent sources: distinct outlets asserting it, a syndicated copy counted as the wire it reprints',
};

const property = (column: string): SchemaObject => ({
  ...(INTEGER_COLUMNS.includes(column) ? { type: 'integer', nullable: true } : NUMBER_COLUMNS.includes(column) ? { type: 'number', nullable: true } : NULLABLE_STRING),
  ...(column === 'change' ? { type: 'string', nullable: false, enum: ['created', 'corrected', 'retracted'] } : {}),
  ...(DESCRIPTIONS[column] ? { description: DESCRIPTIONS[column] } : {}),
});

const COLUMNS = [...new Set([...DATASET_COLUMNS.claims, ...DATASET_COLUMNS.dyadic])];

/** One flat record of the dataset-style export: the columns asked for (`fields`), the keys always. */
export const DATASET_RECORD = schemaComponent('DatasetRecord', {
  type: 'object',
  properties: Object.fromEntries(COLUMNS.map((column) => [column, property(column)])),
  required: ['change', 'changePosition', 'eventId'],
  additionalProperties: false,
});

export const DATASET_PAGE = schemaComponent('DatasetPage', {
  type: 'object',
  properties: { items: arrayOf(DATASET_RECORD), nextCursor: { ...NULLABLE_STRING, description: 'Pass as `cursor` for the next page; null on the last' } },
  required: ['items', 'nextCursor'],
  additionalProperties: false,
});

export const DATASET_SCHEMAS = [DATASET_RECORD, DATASET_PAGE];
