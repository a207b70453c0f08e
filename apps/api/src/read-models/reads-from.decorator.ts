import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { READS_FROM, ReadYourWritesInterceptor } from './read-your-writes.interceptor';

/** Marks a read served from these projections: it honours `minPosition` / `X-Min-Position`. */
export const ReadsFrom = (...projections: string[]) =>
  applyDecorators(
    SetMetadata(READS_FROM, projections),
    UseInterceptors(ReadYourWritesInterceptor),
    ApiHeader({ name: 'X-Min-Position', required: false, description: 'Same as the minPosition query parameter' }),
    ApiResponse({ status: 503, description: 'The read models did not reach minPosition in time (Retry-After)' }),
  );
