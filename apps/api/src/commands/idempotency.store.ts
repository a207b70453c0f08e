import type { Database, Statement } from 'better-sqlite3';
import { CommandOutcome } from './command-outcome';

export type IdempotencyRecord = Readonly<{ fingerprint: string; outcome: CommandOutcome }>;

/**
 * The first answer to each Idempotency-Key, kept in the local SQLite database by the command
 * id the key gives (commandIdentity: caller, route and key), so one caller's key never answers
 * another's request. Rows written before that scoping hold the raw key and match nothing.
 * A crash between the append and `remember` is covered too: the handler then finds the
 * command's events in the stream by their deterministic ids and answers from them.
 */
export class IdempotencyStore {
  private readonly select: Statement<[string], { fingerprint: string; outcome: string }>;
  private readonly insert: Statement<[string, string, string, number]>;

  constructor(database: Database) {
    database.exec(`
      CREATE TABLE IF NOT EXISTS idempotency_records (
        key         TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        outcome     TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      ) STRICT`);
    this.select = database.prepare('SELECT fingerprint, outcome FROM idempotency_records WHERE key = ?');
    this.insert = database.prepare(
      'INSERT INTO idempotency_records (key, fingerprint, outcome, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
    );
  }

  find(commandId: string): IdempotencyRecord | undefined {
    const row = this.select.get(commandId);
    return row && { fingerprint: row.fingerprint, outcome: JSON.parse(row.outcome) as CommandOutcome };
  }

  remember(commandId: string, fingerprint: string, outcome: CommandOutcome, now: Date): void {
    this.insert.run(commandId, fingerprint, JSON.stringify(outcome), now.getTime());
  }
}
