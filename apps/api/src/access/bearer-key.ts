import { ApiProblem } from '../problem/problem';
import { ApiKey, ApiKeyStore } from './api-key.store';

const CHALLENGE = { 'www-authenticate': 'Bearer realm="parley"' };
const BEARER = /^Bearer\s+(\S+)\s*$/i;

export const keyRequired = (): ApiProblem =>
  new ApiProblem(401, 'AUTH.REQUIRED', 'Send an API key: Authorization: Bearer <key>', { headers: CHALLENGE });

/**
 * The live key an Authorization header presents, or the 401 that says what is wrong with it:
 * no header, a header that is not `Bearer <key>` (a bare key, Basic…), or a key that is
 * unknown or revoked.
 */
export function keyPresentedIn(header: string | undefined, keys: ApiKeyStore, now: Date): ApiKey {
  if (header === undefined) throw keyRequired();
  const match = BEARER.exec(header);
  if (!match) {
    throw new ApiProblem(401, 'AUTH.INVALID_KEY', 'The Authorization header must read "Bearer <key>": the word Bearer, a space, then the key', {
      headers: CHALLENGE,
      errors: [{ field: 'Authorization', message: 'must be Bearer <key>' }],
    });
  }
  const key = keys.verify(match[1], now);
  if (!key) throw new ApiProblem(401, 'AUTH.INVALID_KEY', 'The API key is unknown or revoked', { headers: CHALLENGE });
  return key;
}
