import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { POSITION } from '../openapi/schema-component';
import { READS_FROM, ReadYourWritesInterceptor } from './read-your-writes.interceptor';

/** Marks a read served from these projections: it honours `minPosition` / `X-Min-Position`. */
export const ReadsFrom = (...projections: string[]) =>
  applyDecorators(
    SetMetadata(READS_FROM, projections),
    UseInterceptors(ReadYourWritesInterceptor),
    ApiHeader({ name: 'X-Min-Position', required: false, description: 'Same as the minPosition query parameter', schema: POSITION }),
    ProblemResponses('REQUEST.INVALID', 'READ_MODEL.BEHIND'),
  );
