/**
 * The ceilings of the append and read benchmarks: Fastify alone, on the same machine and
 * in the same run as the API. BENCH_MODE picks what a POST does after validating the body
 * with class-validator on the API's own RecordMeetingDto (the work the API's ValidationPipe
 * does, with its options):
 * - `validate`: nothing more (the HTTP + validation ceiling);
 * - `store`: append the event through SqliteEventStore (group commit, synchronous=FULL);
 * - `per-request`: append it in one SQLite transaction per request, as the adapter did before
 *   group commit (the same statements, synchronous=FULL).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { openDurableSqlite, SqliteEventStore } from '@parley/event-store';
import { APPEND_SQL } from '@parley/event-store/sqlite/sqlite.statements';
import { RecordMeetingDto } from '../../apps/api/src/meetings/record-meeting.dto';

type Append = (streamId: string, data: object) => Promise<unknown>;

async function appender(mode: string, filename: string): Promise<Append | undefined> {
  if (mode === 'validate') return undefined;
  const store = await SqliteEventStore.open({ filename });
  if (mode === 'store') {
    return (streamId, data) => store.appendToStream(streamId, [{ id: randomUUID(), type: 'MeetingHeld', data, metadata: { recordedBy: 'bench' } }]);
  }
  await store.close();
  const db = openDurableSqlite(filename);
  const last = db.prepare<[string], { revision: number }>(APPEND_SQL.lastOfStream);
  const insert = db.prepare(APPEND_SQL.insert);
  const append = db.transaction((streamId: string, data: string) => {
    const revision = (last.get(streamId)?.revision ?? -1) + 1;
    return insert.run(randomUUID(), streamId, revision, 'MeetingHeld', data, JSON.stringify({ recordedBy: 'bench' }), Date.now());
  });
  return async (streamId, data) => append.immediate(streamId, JSON.stringify(data));
}

async function main(): Promise<void> {
  const mode = process.env.BENCH_MODE ?? 'validate';
  const append = await appender(mode, process.env.PARLEY_DB ?? ':memory:');
  const app = Fastify({ bodyLimit: 262_144 });
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/bare/talks/:id', async (request) => ({ talksId: (request.params as { id: string }).id, status: 'active', counts: { meetings: 3 } }));
  app.post('/bare/talks/:id/meetings', async (request, reply) => {
    const dto = plainToInstance(RecordMeetingDto, request.body);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: true });
    if (errors.length > 0) return reply.code(400).send({ errors: errors.map((error) => error.property) });
    const { id } = request.params as { id: string };
    await append?.(`talks-${id}`, { talksId: id, ...dto });
    return reply.code(201).send({ streamId: `talks-${id}` });
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
}

void main();
