// autocannon ships no types; these are the few options and results the benchmarks use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

type AutocannonResult = {
  duration: number;
  latency: { p50: number; p99: number; max: number };
  requests: { total: number };
  statusCodeStats?: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
};

export type LoadResult = Readonly<{
  /** Responses with a 2xx status per second of the measured window. */
  okPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  statuses: Record<string, number>;
  errors: number;
}>;

export type LoadOptions = Readonly<{
  url: string;
  method?: 'GET' | 'POST';
  /** Called for every request: a path, and a body to send as JSON. */
  next: () => { path: string; body?: unknown };
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  overallRate?: number;
  /** A request taking longer counts as an error (autocannon's timeout), seconds. */
  timeoutSeconds?: number;
  /** Stops after this many requests (still within the duration). */
  amount?: number;
}>;

/** One bounded autocannon run over loopback. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.durationSeconds } : { amount: options.amount, maxOverallRequests: options.amount }),
    ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
    timeout: options.timeoutSeconds ?? 10,
    requests: [
      {
        method: options.method ?? 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request: Record<string, unknown>) => {
          const { path, body } = options.next();
          return { ...request, path, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
        },
      },
    ],
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]));
  const ok = Object.entries(statuses).reduce((sum, [code, count]) => (code.startsWith('2') ? sum + count : sum), 0);
  return {
    okPerSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    statuses,
    errors: result.errors + result.timeouts,
  };
}
