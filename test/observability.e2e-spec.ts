import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore, ReadAllOptions, RecordedEvent } from '@parley/event-store';
import { ADMIN_KEY, ServerProcess, startServer } from './reliability/support/server-process';
import { openTrack, PROBLEM_TYPE } from './support/api';
import { actorBody } from './support/bodies';
import { uniqueSlug } from './support/ids';
import { ReceivedSpan, startOtlpJsonReceiver } from './support/observability/otlp-json-receiver';
import { parseSamples, Sample, sampleValue } from './support/observability/prometheus-text';
import { waitWhileProgressing } from './support/progress/wait-while-progressing';
import { startTestApp, TestApp } from './support/test-app';

const METRICS_TOKEN = 'metrics-token-for-the-scraper-0001';

describe('Observability (e2e)', () => {
  describe('metrics and readiness', () => {
    let app: TestApp;
    const scrape = async (): Promise<Sample[]> => {
      const response = await app.api.get('/metrics').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      return parseSamples(response.text);
    };
    const onSqlite = () => !app.eventStoreEnv.PARLEY_EVENT_STORE;

    beforeAll(async () => {
      app = await startTestApp({ PARLEY_METRICS_TOKEN: METRICS_TOKEN });
    });

    afterAll(async () => {
      await app.close();
    });

    it('answers /metrics to an admin key and to the metrics token, and to no one else', async () => {
      await app.anonymous().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`).expect(200).expect('content-type', /^text\/plain/);
      await app.anonymous().get('/metrics').expect(401).expect('content-type', PROBLEM_TYPE);
      await app.anonymous().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}x`).expect(401);
      const viewer = await app.as('viewer');
      await viewer.get('/metrics').expect(403);
      // The token opens /metrics only.
      await app.anonymous().get('/v1/admin/projections').set('authorization', `Bearer ${METRICS_TOKEN}`).expect(401);
    });

    it('counts commands by outcome, times appends and requests, and follows the projections to the head', async () => {
      const before = await scrape();
      const actorId = uniqueSlug('counted');
      await app.api.post('/v1/actors').send(actorBody(actorId)).expect(201);
      await app.api.post('/v1/actors').send(actorBody(actorId)).expect(409);
      const { talksId } = await openTrack(app);
      const { body: status } = await app.api.get(`/v1/talks/${talksId}`).expect(200);
      // Both projections have applied everything so far: these reads wait for the last position.
      await app.api.get(`/v1/talks/${talksId}?minPosition=${status.position}`).expect(200);
      await app.api.get(`/v1/actors/${actorId}/activity?minPosition=${status.position}`).expect(200);
      const after = await scrape();

      const delta = (name: string, labels: Record<string, string> = {}) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
      expect(delta('parley_commands_total', { aggregate: 'actor', command: 'RegisterActor', outcome: 'recorded' })).toBe(3);
      expect(delta('parley_commands_total', { aggregate: 'actor', command: 'RegisterActor', outcome: 'ACTOR.ALREADY_REGISTERED' })).toBe(1);
      expect(delta('parley_commands_total', { aggregate: 'talks', command: 'OpenTalks', outcome: 'recorded' })).toBe(1);
      expect(delta('parley_event_store_operation_duration_seconds_count', { operation: 'append' })).toBe(4);
      expect(delta('parley_http_request_duration_seconds_count', { method: 'POST', route: '/v1/actors', status: '201' })).toBe(3);
      expect(delta('parley_http_request_duration_seconds_count', { method: 'POST', route: '/v1/actors', status: '409' })).toBe(1);
      expect(delta('parley_http_request_duration_seconds_count', { method: 'GET', route: '/v1/talks/:id', status: '200' })).toBe(2);
      if (onSqlite()) {
        expect(delta('parley_event_store_group_commit_appends_count')).toBeGreaterThanOrEqual(1);
        expect(delta('parley_event_store_group_commit_events_sum')).toBe(4);
      }
      // The 409 was decided on the cached state of the stream the first registration wrote.
      expect(delta('parley_state_cache_lookups_total', { result: 'hit' })).toBeGreaterThanOrEqual(1);

      const head = sampleValue(after, 'parley_event_store_head_position');
      expect(head - sampleValue(before, 'parley_event_store_head_position')).toBeGreaterThanOrEqual(4);
      for (const projection of ['talks', 'actors']) {
        expect(sampleValue(after, 'parley_projection_position', { projection })).toBe(head);
        expect(sampleValue(after, 'parley_projection_lag_events', { projection })).toBe(0);
        expect(sampleValue(after, 'parley_projection_lag_seconds', { projection })).toBe(0);
        expect(delta('parley_projection_events_total', { projection, phase: 'live' })).toBeGreaterThanOrEqual(4);
      }
      expect(sampleValue(after, 'parley_sse_subscribers')).toBe(0);
    });

    it('is live, and ready only while no projection rebuilds from scratch', async () => {
      await app.anonymous().get('/health/live').expect(200, { status: 'up' });
      const ready = await app.anonymous().get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({ status: 'ready', eventStore: 'up', projections: expect.arrayContaining([expect.objectContaining({ name: 'talks', ready: true })]) });

      // The rebuild's first read of the store is held back, as a slow store would hold it.
      const store = app.app.get<EventStore>(EVENT_STORE);
      const original = store.readAll;
      const readAll = original.bind(store);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      store.readAll = async (options?: ReadAllOptions): Promise<RecordedEvent[]> => {
        if (options?.fromPosition === 0n) await released;
        return readAll(options);
      };
      try {
        await app.api.post('/v1/admin/projections/talks/rebuild').expect(202);
        const notReady = await app.anonymous().get('/health/ready').expect(503).expect('content-type', PROBLEM_TYPE);
        expect(notReady.body).toMatchObject({ code: 'SERVICE.NOT_READY', projections: expect.arrayContaining([expect.objectContaining({ name: 'talks', ready: false, reason: 'rebuilding from position 0' })]) });
        expect(notReady.headers['retry-after']).toBe('5');
        const during = await scrape();
        expect(sampleValue(during, 'parley_projection_rebuilding', { projection: 'talks' })).toBe(1);
        expect(sampleValue(during, 'parley_projection_rebuilding', { projection: 'actors' })).toBe(0);
      } finally {
        release();
        store.readAll = original;
      }
      let statuses: Array<{ name: string; state: string; rebuild?: unknown; generation: number }> = [];
      await waitWhileProgressing({
        what: 'the rebuild to finish',
        done: async () => {
          statuses = (await app.api.get('/v1/admin/projections').expect(200)).body;
          return statuses.every((projection) => projection.rebuild === undefined);
        },
        progress: () => statuses,
      });
      await app.anonymous().get('/health/ready').expect(200);
      const after = await scrape();
      expect(sampleValue(after, 'parley_projection_rebuilding', { projection: 'talks' })).toBe(0);
      expect(sampleValue(after, 'parley_projection_events_total', { projection: 'talks', phase: 'rebuild' })).toBeGreaterThan(0);
    });
  });

  // In a child process running main.ts, as in production: tracing must start before Fastify and
  // Node's http load, and the OTLP exporter loads its transport by dynamic import, which jest's
  // module sandbox cannot run.
  describe('traces', () => {
    let server: ServerProcess;
    let receiver: Awaited<ReturnType<typeof startOtlpJsonReceiver>>;
    let directory: string;

    beforeAll(async () => {
      receiver = await startOtlpJsonReceiver();
      directory = mkdtempSync(join(tmpdir(), 'parley-traces-'));
      server = await startServer(join(directory, 'parley.db'), {
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '20' },
      });
    });

    afterAll(async () => {
      await server?.kill('SIGTERM');
      await receiver?.stop();
      rmSync(directory, { recursive: true, force: true });
    });

    it('exports the spans of one command, read, fold, decide and append inside its request, with its correlation id', async () => {
      const correlationId = uniqueSlug('traced-command');
      const response = await fetch(`${server.baseUrl}/v1/actors`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', 'x-correlation-id': correlationId },
        body: JSON.stringify(actorBody(uniqueSlug('traced'))),
      });
      expect(response.status).toBe(201);
      const requestSpan = () => receiver.spans.find((span) => span.attributes['parley.correlation_id'] === correlationId);
      const inTrace = () => receiver.spans.filter((span) => span.traceId === requestSpan()?.traceId);
      const COMMAND_SPANS = ['read', 'fold', 'decide', 'append'];
      await waitWhileProgressing({
        what: 'the spans of the command',
        done: () => COMMAND_SPANS.every((name) => inTrace().some((span) => span.name === name)),
        progress: () => [receiver.spans.length, server.cpuTicks()],
      });
      const request = requestSpan()!;
      expect(request).toMatchObject({ name: 'request', attributes: { 'http.route': '/v1/actors', 'http.request.method': 'POST' } });
      const spans = inTrace();
      const append = spans.find((span) => span.name === 'append')!;
      expect(append.attributes).toMatchObject({ 'parley.stream_id': expect.stringMatching(/^actor-traced-/), 'parley.events': 1 });
      // Each child hangs under the request's span, not beside it.
      const ancestors = (span: ReceivedSpan): string[] => {
        const parent = spans.find((candidate) => candidate.spanId === span.parentSpanId);
        return parent ? [parent.spanId, ...ancestors(parent)] : [];
      };
      for (const name of COMMAND_SPANS) expect(ancestors(spans.find((span) => span.name === name)!)).toContain(request.spanId);
      // Node's http server span is the root: the trace starts where the request arrived.
      expect(spans.find((span) => span.parentSpanId === undefined)).toMatchObject({ attributes: expect.objectContaining({ 'http.request.method': 'POST' }) });
      // The projections' batches have spans of their own.
      await waitWhileProgressing({
        what: 'a projection batch span',
        done: () => receiver.spans.some((span) => span.name === 'projection batch'),
        progress: () => [receiver.spans.length, server.cpuTicks()],
      });
    });
  });
});
