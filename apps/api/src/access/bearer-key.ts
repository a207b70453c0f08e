import { ApiProblem } from '../problem/problem';
import { ApiKey, ApiKeyStore } from './api-key.store';

const CHALLENGE = { 'www-authenticate': 'Bearer realm="parley"' };
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of a `Bearer <token>` header; undefined for no header or any other form. */
export const bearerTokenIn = (header: string | undefined): string | undefined => (header === undefined ? undefined : BEARER.exec(header)?.[1]);

export const keyRequired = (): ApiProblem =>
  new ApiProblem(401, 'AUTH.REQUIRED', 'Send an API key: Authorization: Bearer <key>', { headers: CHALLENGE });

/**
 * The live key an Authorization header presents, or the 401 that says what is wrong with it:
 * no header, a header that is not `Bearer <key>` (a bare key, Basic…), or a key that is
 * unknown or revoked.
 */
export function keyPresentedIn(header: string | undefined, keys: ApiKeyStore, now: Date): ApiKey {
  if (header === undefined) throw keyRequired();
  const token = bearerTokenIn(header);
  if (token === undefined) {
    throw new ApiProblem(401, 'AUTH.INVALID_KEY', 'The Authorization header must read "Bearer <key>": the word Bearer, a space, then the key', {
      headers: CHALLENGE,
      errors: [{ field: 'Authorization', message: 'must be Bearer <key>' }],
    });
  }
  const key = keys.verify(token, now);
  if (!key) throw new ApiProblem(401, 'AUTH.INVALID_KEY', 'The API key is unknown or revoked', { headers: CHALLENGE });
  return key;
}
