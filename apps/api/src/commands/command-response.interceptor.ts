import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { isCommandOutcome } from './command-outcome';
import { entityTag } from './entity-tag';

/** Renders a command's outcome: its status, the stream revision as ETag, and whether it was replayed. */
@Injectable()
export class CommandResponseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (!isCommandOutcome(result)) return result;
        void reply.status(result.status).header('etag', entityTag(result.body.revision));
        if (result.replayed) void reply.header('idempotent-replayed', 'true');
        return result.body;
      }),
    );
  }
}
