import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, DATE_TIME, POSITION, record, schemaComponent } from '../openapi/schema-component';

const eventProperties: Record<string, SchemaObject> = {
  id: { type: 'string', format: 'uuid' },
  type: { type: 'string', example: 'MeetingHeld' },
  revision: { type: 'integer', minimum: 0 },
  position: POSITION,
  recordedAt: DATE_TIME,
  data: { type: 'object', additionalProperties: true },
  metadata: {
    type: 'object',
    additionalProperties: true,
    description: '`commandId`, `correlationId`, `causationId`, `recordedBy`, `schemaVersion`',
  },
};

export const HISTORY_EVENT = schemaComponent('HistoryEvent', record(eventProperties));

export const HISTORY_PAGE = schemaComponent(
  'HistoryPage',
  record({
    streamId: { type: 'string', example: 'talks-us-russia-ukraine' },
    events: arrayOf(HISTORY_EVENT),
    nextRevision: { type: 'integer', minimum: 0, nullable: true, description: 'The next page’s fromRevision, or null on the last' },
  }),
);

/** An event of the global feed: a history event with the stream it belongs to. */
export const FEED_EVENT = schemaComponent('FeedEvent', record({ streamId: { type: 'string' }, ...eventProperties }));

export const EVENTS_PAGE = schemaComponent(
  'EventsPage',
  record({ events: arrayOf(FEED_EVENT), nextAfter: { ...POSITION, description: 'The `after` of the next page' } }),
);

export const HISTORY_SCHEMAS = [HISTORY_EVENT, HISTORY_PAGE, FEED_EVENT, EVENTS_PAGE];
