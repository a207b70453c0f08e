import type { SchemaObject } from '@nestjs/swagger';
import { CONFIDENCES, PRECISIONS, TALKS_CLAIM_TYPES } from '@parley/domain';
import { CLAIM_STANCES, CODEBOOKS } from '@parley/projections';
import { INCIDENT } from '../incidents/incident.schema';
import { arrayOf, CLAIM_DATE, COUNT, DATE_TIME, NULLABLE_STRING, POSITION, record, schemaComponent } from '../openapi/schema-component';

const properties: Record<string, SchemaObject> = {
  eventId: { type: 'string', format: 'uuid' },
  talksId: { type: 'string' },
  type: { type: 'string', enum: [...TALKS_CLAIM_TYPES] },
  occurredAt: { ...CLAIM_DATE, nullable: true, description: 'The earliest the claim can have happened; null only for an undated opening' },
  occurredUntil: { ...CLAIM_DATE, nullable: true, description: 'The latest it can have happened, when the claim states a range (`occurredAt`–`occurredUntil`)' },
  precision: { type: 'string', enum: [...PRECISIONS], nullable: true },
  confidence: { type: 'string', enum: [...CONFIDENCES], nullable: true, description: 'Null only for an unsourced opening' },
  stance: { type: 'string', enum: [...CLAIM_STANCES], description: '`asserted` (no source denies it), `denied` (every source does: it adds nothing to counts), `disputed`' },
  summary: { type: 'string' },
  note: { ...NULLABLE_STRING, description: 'The analyst’s note on the claim, or null' },
  actors: arrayOf(record({ actorId: { type: 'string' }, role: { type: 'string', example: 'envoy' } })),
  countries: { type: 'array', items: { type: 'string' } },
  cameo: { ...NULLABLE_STRING, description: 'CAMEO event code, or null when none fits' },
  plover: { ...NULLABLE_STRING, description: 'PLOVER event type, or null when none fits' },
  sources: { type: 'array', items: { type: 'string' }, description: 'The publishers of the claim’s sources' },
  data: { type: 'object', additionalProperties: true, description: 'The claim’s data with every correction merged in' },
  corrected: { ...COUNT, description: 'How many corrections were merged into `data`' },
  revision: { type: 'integer', minimum: 0 },
  position: POSITION,
  recordedAt: DATE_TIME,
};

/** One live claim of the timeline; a claim linked to other reports carries the incident they form. */
export const TIMELINE_ITEM = schemaComponent('TimelineItem', record({ ...properties, incident: INCIDENT.ref }, ['incident']));

export const TIMELINE_PAGE = schemaComponent(
  'TimelinePage',
  record({ items: arrayOf(TIMELINE_ITEM), nextCursor: { ...NULLABLE_STRING, description: 'Pass as `cursor` for the next page; null on the last' } }),
);

/** One line of the JSON Lines export: the claim, and the codebook versions its codes are pinned to. */
export const TIMELINE_EXPORT_LINE = schemaComponent(
  'TimelineExportLine',
  record({
    ...properties,
    incident: INCIDENT.ref,
    incidentId: { type: 'string', format: 'uuid', description: 'The incident the claim belongs to; its own event id when linked to no other report' },
    incidentSourceCount: { ...COUNT, description: 'The independent sources of that incident' },
    codebooks: record({ cameo: { type: 'string', enum: [CODEBOOKS.cameo] }, plover: { type: 'string', enum: [CODEBOOKS.plover] } }),
  }, ['incident']),
);

export const TIMELINE_SCHEMAS = [INCIDENT, TIMELINE_ITEM, TIMELINE_PAGE, TIMELINE_EXPORT_LINE];
