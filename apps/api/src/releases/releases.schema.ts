import { arrayOf, CLAIM_DATE, NULLABLE_STRING, record, schemaComponent } from '../openapi/schema-component';
import { incidentReference } from '../incidents/incident-reference.schema';
import { RELEASE_KINDS } from './releases-query.dto';

export const RELEASE_ITEM = schemaComponent(
  'ReleaseItem',
  record({
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
  }, ['incident']),
);

export const RELEASES_PAGE = schemaComponent('ReleasesPage', record({ items: arrayOf(RELEASE_ITEM), nextCursor: NULLABLE_STRING }));

export const RELEASES_SCHEMAS = [RELEASE_ITEM, RELEASES_PAGE];
