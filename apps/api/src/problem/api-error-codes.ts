/** Codes the HTTP edge itself answers with; the domain's own rules have theirs in @parley/domain. */
export const API_ERROR_CODES = {
  'REQUEST.INVALID': { status: 400, title: 'The request is invalid', meaning: 'A field, parameter or header failed validation; see `errors`.' },
  'REQUEST.MALFORMED_JSON': { status: 400, title: 'The body is not valid JSON', meaning: 'The body could not be parsed as JSON.' },
  'REQUEST.TOO_LARGE': { status: 413, title: 'The body is too large', meaning: 'The body is larger than the configured limit (PARLEY_BODY_LIMIT).' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { status: 415, title: 'Unsupported content type', meaning: 'Send `Content-Type: application/json`.' },
  'ROUTE.NOT_FOUND': { status: 404, title: 'No such route', meaning: 'No endpoint answers this method and path.' },
  'METHOD.NOT_ALLOWED': { status: 405, title: 'Method not allowed', meaning: 'The endpoint exists but not for this method.' },
  'PRECONDITION.FAILED': { status: 412, title: 'The stream has moved on', meaning: 'If-Match named a revision the stream is no longer at; read it again and retry.' },
  'CONCURRENCY.CONFLICT': { status: 409, title: 'Too many concurrent writes', meaning: 'Other writes to the same stream kept getting in first; retry the command.' },
  'IDEMPOTENCY.KEY_REUSED': { status: 422, title: 'Idempotency key reused', meaning: 'This Idempotency-Key was already used for a different request.' },
  'READ_MODEL.BEHIND': { status: 503, title: 'The read models have not caught up yet', meaning: 'minPosition was not reached in time; retry after Retry-After seconds.' },
  'READ.TOO_BROAD': {
    status: 422,
    title: 'The read would look at too many rows',
    meaning: 'It would scan more than PARLEY_READ_BUDGET_ROWS rows; narrow it (talksId, type, from/to) and ask again.',
  },
  'PROJECTION.NOT_FOUND': { status: 404, title: 'No such projection', meaning: 'GET /v1/admin/projections lists them.' },
  'PROJECTION.REBUILDING': { status: 409, title: 'Already rebuilding', meaning: 'A rebuild of this projection is under way.' },
  'AUTH.REQUIRED': { status: 401, title: 'An API key is required', meaning: 'Send Authorization: Bearer <key>; an admin creates keys with `npm run cli -- keys create`.' },
  'AUTH.INVALID_KEY': { status: 401, title: 'Unknown or revoked API key', meaning: 'The key is not one this installation knows, or it was revoked.' },
  'AUTH.FORBIDDEN': { status: 403, title: 'Not allowed for this role', meaning: 'viewer < analyst < editor < admin: the route needs a stronger role than the key has.' },
  'RATE.LIMITED': {
    status: 429,
    title: 'Too many requests',
    meaning:
      'This key made more writes than PARLEY_WRITE_LIMIT or reads than PARLEY_READ_LIMIT a minute, or holds PARLEY_SSE_MAX_STREAMS_PER_KEY live subscriptions open; retry after Retry-After seconds.',
  },
  'KEY.NOT_FOUND': { status: 404, title: 'No such live key', meaning: 'No unrevoked key has this name.' },
  'KEY.DUPLICATE': { status: 409, title: 'A key with this name exists', meaning: 'Key names are unique, revoked ones included: they stay as the recordedBy of past events.' },
  'APPEND.TOO_LARGE': {
    status: 413,
    title: 'The events are too large to record',
    meaning: 'The events this write would record pass the event store\'s limit for one append (1 MiB by default); nothing was recorded. Send less.',
  },
  'STREAM.DELETED': { status: 409, title: 'The stream was deleted', meaning: 'The event store holds this stream as deleted: it can no longer be written.' },
  'STORE.UNAVAILABLE': { status: 503, title: 'The event store is unavailable', meaning: 'The store could not be reached or written; nothing was recorded.' },
  'SERVICE.NOT_READY': {
    status: 503,
    title: 'Not ready for traffic',
    meaning: 'GET /health/ready: the store does not answer, or a projection is rebuilding or further behind than PARLEY_READY_MAX_LAG; retry after Retry-After seconds.',
  },
  INTERNAL: { status: 500, title: 'Internal error', meaning: 'Something failed that should not have; it was logged with the correlation id.' },
} as const satisfies Record<string, { status: number; title: string; meaning: string }>;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;
