import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { Role } from './roles';

export const ACCESS_RULE = 'parley:access-rule';

/**
 * Who may call a route. Every route states one; a route without a rule is refused to all,
 * and the access matrix test fails on it.
 */
export type AccessRule = Readonly<{ public: true }> | Readonly<{ public: false; role: Role; read: boolean }>;

const problems = [
  ApiResponse({ status: 401, description: 'No API key, or an unknown or revoked one' }),
  ApiResponse({ status: 403, description: 'The key’s role is too weak for this route' }),
];

/** Needs a key of at least this role. */
export const Requires = (role: Role) =>
  applyDecorators(SetMetadata(ACCESS_RULE, { public: false, role, read: false } satisfies AccessRule), ApiBearerAuth(), ...problems);

/** A read: a viewer key, or no key at all when PARLEY_PUBLIC_READS is on. */
export const Reads = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { public: false, role: 'viewer', read: true } satisfies AccessRule), ApiBearerAuth(), ...problems);

/** Open to anyone: health, the problem catalogue. */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);
