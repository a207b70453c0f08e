import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { CLOCK, Clock } from '../commands/clock';
import { Environment } from '../config/environment';
import { ApiProblem } from '../problem/problem';
import { ACCESS_RULE, AccessRule } from './access-rule.decorator';
import { ApiKeyStore } from './api-key.store';
import { bearerTokenIn, keyPresentedIn } from './bearer-key';
import { setPrincipal } from './principal';
import { grants } from './roles';

/** Every request: the route's rule, the caller's key (looked up each time, so revocation is immediate), its role. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly publicReads: boolean;
  private readonly metricsToken: Buffer | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    this.publicReads = config.get('PARLEY_PUBLIC_READS', { infer: true });
    const metricsToken = config.get('PARLEY_METRICS_TOKEN', { infer: true });
    this.metricsToken = metricsToken ? Buffer.from(metricsToken) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new ApiProblem(403, 'AUTH.FORBIDDEN', 'This route has no access rule, so it is open to no one');
    if (rule.public) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    if (header === undefined && rule.read && this.publicReads) return true;
    const bearer = bearerTokenIn(header);
    if (bearer !== undefined && rule.metricsToken && this.isMetricsToken(bearer)) return true;
    const key = keyPresentedIn(header, this.keys, this.clock());
    if (!grants(key.role, rule.role)) {
      throw new ApiProblem(403, 'AUTH.FORBIDDEN', `This needs the ${rule.role} role; key ${key.name} is ${key.role}`);
    }
    setPrincipal(request, { name: key.name, role: key.role });
    return true;
  }

  private isMetricsToken(given: string): boolean {
    const offered = Buffer.from(given);
    return this.metricsToken !== undefined && offered.length === this.metricsToken.length && timingSafeEqual(offered, this.metricsToken);
  }
}
