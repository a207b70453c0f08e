import { arrayOf, POSITION, record, schemaComponent } from './schema-component';

const FIELD_ERROR = schemaComponent(
  'FieldError',
  record({
    field: { type: 'string', description: 'A dotted path, e.g. `provenance.sources[0].publisher`', example: 'participants' },
    message: { type: 'string', example: 'must contain at least 2 elements' },
  }),
);

/** RFC 9457 Problem Details as this API writes them (`application/problem+json`). */
export const PROBLEM = schemaComponent('Problem', {
  type: 'object',
  description: 'RFC 9457 Problem Details; `code` is stable and listed at GET /problems',
  properties: {
    type: { type: 'string', description: 'Resolves to a description of the code (GET /problems/{code})', example: '/problems/MEETING.TOO_FEW_PARTICIPANTS' },
    title: { type: 'string', example: 'Meeting: too few participants' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 422 },
    detail: { type: 'string', example: 'A meeting needs at least two distinct participants.' },
    instance: { type: 'string', description: 'The path that was asked for', example: '/v1/talks/us-russia-ukraine/meetings' },
    code: { type: 'string', description: 'Stable; see GET /problems', example: 'MEETING.TOO_FEW_PARTICIPANTS' },
    errors: arrayOf(FIELD_ERROR),
  },
  required: ['type', 'title', 'status', 'detail', 'code'],
});

export const PROBLEM_SCHEMA_REF = PROBLEM.ref;

const RECORDED_EVENT_REF = schemaComponent(
  'RecordedEventRef',
  record({ id: { type: 'string', format: 'uuid' }, type: { type: 'string', example: 'MeetingHeld' } }),
);

/** What every accepted command answers. */
export const COMMAND_RESULT = schemaComponent(
  'CommandResult',
  record({
    streamId: { type: 'string', example: 'talks-us-russia-ukraine' },
    revision: { type: 'integer', minimum: 0, example: 4, description: 'The stream revision after the command; also the ETag' },
    position: { ...POSITION, description: 'Global position of the last event, for read-your-writes (minPosition)' },
    events: arrayOf(RECORDED_EVENT_REF),
  }),
);

/** GET /problems and GET /problems/{code}: what a problem's `type` resolves to. */
export const CATALOGUE_ENTRY = schemaComponent(
  'ProblemCode',
  record({
    code: { type: 'string', example: 'MEETING.TOO_FEW_PARTICIPANTS' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 422 },
    title: { type: 'string' },
    meaning: { type: 'string' },
  }),
);

export const PROBLEM_SCHEMAS = [FIELD_ERROR, PROBLEM, RECORDED_EVENT_REF, COMMAND_RESULT, CATALOGUE_ENTRY];
