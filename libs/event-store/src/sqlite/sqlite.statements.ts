import type { Database, Statement } from 'better-sqlite3';
import { AllFilter, Direction, RecordedEvent } from '../event-store.port';

/** A row as better-sqlite3 returns it with safe integers on: every INTEGER is a bigint. */
export type EventRow = {
  position: bigint;
  id: string;
  stream_id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: bigint;
};

export type PlacedRow = Pick<EventRow, 'stream_id' | 'revision' | 'position'>;

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: row.position,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    recordedAt: new Date(Number(row.recorded_at)),
  };
}

const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at';

/** The statements on the append path; each must be an index lookup, never a scan. */
export const APPEND_SQL = {
  lastOfStream: 'SELECT stream_id, revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
  placeOfId: 'SELECT stream_id, revision, position FROM events WHERE id = ?',
  insert: 'INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
} as const;

export type Statements = Readonly<{
  lastOfStream: Statement<[string], PlacedRow>;
  placeOfId: Statement<[string], PlacedRow>;
  insert: Statement<[string, string, number, string, string, string, number]>;
  readStreamForwards: Statement<[string, number, number], EventRow>;
  readStreamBackwards: Statement<[string, number, number], EventRow>;
  headPosition: Statement<[], { head: bigint }>;
  ping: Statement<[], { ok: bigint }>;
}>;

/** Prepared once per connection: an append costs two index lookups and the inserts. */
export function prepareStatements(db: Database): Statements {
  return {
    lastOfStream: db.prepare<[string], PlacedRow>(APPEND_SQL.lastOfStream),
    placeOfId: db.prepare<[string], PlacedRow>(APPEND_SQL.placeOfId),
    insert: db.prepare<[string, string, number, string, string, string, number]>(APPEND_SQL.insert),
    readStreamForwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    ),
    readStreamBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    headPosition: db.prepare<[], { head: bigint }>('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
    ping: db.prepare<[], { ok: bigint }>('SELECT 1 AS ok'),
  };
}

export type ReadAllQuery = Readonly<{
  direction: Direction;
  /** Exclusive. */
  from: bigint;
  /** Inclusive upper bound (forwards only): lets a subscription know how far it has looked. */
  upTo?: bigint;
  limit: number;
  filter?: AllFilter;
}>;

/**
 * `$all` reads, one prepared statement per filter shape. Prefixes compare with instr() = 1
 * rather than LIKE, which would read `_` and `%` as wildcards and ignore ASCII case.
 */
export class ReadAllStatements {
  private readonly cache = new Map<string, Statement<unknown[], EventRow>>();

  constructor(private readonly db: Database) {}

  run(query: ReadAllQuery): RecordedEvent[] {
    const types = query.filter?.eventTypes ?? [];
    const prefixes = query.filter?.streamPrefixes ?? [];
    const bounded = query.upTo !== undefined;
    const params: unknown[] = [query.from, ...types, ...prefixes];
    if (bounded) params.push(query.upTo);
    params.push(query.limit);
    return this.statement(query.direction, types.length, prefixes.length, bounded)
      .all(...params)
      .map(toRecordedEvent);
  }

  private statement(direction: Direction, types: number, prefixes: number, bounded: boolean) {
    const key = `${direction}:${types}:${prefixes}:${bounded}`;
    let statement = this.cache.get(key);
    if (!statement) {
      const where = [direction === 'forwards' ? 'position > ?' : 'position < ?'];
      if (types > 0) where.push(`type IN (${Array(types).fill('?').join(', ')})`);
      if (prefixes > 0) where.push(`(${Array(prefixes).fill('instr(stream_id, ?) = 1').join(' OR ')})`);
      if (bounded) where.push('position <= ?');
      const order = direction === 'forwards' ? 'ASC' : 'DESC';
      statement = this.db.prepare<unknown[], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position ${order} LIMIT ?`,
      );
      // Filter shapes are few in practice; past a bound, stop caching rather than grow forever.
      if (this.cache.size < 64) this.cache.set(key, statement);
    }
    return statement;
  }
}
