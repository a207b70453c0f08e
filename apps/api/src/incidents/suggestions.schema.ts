import { TALKS_CLAIM_TYPES } from '@parley/domain';
import { arrayOf, record, schemaComponent } from '../openapi/schema-component';

const IDS = { type: 'array', items: { type: 'string' } } as const;

export const INCIDENT_SUGGESTION = schemaComponent('IncidentSuggestion', {
  ...record({
    talksId: { type: 'string' },
    type: { type: 'string', enum: [...TALKS_CLAIM_TYPES] },
    eventId: { type: 'string', format: 'uuid', description: 'The earlier recorded claim' },
    sameAs: { type: 'string', format: 'uuid', description: 'The later one: POST it as `sameAs` to …/claims/{eventId}/same-as to link them' },
    score: { type: 'number', minimum: 0, maximum: 1, description: 'Overlapping dates 0.25, plus up to 0.5 for the share of actors in common, plus 0.25 for a shared country' },
    sharedActors: IDS,
    sharedCountries: IDS,
  }),
  description: 'Two live claims of one track and type, not yet one incident, whose date ranges overlap',
});

export const INCIDENT_SUGGESTIONS = schemaComponent('IncidentSuggestions', record({ items: arrayOf(INCIDENT_SUGGESTION) }));

export const INCIDENT_SCHEMAS = [INCIDENT_SUGGESTION, INCIDENT_SUGGESTIONS];
