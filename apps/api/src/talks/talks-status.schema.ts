import type { SchemaObject } from '@nestjs/swagger';
import { GEO_PRECISIONS, PRECISIONS } from '@parley/domain';
import { arrayOf, CLAIM_DATE, COUNT, nullableRef, POSITION, record, schemaComponent } from '../openapi/schema-component';
import { CEASEFIRE_STATUSES, LIFECYCLES } from './talks-query.dto';

const IDS: SchemaObject = { type: 'array', items: { type: 'string' } };
const PRECISION: SchemaObject = { type: 'string', enum: [...PRECISIONS] };

const RANGE = schemaComponent('Range', {
  ...record({ best: COUNT, low: COUNT, high: COUNT }),
  description: 'A count as sources give it: best estimate, low and high',
});

/** Where a claim happened: what a meeting's location and a ceasefire's place read as. */
const PLACE = schemaComponent(
  'ClaimPlace',
  record(
    {
      country: { type: 'string' },
      city: { type: 'string' },
      coordinates: record({ lat: { type: 'number' }, lon: { type: 'number' } }),
      geoPrecision: { type: 'string', enum: [...GEO_PRECISIONS] },
    },
    ['country', 'city', 'coordinates', 'geoPrecision'],
  ),
);

const HOSTED_BY: SchemaObject = { type: 'string', description: 'The actor that hosted it, when the claim says (distinct from the mediators)' };

const PENDING_MEETING = schemaComponent(
  'PendingMeeting',
  record({
    meetingId: { type: 'string' },
    eventId: { type: 'string', format: 'uuid' },
    expectedAt: CLAIM_DATE,
    participants: IDS,
    location: PLACE.ref,
    hostedBy: HOSTED_BY,
  }, ['hostedBy']),
);

const CEASEFIRE_RECORD = schemaComponent(
  'CeasefireRecord',
  record(
    {
      ceasefireId: { type: 'string' },
      eventId: { type: 'string', format: 'uuid' },
      brokeredAt: CLAIM_DATE,
      precision: PRECISION,
      effectiveFrom: CLAIM_DATE,
      endsAt: CLAIM_DATE,
      parties: IDS,
      mediators: IDS,
      violations: arrayOf(
        record(
          { eventId: { type: 'string', format: 'uuid' }, at: CLAIM_DATE, precision: PRECISION, allegedBy: { type: 'string' }, against: { type: 'string' } },
          ['allegedBy', 'against'],
        ),
      ),
      extensions: {
        ...arrayOf(
          record(
            {
              eventId: { type: 'string', format: 'uuid' },
              at: CLAIM_DATE,
              precision: PRECISION,
              endsAt: CLAIM_DATE,
              terms: record({ summary: { type: 'string' }, hostagesToRelease: RANGE.ref, prisonersToRelease: RANGE.ref }, ['summary', 'hostagesToRelease', 'prisonersToRelease']),
            },
            ['terms'],
          ),
        ),
        description: 'Each extension in the order of their dates: from `at` on, its `endsAt` is the end in force',
      },
      ended: record({ eventId: { type: 'string', format: 'uuid' }, at: CLAIM_DATE, precision: PRECISION, reason: { type: 'string' } }),
      place: PLACE.ref,
      hostedBy: HOSTED_BY,
    },
    ['endsAt', 'ended', 'place', 'hostedBy'],
  ),
);

const CEASEFIRE_NOW = schemaComponent('CeasefireNow', {
  ...record(
    {
      status: { type: 'string', enum: [...CEASEFIRE_STATUSES] },
      ceasefireId: { type: 'string' },
      brokeredAt: CLAIM_DATE,
      effectiveFrom: CLAIM_DATE,
      endsAt: { ...CLAIM_DATE, description: 'The end in force on the date: the latest extension’s agreed by then, else the end first agreed' },
      parties: IDS,
      mediators: IDS,
      place: PLACE.ref,
      hostedBy: HOSTED_BY,
      violations: { ...COUNT, description: 'Violations reported as of the date' },
      extended: {
        ...record({ count: COUNT, lastAt: CLAIM_DATE, originalEndsAt: CLAIM_DATE }, ['originalEndsAt']),
        description: 'Present once an extension was agreed by the date: how many, the latest one’s date, the end first agreed',
      },
      ended: record({ at: CLAIM_DATE, reason: { type: 'string' } }),
    },
    ['ceasefireId', 'brokeredAt', 'effectiveFrom', 'endsAt', 'parties', 'mediators', 'place', 'hostedBy', 'violations', 'extended', 'ended'],
  ),
  description: 'The latest ceasefire brokered by the date, as it stands on that date; only `status` when there is none',
});

/** GET /v1/talks/{id}, each item of GET /v1/talks, and the `status` events of the talks subscription. */
export const TALKS_STATUS = schemaComponent(
  'TalksStatus',
  record(
    {
      talksId: { type: 'string', example: 'us-russia-ukraine' },
      title: { type: 'string' },
      subject: { type: 'string' },
      parties: IDS,
      mediators: IDS,
      openedAt: { ...CLAIM_DATE, description: 'When the track opened; absent when it was opened undated' },
      lifecycle: {
        type: 'string',
        enum: [...LIFECYCLES],
        description: '`open` until a substantive claim (visit, held meeting, swap, ceasefire, release) makes it `active`; `stalled` until resumed; `concluded` is final',
      },
      concluded: record({ outcome: { type: 'string' }, summary: { type: 'string' }, at: CLAIM_DATE }),
      counts: record({ meetings: COUNT, visits: COUNT, swaps: COUNT, hostagesFreed: RANGE.ref, prisonersFreed: RANGE.ref }),
      lastActivityAt: { ...CLAIM_DATE, description: 'The latest date of any live claim; absent while no claim is dated' },
      scheduledMeetings: { ...arrayOf(PENDING_MEETING), description: 'Scheduled meetings not (yet) held, in the order they were scheduled' },
      ceasefires: arrayOf(CEASEFIRE_RECORD),
      revision: { type: 'integer', minimum: 0, description: 'The stream revision of the last event applied' },
      position: POSITION,
      ceasefire: CEASEFIRE_NOW.ref,
      nextMeeting: { ...nullableRef(PENDING_MEETING), description: 'The earliest scheduled meeting still to come, or null' },
    },
    ['concluded', 'openedAt', 'lastActivityAt'],
  ),
);

export const TALKS_STATUS_SCHEMAS = [RANGE, PLACE, PENDING_MEETING, CEASEFIRE_RECORD, CEASEFIRE_NOW, TALKS_STATUS];
