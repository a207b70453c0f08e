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
