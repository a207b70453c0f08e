import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { ReadLimitGuard } from './read-limit.guard';
import { Role } from './roles';

export const ACCESS_RULE = 'parley:access-rule';

/**
 * Who may call a route. Every route states one; a route without a rule is refused to all,
 * and the access matrix test fails on it.
 */
export type AccessRule = Readonly<{ public: true }> | Readonly<{ public: false; role: Role; read: boolean; metricsToken?: true }>;

const KEY_PROBLEMS = ['AUTH.REQUIRED', 'AUTH.INVALID_KEY'];

/** Needs a key of at least this role. */
export const Requires = (role: Role) =>
  applyDecorators(SetMetadata(ACCESS_RULE, { public: false, role, read: false } satisfies AccessRule),
    ApiBearerAuth(),
    ProblemResponses(...KEY_PROBLEMS, 'AUTH.FORBIDDEN'),
  );

/** A read: a viewer key, or no key at all when PARLEY_PUBLIC_READS is on; at most PARLEY_READ_LIMIT a minute per key. */
export const Reads = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { public: false, role: 'viewer', read: true } satisfies AccessRule),
    ApiBearerAuth(),
    UseGuards(ReadLimitGuard),
    // Every key is at least a viewer: a read refuses only a missing or unknown key, or one past its limit.
    ProblemResponses(...KEY_PROBLEMS, 'RATE.LIMITED'),
  );

/**
 * A live subscription: read access as for `Reads`, bounded by the streams a key may hold open
 * (PARLEY_SSE_MAX_STREAMS_PER_KEY) rather than by the read limit, so a reconnecting client is never locked out.
 */
export const Subscribes = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { public: false, role: 'viewer', read: true } satisfies AccessRule),
    ApiBearerAuth(),
    ProblemResponses(...KEY_PROBLEMS, 'RATE.LIMITED'),
  );

/** For a scraper: an admin key, or the PARLEY_METRICS_TOKEN when one is set. */
export const RequiresAdminOrMetricsToken = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { public: false, role: 'admin', read: false, metricsToken: true } satisfies AccessRule),
    ApiBearerAuth(),
    ProblemResponses(...KEY_PROBLEMS, 'AUTH.FORBIDDEN'),
  );

/** Open to anyone: health, the problem catalogue. */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);
