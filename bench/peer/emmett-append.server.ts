/**
 * The peer: the same append as bench/servers/bare-fastify.server.ts in `store` mode (the same
 * body, validated the same way, one MeetingHeld event per request), through Emmett's SQLite
 * event store. Lives in bench/peer with its own package.json so the project never compiles
 * sqlite3; run by bench/run-benchmarks.ts after `npm --prefix bench/peer install`.
 *
 * Appends go one at a time: getSQLiteEventStore (0.38.5) shares one connection and closes it
 * after every operation, so concurrent appends fail with "SQLITE_MISUSE: Database is closed"
 * or never answer (seen here with 6 concurrent requests). Serialised, every append succeeds.
 */
import 'reflect-metadata';
import Fastify from 'fastify';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import sqlite3 from 'sqlite3';
import { RecordMeetingDto } from '../../apps/api/src/meetings/record-meeting.dto';

/** What a connection opened the way Emmett opens it runs with: it sets WAL and leaves synchronous at SQLite's default. */
function pragmasOf(fileName: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(fileName);
    db.run('PRAGMA journal_mode = WAL;', (error) => {
      if (error) return reject(error);
      db.get('PRAGMA synchronous', (failure, row: { synchronous: number }) => {
        db.close();
        if (failure) return reject(failure);
        resolve({ journalMode: 'wal', synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][row.synchronous] ?? row.synchronous });
      });
    });
  });
}

async function main(): Promise<void> {
  const fileName = process.env.PARLEY_DB!;
  const store = getSQLiteEventStore({ fileName });
  const pragmas = await pragmasOf(fileName);
  let previous: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = previous.then(work);
    previous = next.catch(() => undefined);
    return next;
  };
  const app = Fastify({ bodyLimit: 262_144 });
  app.get('/health', async () => ({ status: 'ok', pragmas }));
  app.post('/bare/talks/:id/meetings', async (request, reply) => {
    const dto = plainToInstance(RecordMeetingDto, request.body);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: true });
    if (errors.length > 0) return reply.code(400).send({ errors: errors.map((error) => error.property) });
    const { id } = request.params as { id: string };
    await oneAtATime(() => store.appendToStream(`talks-${id}`, [{ type: 'MeetingHeld', data: { talksId: id, ...dto }, metadata: { recordedBy: 'bench' } }]));
    return reply.code(201).send({ streamId: `talks-${id}` });
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
}

void main();
