import { validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('fills in every default', () => {
    expect(validateEnvironment({})).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      PARLEY_DB: './data/parley.db',
      LOG_LEVEL: 'info',
      PARLEY_BODY_LIMIT: 262_144,
      PARLEY_CONFLICT_RETRIES: 10,
      PARLEY_SSE_HEARTBEAT_MS: 15_000,
      PARLEY_SSE_MAX_QUEUE: 1000,
      PARLEY_SSE_MAX_QUEUE_BYTES: 1_048_576,
      PARLEY_SSE_PAGE_SIZE: 100,
      PARLEY_SSE_RETRY_MS: 2000,
    });
  });

  it('coerces numbers from the environment’s strings and treats empty as unset', () => {
    expect(validateEnvironment({ PORT: '8080', PARLEY_BODY_LIMIT: '', LOG_LEVEL: 'debug' })).toMatchObject({
      PORT: 8080,
      PARLEY_BODY_LIMIT: 262_144,
      LOG_LEVEL: 'debug',
    });
  });

  it('refuses to start with every bad value listed', () => {
    expect(() => validateEnvironment({ PORT: 'eighty', LOG_LEVEL: 'loud', PARLEY_CONFLICT_RETRIES: '0' })).toThrow(
      /Invalid configuration:[\s\S]*PORT[\s\S]*LOG_LEVEL[\s\S]*PARLEY_CONFLICT_RETRIES/,
    );
  });
});
