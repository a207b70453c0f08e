import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { arrayOf, CLAIM_DATE, COUNT, DATE_TIME, record, schemaComponent } from '../openapi/schema-component';

const RANGE: ReferenceObject = { $ref: '#/components/schemas/Range' };
const FREED = record({ hostagesFreed: RANGE, prisonersFreed: RANGE }, ['hostagesFreed', 'prisonersFreed']);
const TEXT: SchemaObject = { type: 'string' };

/** The incident linked claims form, as each of them carries it on the timeline. */
export const INCIDENT = schemaComponent('Incident', {
  ...record(
    {
      id: { type: 'string', format: 'uuid', description: 'The event id of its first recorded live report' },
      reports: arrayOf(
        record(
          { eventId: { type: 'string', format: 'uuid' }, talksId: TEXT, occurredAt: CLAIM_DATE, occurredUntil: CLAIM_DATE, precision: TEXT, confidence: TEXT, counts: FREED },
          ['occurredUntil', 'counts'],
        ),
      ),
      sources: arrayOf(
        record(
          { eventId: { type: 'string', format: 'uuid' }, publisher: TEXT, originator: TEXT, stance: TEXT, syndicatedFrom: TEXT },
          ['originator', 'stance', 'syndicatedFrom'],
        ),
      ),
      independentSources: { ...COUNT, description: 'Distinct outlets asserting it; a syndicated copy counts as the wire it reprints' },
      reconciled: record({ occurredFrom: DATE_TIME, occurredUntil: DATE_TIME, hostagesFreed: RANGE, prisonersFreed: RANGE }, [
        'occurredFrom',
        'occurredUntil',
        'hostagesFreed',
        'prisonersFreed',
      ]),
      conflicting: { type: 'array', items: { type: 'string', enum: ['dates', 'counts'] }, description: 'Where the reports disagree with no common value' },
    },
    ['conflicting'],
  ),
  description:
    'Reports linked as one real-world event. Counts: the union range of the reports that state them, best from the most confident report. ' +
    'Dates: the intersection of the reports’ ranges, or, when they do not overlap, their span flagged `conflicting: ["dates"]`.',
});
