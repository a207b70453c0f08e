import { PRECISIONS, parseIsoDate, periodOf, rangeOf } from '@parley/domain';
import { ClaimType } from '../talks/claim-data';
import { hostOf, placeOf } from '../talks/claim-place';
import { isRecord, textOf } from '../talks/claim-data';
import { incidentColumnsOf } from '../talks/incidents';
import { ClaimChange } from './claim-change';
import { CODEBOOKS, CrosswalkSetting, Dyad, EventCode, claimCode, crosswalkClaimOf, dyadsOf } from './crosswalk';
import { sourcesCell, sourcesOf } from './source-cell';

/**
 * The rows of a dataset-style export, flat: every value a string, a number or null, so a CSV row
 * and a JSON Lines record are the same record. One row per claim (`claims`) or one per directed
 * pair of actors (`dyadic`); a retraction is a tombstone row that keeps only the keys.
 */

export type DatasetShape = 'claims' | 'dyadic';
export type DatasetValue = string | number | null;
export type DatasetRecord = Readonly<Record<string, DatasetValue>>;

/** What identifies a row, in every row whatever `fields` asks for: what applying a pull needs. */
export const KEY_COLUMNS: Readonly<Record<DatasetShape, readonly string[]>> = {
  claims: ['change', 'changePosition', 'eventId'],
  dyadic: ['change', 'changePosition', 'eventId', 'dyad'],
};

const TOMBSTONE_COLUMNS = ['version', 'talksId', 'type'];

const CODE_COLUMNS = ['cameo', 'plover', 'ploverMode', 'ploverContext', 'cameoCodebook', 'ploverCodebook'];
const DESCRIBED_COLUMNS = [
  'occurredAt', 'timePrecision', 'timePrecisionCode', 'earliest', 'latest', 'occurredUntil',
  'placeCountry', 'placeCity', 'geoPrecision', 'geoPrecisionCode', 'latitude', 'longitude', 'hostedBy',
  'confidence', 'stance', 'stances', 'sourceCount', 'publishers', 'originators', 'sources',
  'summary', 'note', 'position', 'revision', 'recordedAt',
  'incidentId', 'incidentSourceCount',
];

export const DATASET_COLUMNS: Readonly<Record<DatasetShape, readonly string[]>> = {
  claims: [...KEY_COLUMNS.claims, ...TOMBSTONE_COLUMNS, ...CODE_COLUMNS, 'actors', 'countries', ...DESCRIBED_COLUMNS],
  dyadic: [...KEY_COLUMNS.dyadic, ...TOMBSTONE_COLUMNS, 'sourceActor', 'sourceCountry', 'targetActor', 'targetCountry', ...CODE_COLUMNS, ...DESCRIBED_COLUMNS],
};

/** `Parley precision 2`: 1 is the most precise (docs/crosswalk.md); edition 2 put `week` between day and month. */
export const TIME_PRECISION_CODES: Readonly<Record<(typeof PRECISIONS)[number], number>> = { exact: 1, day: 2, week: 3, month: 4, year: 5 };
/**
 * `Parley geo precision 2`: ACLED's `geo_precision` 1–3, and 4 for the country alone (UCDP GED's
 * `where_prec` 6, a grade ACLED does not use). A place graded with coordinates keeps its grade; one
 * without is graded by what it names, as ACLED grades a report: a named town is 1 (`city`), a
 * country alone 4. (Edition 1 had city 1, country 2.)
 */
export const GEO_PRECISION_CODES = { exact: 1, city: 1, near: 2, region: 3, country: 4 } as const;

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The first and last day (or moment, when exact) a claim can have happened: its range, `occurredUntil` included; empty when undated. */
const datesOf = (occurredAt: string | null, precision: (typeof PRECISIONS)[number] | null, occurredUntil: string | null) => {
  const parsed = parseIsoDate(occurredAt, true);
  if (!parsed || precision === null) return { earliest: null, latest: null };
  const until = parseIsoDate(occurredUntil, true);
  const { earliest, latest } = rangeOf(parsed, precision, until);
  return precision === 'exact' ? { earliest: new Date(earliest).toISOString(), latest: new Date(latest).toISOString() } : { earliest: dayOf(earliest), latest: dayOf(latest) };
};

/** Where a claim took place (its place, a meeting's location, a visit's host country), how precisely, and who hosted. */
const placeColumns = (type: ClaimType, data: Readonly<Record<string, unknown>>) => {
  const place = placeOf(type, data);
  const geoPrecision = place === undefined ? undefined : (place.geoPrecision ?? (place.city !== undefined ? 'city' : 'country'));
  return {
    placeCountry: place?.country ?? null,
    placeCity: place?.city ?? null,
    geoPrecision: geoPrecision ?? null,
    geoPrecisionCode: geoPrecision === undefined ? null : GEO_PRECISION_CODES[geoPrecision],
    latitude: place?.coordinates?.lat ?? null,
    longitude: place?.coordinates?.lon ?? null,
    hostedBy: hostOf(data) ?? null,
  };
};

const codeColumns = (found: EventCode | null) => ({
  cameo: found?.cameo ?? null,
  plover: found?.plover ?? null,
  ploverMode: found?.mode ?? null,
  ploverContext: found?.contexts.length ? found.contexts.join(';') : null,
  cameoCodebook: CODEBOOKS.cameo,
  ploverCodebook: CODEBOOKS.plover,
});

const described = ({ item }: ClaimChange) => {
  const sources = sourcesOf(item.data);
  const stances = [...new Set(sources.flatMap((source) => source.stance ?? []))];
  return {
    occurredAt: item.occurredAt,
    timePrecision: item.precision,
    timePrecisionCode: item.precision === null ? null : (TIME_PRECISION_CODES[item.precision] ?? null),
    ...datesOf(item.occurredAt, item.precision, item.occurredUntil),
    occurredUntil: item.occurredUntil,
    ...placeColumns(item.type, item.data),
    confidence: item.confidence,
    stance: item.stance,
    stances: stances.length ? stances.join(';') : null,
    sourceCount: sources.length,
    publishers: sources.map((source) => source.publisher).join(';'),
    originators: [...new Set(sources.flatMap((source) => source.originator ?? []))].join(';'),
    sources: sourcesCell(sources),
    summary: item.summary,
    note: item.note,
    position: item.position,
    revision: item.revision,
    recordedAt: item.recordedAt,
    ...incidentColumnsOf(item),
  };
};

const keys = ({ item, change, changePosition }: ClaimChange) => ({
  change,
  changePosition,
  eventId: item.eventId,
  version: item.corrected,
  talksId: item.talksId,
  type: item.type,
});

/** The rows of one change in a shape. A tombstone is one row; a claim with no pair of actors has no dyadic row. */
export const datasetRecords = (shape: DatasetShape, change: ClaimChange, setting: CrosswalkSetting): DatasetRecord[] => {
  if (change.change === 'retracted') return [{ ...keys(change), ...(shape === 'dyadic' ? { dyad: null } : {}) }];
  const claim = crosswalkClaimOf(change.item.type, change.item.data);
  if (shape === 'claims') {
    const { item } = change;
    return [
      {
        ...keys(change),
        ...codeColumns(claimCode(claim, setting)),
        actors: item.actors.map(({ actorId, role }) => `${actorId}:${role}`).join(';'),
        countries: item.countries.join(';'),
        ...described(change),
      },
    ];
  }
  return dyadsOf(claim, setting).map((dyad: Dyad, index) => ({
    ...keys(change),
    dyad: index,
    sourceActor: dyad.source.actorId,
    sourceCountry: dyad.source.country,
    targetActor: dyad.target.actorId,
    targetCountry: dyad.target.country,
    ...codeColumns(dyad.code),
    ...described(change),
  }));
};

/** A record cut to the columns asked for (in the shape's order), its keys always kept. */
export const selectFields = (shape: DatasetShape, fields: readonly string[] | undefined) => {
  const wanted = fields === undefined ? DATASET_COLUMNS[shape] : DATASET_COLUMNS[shape].filter((column) => KEY_COLUMNS[shape].includes(column) || fields.includes(column));
  return {
    columns: wanted,
    pick: (record: DatasetRecord): DatasetRecord => Object.fromEntries(wanted.map((column) => [column, record[column] ?? null])),
  };
};
