import { CODEBOOKS, Page, TimelineItem, sourcesCell, sourcesOf } from '@parley/projections';
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
] as const;

const csvRow = (item: TimelineItem): unknown[] => [
  item.eventId, item.talksId, item.type, item.occurredAt, item.precision, item.confidence, item.summary,
  item.actors.map(({ actorId, role }) => `${actorId}:${role}`).join(';'), item.countries.join(';'),
  item.cameo ?? '', CODEBOOKS.cameo, item.plover ?? '', CODEBOOKS.plover, sourcesCell(sourcesOf(item.data)),
  item.corrected, item.revision, item.position, item.recordedAt,
];

/**
 * Every page, one after another, as CSV (with a header) or JSON Lines: the whole filtered
 * timeline, streamed so that memory stays flat however long it is.
 */
export function timelineExport(format: ExportFormat, pageAfter: (cursor: string | undefined) => Page<TimelineItem>, first?: string): Readable {
  return Readable.from(
    (function* lines() {
      if (format === CSV) yield csvLines([[...COLUMNS]]);
      let cursor = first;
      do {
        const page = pageAfter(cursor);
        for (const item of page.items) {
          yield format === CSV ? csvLines([csvRow(item)]) : `${JSON.stringify({ ...item, codebooks: CODEBOOKS })}\n`;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    })(),
  );
}
