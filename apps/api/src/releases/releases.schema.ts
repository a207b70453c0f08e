import { arrayOf, CLAIM_DATE, NULLABLE_STRING, record, schemaComponent } from '../openapi/schema-component';
import { incidentReference } from '../incidents/incident-reference.schema';
import { RELEASE_KINDS } from './releases-query.dto';

export const RELEASE_ITEM = schemaComponent('ReleaseItem', {
  ...record(
    {
      eventId: { type: 'string', format: 'uuid' },
      idx: { type: 'integer', minimum: 0, description: 'The person’s place in the claim’s list' },
      talksId: { type: 'string' },
      kind: { type: 'string', enum: [...RELEASE_KINDS] },
      person: NULLABLE_STRING,
      nationality: NULLABLE_STRING,
      releasedBy: NULLABLE_STRING,
      releasedTo: { ...NULLABLE_STRING, description: 'The actor a swap handed the person to, when reports say; null for a hostage' },
      occurredAt: CLAIM_DATE,
      occurredUntil: { ...NULLABLE_STRING, description: 'The latest the release can have happened, when its claim states a range' },
      detainedSince: NULLABLE_STRING,
      sentence: NULLABLE_STRING,
      incident: incidentReference('The incident’s reports that name the person, first recorded first: the entry is the first one’s row'),
    },
    ['incident'],
  ),
  description: 'One person freed, once per incident: reports linked as one event that name the same person are one entry',
  example: {
    eventId: '0b7f9c2e-5d1a-4c3e-9f6b-2a8d4e1c7b90',
    idx: 0,
    talksId: 'us-russia-ukraine',
    kind: 'prisoner',
    person: 'Marc Fogel',
    nationality: 'USA',
    releasedBy: 'rus',
    releasedTo: 'usa',
    occurredAt: '2025-02-11',
    occurredUntil: null,
    detainedSince: '2021-08',
    sentence: '14 years',
    incident: { id: '0b7f9c2e-5d1a-4c3e-9f6b-2a8d4e1c7b90', reports: ['0b7f9c2e-5d1a-4c3e-9f6b-2a8d4e1c7b90', '5b0d6a84-3c1e-4f4e-9d8e-2f7a1c9b0e11'] },
  },
});

export const RELEASES_PAGE = schemaComponent('ReleasesPage', record({ items: arrayOf(RELEASE_ITEM), nextCursor: NULLABLE_STRING }));

export const RELEASES_SCHEMAS = [RELEASE_ITEM, RELEASES_PAGE];
