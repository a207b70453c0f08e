import type { ProjectionState } from '@parley/projections';
import { DATE_TIME, POSITION, record, schemaComponent } from '../openapi/schema-component';

export const PROJECTION_STATUS = schemaComponent(
  'ProjectionStatus',
  record(
    {
      name: { type: 'string', example: 'talks' },
      version: { type: 'integer' },
      state: { type: 'string', enum: ['stopped', 'starting', 'catching_up', 'live', 'rebuilding', 'failed'] satisfies ProjectionState[] },
      checkpoint: POSITION,
      head: POSITION,
      lag: { ...POSITION, description: 'Events of $all not yet applied' },
      generation: { type: 'integer', minimum: 0 },
      skipped: { type: 'integer', minimum: 0 },
      lastError: { type: 'string' },
      rebuild: record({ position: POSITION, startedAt: DATE_TIME }),
    },
    ['lastError', 'rebuild'],
  ),
);
