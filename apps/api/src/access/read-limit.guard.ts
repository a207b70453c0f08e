import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Environment } from '../config/environment';
import { ApiProblem } from '../problem/problem';
import { principalOf } from './principal';

/**
 * Reads each API key may make per minute (per address for callers without a key, when reads
 * are public); past it, 429 with Retry-After. A read runs on the event loop, so one caller's
 * burst would otherwise slow every other caller. Fixed windows, O(1) a request, as for writes.
 */
@Injectable()
export class ReadLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;
  private readonly limit: number;

  constructor(config: ConfigService<Environment, true>) {
    this.limit = config.get('PARLEY_READ_LIMIT', { infer: true });
    this.limiter = new RateLimiterMemory({ points: this.limit, duration: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = principalOf(request)?.name ?? `address ${request.ip}`;
    const outcome = await this.limiter.consume(caller).catch((rejection: unknown) => {
      if (rejection instanceof RateLimiterRes) return rejection;
      throw rejection;
    });
    if (outcome.consumedPoints <= this.limit) return true;
    const seconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
    throw new ApiProblem(429, 'RATE.LIMITED', `This key made its ${this.limit} reads for the minute (PARLEY_READ_LIMIT); retry in ${seconds} s`, {
      headers: { 'retry-after': String(seconds) },
    });
  }
}
