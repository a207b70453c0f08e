import type { Database, Statement } from 'better-sqlite3';

/** How far a projection has read `$all`, for which version of its code, in which build of its tables. */
export type Checkpoint = Readonly<{
  version: number;
  /** The position of the last event applied (or looked at and passed over); 0n before any. */
  position: bigint;
  /** Bumped by every rebuild that swaps new tables in, so a runner can tell its tables were replaced. */
  generation: number;
}>;

type Row = { version: bigint; position: bigint; generation: bigint };

/** One row per projection, written in the same transaction as the rows it covers. */
export class CheckpointStore {
  private readonly select: Statement<[string], Row>;
  private readonly upsert: Statement<[string, number, bigint, number, number]>;

  constructor(private readonly db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS projection_checkpoints (
        name       TEXT PRIMARY KEY,
        version    INTEGER NOT NULL,
        position   INTEGER NOT NULL,
        generation INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT`);
    this.select = db.prepare<[string], Row>('SELECT version, position, generation FROM projection_checkpoints WHERE name = ?').safeIntegers(true);
    this.upsert = db.prepare(`
      INSERT INTO projection_checkpoints (name, version, position, generation, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
        generation = excluded.generation, updated_at = excluded.updated_at`);
  }

  /**
   * Every projection's tables are to be built again from the store at its next start: its
   * version is set to one no projection has, which start() answers with a rebuild and a swap.
   */
  requireRebuildOfAll(now: Date): void {
    this.db.prepare('UPDATE projection_checkpoints SET version = -1, updated_at = ?').run(now.getTime());
  }

  get(name: string): Checkpoint | undefined {
    const row = this.select.get(name);
    return row && { version: Number(row.version), position: row.position, generation: Number(row.generation) };
  }

  save(name: string, checkpoint: Checkpoint, now: Date): void {
    this.upsert.run(name, checkpoint.version, checkpoint.position, checkpoint.generation, now.getTime());
  }
}
