import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllEvents } from './support/event-log';
import { call, Client, clientFor, expectStatus } from './support/http-client';
import { endpointsOf, invalidRequestFor } from './support/invalid-requests';
import { meetingPath, newMeeting, openTracks } from './support/seed';
import { formulaText } from './support/wrong-values';
import { csvCells } from '../support/csv-cells';
import { ServerProcess, startServer } from './support/server-process';

const RUNS_PER_ENDPOINT = 60;
// Routes open to anyone with nothing to validate (their path parameters answer 404 at worst).
const PUBLIC = /^(\/health|\/problems|\/docs)/;
// The server's resident memory may grow this much over the whole run (caches, JIT, heap growth).
const RSS_GROWTH_BOUND = 150 * 1024 * 1024;

describe('bad input on every endpoint', () => {
  let directory: string;
  let server: ServerProcess;
  let client: Client;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-bad-input-'));
    server = await startServer(join(directory, 'parley.db'));
    client = clientFor(server.baseUrl);
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers 4xx problem+json, never 5xx, appends nothing, and stays within a memory bound', async () => {
    const [track] = await openTracks(client, 1);
    const actorId = track.participants[0];
    const endpoints = endpointsOf(expectStatus(await client.get('/docs-json'), 200).body).filter(({ path }) => !PUBLIC.test(path));
    expect(endpoints.length).toBeGreaterThan(20);
    const before = await readAllEvents(client);
    const rssBefore = server.rssBytes();

    const failures: string[] = [];
    const sent: Record<string, number> = {};
    for (const endpoint of endpoints) {
      // Real ids where the path names one, so the request gets past "not found" to the validators.
      const validParams = { id: endpoint.path.startsWith('/v1/actors') ? actorId : track.talksId, eventId: before[before.length - 1].id, ceasefireId: 'ceasefire-1' };
      await fc.assert(
        fc.asyncProperty(invalidRequestFor(endpoint, validParams), async (request) => {
          sent[request.why] = (sent[request.why] ?? 0) + 1;
          const label = `${request.why}: ${request.method} ${request.path.slice(0, 200)}`;
          try {
            // The admin key unless the request brings its own (bad) Authorization.
            const answer = await call(server.baseUrl, request.method, request.path, { headers: request.headers, raw: request.raw });
            const type = answer.headers.get('content-type') ?? '';
            const ok = answer.status >= 400 && answer.status < 500 && type.startsWith('application/problem+json') && answer.body?.status === answer.status;
            if (!ok) failures.push(`${label} → ${answer.status} ${type} ${answer.text.slice(0, 300)}`);
            return ok;
          } catch (error) {
            failures.push(`${label} → no answer: ${String(error)} ${String((error as { cause?: unknown }).cause)}`);
            return false;
          }
        }),
        { numRuns: RUNS_PER_ENDPOINT },
        // Failures are collected above, with their answers, for every endpoint.
      ).catch(() => undefined);
    }
    // Failures are caught above, so fast-check's own report (seed and path) never shows: say how to replay.
    const replay = `FC_SEED=${fc.readConfigureGlobal().seed} npm run test:reliability -- bad-input`;
    expect({ replay, failures }).toEqual({ replay, failures: [] });
    console.info(`bad input sent to ${endpoints.length} endpoints: ${JSON.stringify(sent)}`);

    const after = await readAllEvents(client);
    expect(after.map((event) => event.id)).toEqual(before.map((event) => event.id));
    const growth = server.rssBytes() - rssBefore;
    expect(growth).toBeLessThan(RSS_GROWTH_BOUND);
  });

  it('takes text that looks like a formula as text, and the CSV export neutralises every such cell', async () => {
    const [track] = await openTracks(client, 1);
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(formulaText, async (publisher) => {
        const meeting = newMeeting(track);
        const body = { ...meeting, provenance: { ...(meeting.provenance as object), sources: [{ publisher, url: 'https://example.org/report' }] } };
        const written = await client.post(meetingPath(track), body);
        if (written.status !== 201) failures.push(`${JSON.stringify(publisher)} refused: ${written.status} ${written.text.slice(0, 200)}`);
        const csv = expectStatus(
          await client.get(`/v1/timeline?talksId=${track.talksId}`, { headers: { accept: 'text/csv', 'x-min-position': String(written.body?.position ?? 0) } }),
          200,
        );
        const cells = csvCells(csv.text);
        const formulas = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell));
        if (formulas.length > 0) failures.push(`${JSON.stringify(publisher)}: cells ${JSON.stringify(formulas)}`);
        // The sources cell escapes its own separators (parentheses, semicolons) with a backslash.
        if (!cells.some((cell) => cell.replace(/\\(.)/g, '$1') === `'${publisher}`)) failures.push(`${JSON.stringify(publisher)}: not in the export as '${publisher}`);
        return failures.length === 0;
      }),
      { numRuns: 30 },
    ).catch(() => undefined);
    expect(failures).toEqual([]);
  });
});
