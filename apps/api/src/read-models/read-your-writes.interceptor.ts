import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { ApiProblem } from '../problem/problem';
import { isPosition, positionMessage } from './query-params';
import { ReadModels } from './read-models.service';

/** Metadata key: the projections a read is served from (set by `@ReadsFrom`). */
export const READS_FROM = 'parley:reads-from';


/** Holds a read until its projections include `minPosition`, or answers 503 after a bounded wait. */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly readModels: ReadModels,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const projections = this.reflector.get<string[]>(READS_FROM, context.getHandler()) ?? [];
    const minPosition = minPositionOf(context.switchToHttp().getRequest<FastifyRequest>());
    if (minPosition === undefined) return next.handle();
    return from(this.readModels.awaitPosition(minPosition, projections)).pipe(switchMap(() => next.handle()));
  }
}

function minPositionOf(request: FastifyRequest): bigint | undefined {
  const query = (request.query as Record<string, unknown> | undefined)?.minPosition;
  const header = request.headers['x-min-position'];
  const value = typeof query === 'string' ? query : typeof header === 'string' ? header : undefined;
  if (value === undefined) return undefined;
  if (!isPosition(value)) {
    const field = typeof query === 'string' ? 'minPosition' : 'X-Min-Position';
    throw new ApiProblem(400, 'REQUEST.INVALID', positionMessage(field), { errors: [{ field, message: positionMessage(field) }] });
  }
  return BigInt(value);
}
