import { ADMIN_KEY } from './server-process';

export type HttpAnswer = Readonly<{ status: number; headers: Headers; body: any; text: string }>;

export type RequestOptions = Readonly<{
  /** A JSON value, sent as JSON; or `raw` text sent as is. */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send no Authorization header (it defaults to the admin key). */
  anonymous?: boolean;
}>;

/** One HTTP exchange with the server over loopback; throws when no HTTP answer came back. */
export async function call(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = {
    ...(options.anonymous ? {} : { authorization: `Bearer ${ADMIN_KEY}` }),
    ...(options.body !== undefined || options.raw !== undefined ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  };
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.signal,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON (a CSV export, say): the text is the body.
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** The low-level reason a fetch got no answer: ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET, AbortError… */
export function networkErrorCode(error: unknown): string {
  const { name, cause } = (error ?? {}) as { name?: string; cause?: { code?: string; name?: string } };
  if (name === 'AbortError' || name === 'TimeoutError') return name;
  return cause?.code ?? cause?.name ?? String(error);
}

export type Client = Readonly<{
  baseUrl: string;
  get: (path: string, options?: RequestOptions) => Promise<HttpAnswer>;
  post: (path: string, body: unknown, options?: RequestOptions) => Promise<HttpAnswer>;
}>;

export const clientFor = (baseUrl: string): Client => ({
  baseUrl,
  get: (path, options) => call(baseUrl, 'GET', path, options),
  post: (path, body, options) => call(baseUrl, 'POST', path, { ...options, body }),
});

/** Asserts a status, showing the answer when it differs. */
export function expectStatus(answer: HttpAnswer, status: number): HttpAnswer {
  if (answer.status !== status) throw new Error(`Expected ${status}, got ${answer.status}: ${answer.text.slice(0, 500)}`);
  return answer;
}
