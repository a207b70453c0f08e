import { CODEBOOKS, Page, TimelineItem, incidentColumnsOf, sourcesCell, sourcesOf } from '@parley/projections';
import { Readable } from 'node:stream';
import { csvLines } from '../exports/spreadsheet-safe-csv';

export const CSV = 'text/csv';
export const NDJSON = 'application/x-ndjson';

export type ExportFormat = typeof CSV | typeof NDJSON;

/** The export the Accept header asks for, if any (JSON pages otherwise). */
export function exportFormatOf(accept: string | undefined): ExportFormat | undefined {
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  return types.includes(CSV) ? CSV : types.includes(NDJSON) ? NDJSON : undefined;
}

const COLUMNS = [
  'eventId', 'talksId', 'type', 'occurredAt', 'precision', 'confidence', 'summary', 'actors', 'countries',
  'cameo', 'cameoCodebook', 'plover', 'ploverCodebook', 'sources', 'corrected', 'revision', 'position', 'recordedAt',
  // v2, after the v1 columns so a reader by position keeps working.
  'stance', 'note',
  'incidentId', 'incidentSourceCount',
  'occurredUntil',
] as const;

const csvRow = (item: TimelineItem): unknown[] => [
  item.eventId, item.talksId, item.type, item.occurredAt, item.precision, item.confidence, item.summary,
  item.actors.map(({ actorId, role }) => `${actorId}:${role}`).join(';'), item.countries.join(';'),
  item.cameo ?? '', CODEBOOKS.cameo, item.plover ?? '', CODEBOOKS.plover, sourcesCell(sourcesOf(item.data)),
  item.corrected, item.revision, item.position, item.recordedAt,
  item.stance, item.note ?? '',
  ...Object.values(incidentColumnsOf(item)),
  item.occurredUntil ?? '',
];

/** How one export writes its items: a CSV header and row, and a JSON Lines object. */
export type ExportLines<T> = Readonly<{ header: readonly string[]; csvRow: (item: T) => unknown[]; jsonLine: (item: T) => unknown }>;

/**
 * Every page, one after another, as CSV (with a header) or JSON Lines: the whole filtered
 * answer, streamed so that memory stays flat however long it is.
 */
export function pagedExport<T>(format: ExportFormat, lines: ExportLines<T>, pageAfter: (cursor: string | undefined) => Page<T>, first?: string): Readable {
  return Readable.from(
    (function* exported() {
      if (format === CSV) yield csvLines([[...lines.header]]);
      let cursor = first;
      do {
        const page = pageAfter(cursor);
        for (const item of page.items) yield format === CSV ? csvLines([lines.csvRow(item)]) : `${JSON.stringify(lines.jsonLine(item))}\n`;
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    })(),
  );
}

/** The timeline as it reads: one row per claim, with the codebooks its codes come from. */
export const timelineExport = (format: ExportFormat, pageAfter: (cursor: string | undefined) => Page<TimelineItem>, first?: string): Readable =>
  pagedExport(format, { header: COLUMNS, csvRow, jsonLine: (item) => ({ ...item, ...incidentColumnsOf(item), codebooks: CODEBOOKS }) }, pageAfter, first);
