import { applyDecorators, HttpCode, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiHeader, ApiOperation } from '@nestjs/swagger';
import { ErrorCode } from '@parley/domain';
import { WriteThrottlerGuard } from '../access/write-throttler.guard';
import { JsonResponse } from './json-response.decorator';
import { COMMAND_RESULT } from './problem.schema';
import { ProblemResponses } from './problem-responses.decorator';

/** What any command can be refused for before or after its decider: the request itself, the store, the rate limit. */
const REQUEST_PROBLEMS = [
  'REQUEST.INVALID',
  'REQUEST.MALFORMED_JSON',
  'REQUEST.TOO_LARGE',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'PRECONDITION.FAILED',
  'CONCURRENCY.CONFLICT',
  'IDEMPOTENCY.KEY_REUSED',
  'RATE.LIMITED',
  'STORE.UNAVAILABLE',
  'APPEND.TOO_LARGE',
];

/** Every claim or transition under a track: the track must be open and not concluded, the claim dated, sourced and naming registered actors. */
export const TALKS_CLAIM_PROBLEMS: readonly ErrorCode[] = ['TALKS.NOT_OPENED', 'TALKS.CONCLUDED', 'ACTOR.UNKNOWN', 'PROVENANCE.NO_SOURCES', 'DATE.INVALID', 'DATE.IN_FUTURE', 'DATE.RANGE_REVERSED'];
/** What a claim that happens somewhere may be refused for: its coordinates and their grade. */
export const PLACE_PROBLEMS: readonly ErrorCode[] = ['PLACE.COORDINATES_OUT_OF_RANGE', 'PLACE.COORDINATES_WITHOUT_PRECISION', 'PLACE.PRECISION_WITHOUT_COORDINATES'];

export type CommandEndpointOptions = Readonly<{
  description?: string;
  /** The domain's codes this command's decider can answer with. */
  rejections: readonly ErrorCode[];
  /** Answers 200 instead of 201 when the command changes nothing. */
  noOp?: string;
}>;

/** The contract every write route shares: headers it honours, what it answers, which problems it can raise, its rate limit. */
export const CommandEndpoint = (summary: string, { description, rejections, noOp }: CommandEndpointOptions) =>
  applyDecorators(
    HttpCode(201),
    UseGuards(WriteThrottlerGuard),
    ApiOperation({ summary, description }),
    ApiConsumes('application/json'),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The stream revision (ETag) you decided on; a stale one answers 412',
      schema: { type: 'string', pattern: '^\\s*(\\*|(W/)?"\\d{1,15}"(\\s*,\\s*(W/)?"\\d{1,15}")*)\\s*$', example: '"3"' },
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Re-sending the same key and body repeats the first answer and records nothing',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Carried into the events’ metadata and the logs', schema: { type: 'string' } }),
    JsonResponse(201, 'Recorded; `ETag` is the stream revision. A replay of an Idempotency-Key answers the first answer again', COMMAND_RESULT.ref),
    ...(noOp ? [JsonResponse(200, noOp, COMMAND_RESULT.ref)] : []),
    ProblemResponses(...REQUEST_PROBLEMS, ...rejections),
  );
