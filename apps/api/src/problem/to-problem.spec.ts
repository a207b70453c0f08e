import { AppendTooLargeError, EventStoreUnavailableError, StreamDeletedError } from '@parley/event-store';
import { toProblem } from './to-problem';

/** An error as better-sqlite3 or Node's fs throws it: a message and a code. */
const failure = (code: string): Error => Object.assign(new Error(`${code}: it failed`), { code });

describe('toProblem for storage failures', () => {
  it.each(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_IOERR_FSYNC', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_READONLY', 'SQLITE_BUSY', 'ENOSPC', 'EIO'])(
    '%s answers 503 STORE.UNAVAILABLE with Retry-After',
    (code) => {
      const { body, headers } = toProblem(failure(code), '/v1/talks');
      expect(body).toMatchObject({ status: 503, code: 'STORE.UNAVAILABLE', instance: '/v1/talks' });
      expect(headers).toEqual({ 'retry-after': '5' });
    },
  );

  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'ERR_INVALID_ARG_TYPE'])('%s stays a 500: a bug, not the disk', (code) => {
    expect(toProblem(failure(code), '/v1/talks').body).toMatchObject({ status: 500, code: 'INTERNAL' });
  });

  it('an error without a code stays a 500', () => {
    expect(toProblem(new Error('boom'), '/').body.status).toBe(500);
    expect(toProblem(null, '/').body.status).toBe(500);
  });
});

describe('toProblem for the event store', () => {
  it.each(['unreachable', 'not_leader', 'deadline', 'not_ready', 'access_denied', 'unknown'] as const)(
    'an EventStoreDB that is %s answers 503 STORE.UNAVAILABLE with Retry-After',
    (reason) => {
      const { body, headers } = toProblem(new EventStoreUnavailableError(reason), '/v1/talks');
      expect(body).toMatchObject({ status: 503, code: 'STORE.UNAVAILABLE' });
      expect(headers).toEqual({ 'retry-after': '5' });
    },
  );

  it('an append past the size limit answers 413 APPEND.TOO_LARGE, naming the limit', () => {
    const { body } = toProblem(new AppendTooLargeError('talks-1', 1_048_576, 2_000_000), '/v1/talks');
    expect(body).toMatchObject({ status: 413, code: 'APPEND.TOO_LARGE' });
    expect(body.detail).toContain('1048576 bytes');
  });

  it('a deleted stream answers 409 STREAM.DELETED', () => {
    expect(toProblem(new StreamDeletedError('talks-1'), '/').body).toMatchObject({ status: 409, code: 'STREAM.DELETED' });
  });
});
