import type { SchemaObject } from '@nestjs/swagger';
import { ACTOR_KINDS, PRECISIONS, TALKS_CLAIM_TYPES } from '@parley/domain';
import { incidentReference } from '../incidents/incident-reference.schema';
import { arrayOf, CLAIM_DATE, COUNT, DATE_TIME, NULLABLE_STRING, record, schemaComponent } from '../openapi/schema-component';

const IDS: SchemaObject = { type: 'array', items: { type: 'string' } };

const UNTIL: SchemaObject = { ...NULLABLE_STRING, description: 'The latest it can have happened, when its claim states a range' };
const ENTRY_INCIDENT = incidentReference('The incident’s reports that name the actor so: the entry is the first of them in date order');

const ROLE_DATE = record({ at: CLAIM_DATE, precision: { type: 'string', enum: [...PRECISIONS] } });

/** A title and principal held together, from one date until the next role's. */
export const ACTOR_ROLE = schemaComponent(
  'ActorRole',
  record(
    {
      title: { type: 'string' },
      represents: { type: 'string' },
      validFrom: { ...ROLE_DATE, description: 'Left out: held since before any record' },
      validUntil: { ...ROLE_DATE, description: 'The next role’s validFrom; left out: held still' },
    },
    ['title', 'represents', 'validFrom', 'validUntil'],
  ),
);

/** GET /v1/actors/{id}: the profile as its events add up to. */
export const ACTOR = schemaComponent(
  'Actor',
  record(
    {
      actorId: { type: 'string', example: 'steve-witkoff' },
      name: { type: 'string', example: 'Steve Witkoff' },
      kind: { type: 'string', enum: [...ACTOR_KINDS] },
      country: { type: 'string', example: 'USA' },
      title: { type: 'string' },
      represents: { type: 'string', example: 'donald-trump' },
      aliases: IDS,
      roles: { ...arrayOf(ACTOR_ROLE), description: 'Every role it held, oldest first; the last is `title` and `represents` now' },
      registeredAt: DATE_TIME,
      updatedAt: DATE_TIME,
    },
    ['country', 'title', 'represents'],
  ),
);

export const ACTORS_PAGE = schemaComponent('ActorsPage', record({ items: arrayOf(ACTOR), nextCursor: NULLABLE_STRING }));

export const ACTOR_ACTIVITY = schemaComponent(
  'ActorActivity',
  record({
    actorId: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: [...ACTOR_KINDS] },
    title: { ...NULLABLE_STRING, description: 'As held now, or on `asOf`' },
    represents: { ...NULLABLE_STRING, description: 'As held now, or on `asOf`' },
    visits: record({
      count: { ...COUNT, description: 'Envoy visits, each incident (reports linked as one) once' },
      list: arrayOf(
        record(
          { eventId: { type: 'string', format: 'uuid' }, talksId: { type: 'string' }, country: NULLABLE_STRING, city: NULLABLE_STRING, occurredAt: CLAIM_DATE, occurredUntil: UNTIL, incident: ENTRY_INCIDENT },
          ['incident'],
        ),
      ),
    }),
    meetings: { ...COUNT, description: 'Held meetings it took part in, each incident (reports linked as one) once' },
    counterparts: { ...arrayOf(record({ actorId: { type: 'string' }, meetings: COUNT })), description: 'Whom it met, most meetings (incidents) first' },
    countries: IDS,
    dealsMediated: {
      ...arrayOf(
        record(
          { eventId: { type: 'string', format: 'uuid' }, talksId: { type: 'string' }, type: { type: 'string', enum: [...TALKS_CLAIM_TYPES] }, occurredAt: CLAIM_DATE, occurredUntil: UNTIL, incident: ENTRY_INCIDENT },
          ['incident'],
        ),
      ),
      description: 'Swaps and ceasefires it mediated, one per incident, in date order',
    },
    tracks: IDS,
  }),
);

export const ACTOR_SCHEMAS = [ACTOR_ROLE, ACTOR, ACTORS_PAGE, ACTOR_ACTIVITY];
