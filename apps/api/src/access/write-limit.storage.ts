import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Counts writes per key in fixed windows, O(1) a request. The throttler's own storage keeps
 * every hit of the window and filters the list on each request: a key making thousands of
 * writes a minute paid for all of them on every write.
 */
export class WriteLimitStorage implements ThrottlerStorage {
  private readonly limiters = new Map<string, RateLimiterMemory>();

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const limiter = this.limiterFor(throttlerName, ttl, limit, blockDuration);
    const outcome = await limiter.consume(key).catch((rejection: unknown) => {
      if (rejection instanceof RateLimiterRes) return rejection;
      throw rejection;
    });
    const seconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
    const isBlocked = outcome.consumedPoints > limit;
    return { totalHits: outcome.consumedPoints, timeToExpire: seconds, isBlocked, timeToBlockExpire: isBlocked ? seconds : 0 };
  }

  private limiterFor(name: string, ttl: number, limit: number, blockDuration: number): RateLimiterMemory {
    const id = `${name}:${ttl}:${limit}:${blockDuration}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      // A blocked key waits out blockDuration (the throttler's default: the window itself).
      limiter = new RateLimiterMemory({ points: limit, duration: ttl / 1000, blockDuration: blockDuration / 1000 });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
