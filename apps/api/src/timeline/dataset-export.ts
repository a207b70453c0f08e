import {
  ClaimChange, DatasetRecord, DatasetShape, Page, ProjectionContext, TimelineFilters, changesPage, datasetRecords, exportSettings, selectFields,
  timelineAt, versionPositions,
} from '@parley/projections';
import { Readable } from 'node:stream';
import { timeTravelOf } from '../read-models/time-travel-query.dto';
import { ApiProblem } from '../problem/problem';
import { ExportFormat, pagedExport } from './timeline-export';
import { DatasetQueryDto } from './dataset-query.dto';

/**
 * The dataset-style export: flat records, the same in CSV and JSON Lines, one per claim or per
 * dyad, optionally only what changed since a position. The pages it reads are pages of changes;
 * each becomes one or more records.
 */

export const isDatasetQuery = (query: DatasetQueryDto): boolean => query.shape !== undefined || query.fields !== undefined || query.changedSince !== undefined;

/** Filters a correction can move a claim out of: a pull with them could not keep a copy exact. */
const NOT_WITH_CHANGES = ['actor', 'country', 'placeCountry', 'from', 'to', 'minConfidence', 'asOf', 'knownAt', 'incidents'] as const;

type ChangePages = (cursor: string | undefined) => Page<ClaimChange>;

const fullExport = (talks: ProjectionContext, query: DatasetQueryDto, filters: Omit<TimelineFilters, 'after'>): ChangePages => {
  const { asOf, knownAt } = timeTravelOf(query);
  return (cursor) => {
    const page = timelineAt(talks, { ...filters, after: cursor }, { asOf, knownAt });
    const positions = versionPositions(talks, page.items, knownAt);
    const items = page.items.map((item): ClaimChange => ({ item, change: item.corrected > 0 ? 'corrected' : 'created', changePosition: positions.get(item.eventId) ?? item.position }));
    return { items, nextCursor: page.nextCursor };
  };
};

const changesSince = (talks: ProjectionContext, query: DatasetQueryDto, filters: Omit<TimelineFilters, 'after'>): ChangePages => {
  const refused = NOT_WITH_CHANGES.filter((name) => query[name] !== undefined);
  if (refused.length) {
    throw new ApiProblem(400, 'REQUEST.INVALID', `changedSince combines with talksId and type only, not ${refused.join(', ')}`, {
      errors: refused.map((field) => ({ field, message: 'cannot be combined with changedSince: a correction could move a claim out of it unseen' })),
    });
  }
  const changedSince = BigInt(query.changedSince!);
  return (cursor) => changesPage(talks, { changedSince, talksId: filters.talksId, types: filters.types, after: cursor, limit: filters.limit });
};

export type DatasetAnswer = Readonly<{ columns: readonly string[]; pageAfter: (cursor: string | undefined) => Page<DatasetRecord> }>;

/** The records a dataset query answers, page by page, cut to the columns asked for. */
export function datasetPages(talks: ProjectionContext, actors: ProjectionContext, query: DatasetQueryDto, filters: Omit<TimelineFilters, 'after'>): DatasetAnswer {
  const shape: DatasetShape = query.shape ?? 'claims';
  const { columns, pick } = selectFields(shape, query.fields);
  const changes = query.changedSince === undefined ? fullExport(talks, query, filters) : changesSince(talks, query, filters);
  const settingFor = exportSettings(talks, actors);
  return {
    columns,
    pageAfter: (cursor) => {
      const page = changes(cursor);
      return { items: page.items.flatMap((change) => datasetRecords(shape, change, settingFor(change.item.talksId)).map(pick)), nextCursor: page.nextCursor };
    },
  };
}

/** Every page as CSV (a header, then a row a record; null is an empty cell) or JSON Lines. */
export const datasetExport = (format: ExportFormat, { columns, pageAfter }: DatasetAnswer, first?: string): Readable =>
  pagedExport(format, { header: columns, csvRow: (record) => columns.map((column) => record[column] ?? ''), jsonLine: (record) => record }, pageAfter, first);
