import { HttpException, HttpStatus } from '@nestjs/common';
import { AppendTooLargeError, EventStoreUnavailableError, StreamDeletedError } from '@parley/event-store';
import { ReadBudgetExceededError } from '@parley/projections';
import { API_ERROR_CODES } from './api-error-codes';
import { ApiProblem, ProblemDetails } from './problem';
import { problemTitle, problemType } from './problem-catalogue';

export type RenderedProblem = Readonly<{ body: ProblemDetails; headers: Record<string, string> }>;

/**
 * Turns anything thrown while serving a request into the Problem Details we answer with.
 * `instance` is the request's path: its query string is left out, so an answer never echoes
 * back whatever (and however much) a caller put there.
 */
export function toProblem(exception: unknown, url: string): RenderedProblem {
  const instance = url.split('?', 1)[0];
  if (exception instanceof ApiProblem) {
    const { headers = {}, ...extensions } = exception.extensions;
    return { body: problem(exception.status, exception.code, exception.detail, instance, extensions), headers };
  }
  // Nest turns Fastify's own errors (413, 415) into HttpExceptions before they get here.
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = codeForStatus(status);
    const known = API_ERROR_CODES[code as keyof typeof API_ERROR_CODES];
    // Fastify's own messages for these say only the status text; ours say what to do.
    const detail = status === 413 || status === 415 || status === 429 ? known.meaning : httpExceptionDetail(exception);
    return { body: problem(status, code, detail, instance), headers: {} };
  }
  const refusedFile = fileServerRefusal(exception);
  if (refusedFile !== undefined) {
    return refusedFile === 400
      ? { body: problem(400, 'REQUEST.INVALID', 'The path is not one a file can have', instance), headers: {} }
      : { body: problem(404, 'ROUTE.NOT_FOUND', API_ERROR_CODES['ROUTE.NOT_FOUND'].meaning, instance), headers: {} };
  }
  if (exception instanceof ReadBudgetExceededError) {
    const detail = `This read would look at more than ${exception.rows} rows; narrow it with talksId, type, from or to`;
    return { body: problem(422, 'READ.TOO_BROAD', detail, instance), headers: {} };
  }
  if (exception instanceof AppendTooLargeError) {
    const detail = `The events of this write pass the event store's limit of ${exception.maxAppendBytes} bytes for one append; nothing was recorded`;
    return { body: problem(413, 'APPEND.TOO_LARGE', detail, instance), headers: {} };
  }
  if (exception instanceof StreamDeletedError) {
    return { body: problem(409, 'STREAM.DELETED', API_ERROR_CODES['STREAM.DELETED'].meaning, instance), headers: {} };
  }
  // EventStoreDB lost, not the leader, not ready or too slow, after the adapter's own retries.
  if (exception instanceof EventStoreUnavailableError) {
    const detail =
      'The event store could not be reached, was electing a leader, or did not answer in time. A write may or may not have been recorded: send it again with the same Idempotency-Key';
    return { body: problem(503, 'STORE.UNAVAILABLE', detail, instance), headers: { 'retry-after': '5' } };
  }
  if (isStorageFailure(exception)) {
    return { body: problem(503, 'STORE.UNAVAILABLE', API_ERROR_CODES['STORE.UNAVAILABLE'].meaning, instance), headers: { 'retry-after': '5' } };
  }
  return { body: problem(500, 'INTERNAL', API_ERROR_CODES.INTERNAL.meaning, instance), headers: {} };
}

/**
 * The file servers behind /docs and /board (@fastify/send) refuse a directory (403), a missing
 * file (404) or a malformed path (400) with an http-errors error, which is no HttpException:
 * its status, when it is one of those. A directory is answered as no such file.
 */
function fileServerRefusal(exception: unknown): 400 | 404 | undefined {
  const { statusCode, expose } = (exception ?? {}) as { statusCode?: unknown; expose?: unknown };
  if (expose !== true) return undefined;
  if (statusCode === 400) return 400;
  return statusCode === 403 || statusCode === 404 ? 404 : undefined;
}

/**
 * SQLite's and the system's ways of saying the disk is full, failing, read-only or locked
 * (SQLITE_FULL, SQLITE_IOERR_FSYNC, ENOSPC…): the transaction was rolled back, so nothing
 * was recorded and the same request may succeed later. By code, not class: see isUniqueIdViolation.
 */
const STORAGE_FAILURE = /^(SQLITE_(FULL|IOERR|CANTOPEN|READONLY|BUSY)|ENOSPC|EDQUOT|EIO|EROFS)/;

function isStorageFailure(exception: unknown): boolean {
  const code = (exception as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_FAILURE.test(code);
}

function problem(status: number, code: string, detail: string, instance: string, extensions: Record<string, unknown> = {}): ProblemDetails {
  return { type: problemType(code), title: problemTitle(code, status), status, detail, instance, code, ...extensions };
}

function codeForStatus(status: number): string {
  switch (status) {
    case HttpStatus.BAD_REQUEST:
      return 'REQUEST.INVALID';
    case HttpStatus.NOT_FOUND:
      return 'ROUTE.NOT_FOUND';
    case HttpStatus.METHOD_NOT_ALLOWED:
      return 'METHOD.NOT_ALLOWED';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'REQUEST.TOO_LARGE';
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return 'REQUEST.UNSUPPORTED_MEDIA_TYPE';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'RATE.LIMITED';
    // The health check's answer when the store does not: the catalogue's code for that.
    case HttpStatus.SERVICE_UNAVAILABLE:
      return 'STORE.UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : `HTTP.${status}`;
  }
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
