import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { FastifyRequest } from 'fastify';
import { principalOf } from './principal';

/** Limits writes per API key (per address for the rare route without one). */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const fastifyRequest = request as unknown as FastifyRequest;
    return principalOf(fastifyRequest)?.name ?? fastifyRequest.ip;
  }
}
