import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { CLAIM_STANCES } from '@parley/projections';
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
          {
            eventId: { type: 'string', format: 'uuid' },
            talksId: TEXT,
            occurredAt: CLAIM_DATE,
            occurredUntil: CLAIM_DATE,
            precision: TEXT,
            confidence: TEXT,
            stance: { type: 'string', enum: [...CLAIM_STANCES] },
            summary: TEXT,
            note: TEXT,
            counts: FREED,
          },
          ['occurredUntil', 'note', 'counts'],
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
  example: {
    id: '0b7f9c2e-5d1a-4c3e-9f6b-2a8d4e1c7b90',
    reports: [
      { eventId: '0b7f9c2e-5d1a-4c3e-9f6b-2a8d4e1c7b90', talksId: 'israel-hamas-hostages', occurredAt: '2025-01-19', precision: 'day', confidence: 'reported', stance: 'asserted', summary: 'Hamas released 3 hostages', counts: { hostagesFreed: { best: 3, low: 3, high: 3 } } },
      { eventId: '5b0d6a84-3c1e-4f4e-9d8e-2f7a1c9b0e11', talksId: 'israel-hamas-hostages', occurredAt: '2025-01-19T16:00:00Z', precision: 'exact', confidence: 'confirmed', stance: 'asserted', summary: 'Hamas released 3 (3–4) hostages', counts: { hostagesFreed: { best: 3, low: 3, high: 4 } } },
    ],
    sources: [
      { eventId: '0b7f9c2e-5d1a-4c3e-9f6b-2a8d4e1c7b90', publisher: 'Times of Israel', originator: 'IDF' },
      { eventId: '5b0d6a84-3c1e-4f4e-9d8e-2f7a1c9b0e11', publisher: 'Reuters' },
      { eventId: '5b0d6a84-3c1e-4f4e-9d8e-2f7a1c9b0e11', publisher: 'Daily Sabah', syndicatedFrom: 'Reuters' },
    ],
    independentSources: 2,
    reconciled: { occurredFrom: '2025-01-19T16:00:00.000Z', occurredUntil: '2025-01-19T16:00:00.000Z', hostagesFreed: { best: 3, low: 3, high: 4 } },
  },
  description:
    'Reports linked as one real-world event. Counts: the union range of the reports that state them, best from the most confident report. ' +
    'Dates: the intersection of the reports’ ranges, or, when they do not overlap, their span flagged `conflicting: ["dates"]`.',
});
