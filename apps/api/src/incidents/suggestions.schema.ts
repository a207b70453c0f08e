import { TALKS_CLAIM_TYPES } from '@parley/domain';
import { arrayOf, record, schemaComponent } from '../openapi/schema-component';

const IDS = { type: 'array', items: { type: 'string' } } as const;

export const INCIDENT_SUGGESTION = schemaComponent('IncidentSuggestion', {
  ...record({
    talksId: { type: 'string', description: 'The track of `eventId`' },
    type: { type: 'string', enum: [...TALKS_CLAIM_TYPES] },
    eventId: { type: 'string', format: 'uuid', description: 'The earlier recorded claim' },
    sameAs: { type: 'string', format: 'uuid', description: 'The later one: POST it as `sameAs` to /v1/talks/{talksId}/claims/{eventId}/same-as to link them' },
    sameAsTalksId: { type: 'string', description: 'The track of `sameAs`: `talksId` for a pair of one track; else POST it too, as `sameAsTalksId`' },
    score: { type: 'number', minimum: 0, maximum: 1, description: 'Overlapping dates 0.25, plus up to 0.5 for the share of actors in common, plus 0.25 for a shared country' },
    sharedActors: IDS,
    sharedCountries: IDS,
  }),
  description: 'Two live claims of one type, not yet one incident, whose date ranges overlap: of one track, or of two that share an actor or a country',
  example: {
    talksId: 'us-russia-ukraine',
    type: 'PrisonerSwapped',
    eventId: '0b7f9c2e-5d1a-4c3e-9f6b-2a8d4e1c7b90',
    sameAs: '5b0d6a84-3c1e-4f4e-9d8e-2f7a1c9b0e11',
    sameAsTalksId: 'us-russia-ukraine',
    score: 1,
    sharedActors: ['rus', 'usa'],
    sharedCountries: ['RUS', 'USA'],
  },
});

export const INCIDENT_SUGGESTIONS = schemaComponent('IncidentSuggestions', record({ items: arrayOf(INCIDENT_SUGGESTION) }));

export const INCIDENT_SCHEMAS = [INCIDENT_SUGGESTION, INCIDENT_SUGGESTIONS];
