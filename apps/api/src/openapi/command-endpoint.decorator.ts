import { applyDecorators, HttpCode, UseGuards } from '@nestjs/common';
import { WriteThrottlerGuard } from '../access/write-throttler.guard';
import { ApiConsumes, ApiExtraModels, ApiHeader, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { CommandResultSchema, ProblemSchema } from './problem.schema';

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemSchema) } } } });

/** The contract every write route shares: headers it honours, what it answers, which problems it can raise, its rate limit. */
export const CommandEndpoint = (summary: string, description?: string) =>
  applyDecorators(
    HttpCode(201),
    UseGuards(WriteThrottlerGuard),
    ApiOperation({ summary, description }),
    ApiConsumes('application/json'),
    ApiExtraModels(ProblemSchema),
    ApiHeader({ name: 'If-Match', required: false, description: 'The stream revision (ETag) you decided on; a stale one answers 412' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Re-sending the same key and body repeats the first answer and records nothing' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Carried into the events’ metadata and the logs' }),
    ApiResponse({ status: 201, type: CommandResultSchema, description: 'Recorded; `ETag` is the stream revision' }),
    problem(400, 'Invalid body, parameter or header'),
    problem(404, 'Unknown track, actor, ceasefire or claim'),
    problem(409, 'Duplicate, illegal state, or too many concurrent writes'),
    problem(412, 'If-Match names a stale revision'),
    problem(413, 'Body too large'),
    problem(415, 'Not application/json'),
    problem(422, 'A domain rule is broken, or an Idempotency-Key is reused with another body'),
    problem(429, 'Too many writes from this key; see Retry-After'),
  );
