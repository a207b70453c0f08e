import type { Database, Statement } from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { Role } from './roles';

export type ApiKey = Readonly<{
  name: string;
  role: Role;
  /** The first characters of the key, enough to tell keys apart in a list; never enough to use. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}>;

type Row = { name: string; role: Role; prefix: string; created_at: number; last_used_at: number | null; revoked_at: number | null };

const KEY_PREFIX = 'parley_';
const KEY_SHAPE = /^parley_[A-Za-z0-9_-]{20,100}$/;
// A request's last use is written at most this often, so reads do not each cost a durable write.
const LAST_USED_EVERY_MS = 60_000;

/** Keys are random and long, so one SHA-256 is enough: nothing to brute-force, no salt to keep. */
const hashOf = (key: string): string => createHash('sha256').update(key).digest('hex');

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export class DuplicateKeyNameError extends Error {}

/** Told the name of a key whose rights just changed (revoked, so far) by this process. */
export type KeyChangeListener = (name: string) => void;

/** API keys in the local SQLite database, hashed: the plaintext exists only in the answer that creates it. */
export class ApiKeyStore {
  private readonly insert: Statement<[string, string, string, string, number]>;
  private readonly byHash: Statement<[string], Row>;
  private readonly all: Statement<[], Row>;
  private readonly touch: Statement<[number, string]>;
  private readonly revokeByName: Statement<[number, string]>;
  private readonly count: Statement<[], { n: number }>;
  private readonly liveRoleByName: Statement<[string], { role: Role }>;
  private readonly lastTouched = new Map<string, number>();
  private readonly changeListeners = new Set<KeyChangeListener>();

  constructor(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS api_keys (
        name         TEXT PRIMARY KEY,
        role         TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'editor', 'admin')),
        key_hash     TEXT NOT NULL UNIQUE,
        prefix       TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at   INTEGER
      ) STRICT`);
    this.insert = db.prepare('INSERT INTO api_keys (name, role, key_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)');
    this.byHash = db.prepare('SELECT name, role, prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE key_hash = ?');
    this.all = db.prepare('SELECT name, role, prefix, created_at, last_used_at, revoked_at FROM api_keys ORDER BY created_at, name');
    this.touch = db.prepare('UPDATE api_keys SET last_used_at = ? WHERE name = ?');
    this.revokeByName = db.prepare('UPDATE api_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL');
    this.count = db.prepare('SELECT COUNT(*) AS n FROM api_keys');
    this.liveRoleByName = db.prepare('SELECT role FROM api_keys WHERE name = ? AND revoked_at IS NULL');
  }

  /** The role of the live key of that name; undefined once it is revoked (here, by the CLI, or by another process). */
  liveRole(name: string): Role | undefined {
    return this.liveRoleByName.get(name)?.role;
  }

  /** Runs `listener` whenever this process changes a key's rights; answers the function that stops it. */
  onChange(listener: KeyChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  isEmpty(): boolean {
    return this.count.get()!.n === 0;
  }

  /** Creates a key and answers it in plaintext: the only time it can be seen. */
  create(name: string, role: Role, now: Date, key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`): { key: string; apiKey: ApiKey } {
    try {
      this.insert.run(name, role, hashOf(key), key.slice(0, KEY_PREFIX.length + 4), now.getTime());
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateKeyNameError(`A key named ${name} exists`);
      throw error;
    }
    return { key, apiKey: this.list().find((apiKey) => apiKey.name === name)! };
  }

  /** The live key a presented secret belongs to; a revoked or unknown one answers undefined. */
  verify(key: string, now: Date): ApiKey | undefined {
    if (!KEY_SHAPE.test(key)) return undefined;
    const row = this.byHash.get(hashOf(key));
    if (!row || row.revoked_at !== null) return undefined;
    const last = this.lastTouched.get(row.name) ?? row.last_used_at ?? 0;
    if (now.getTime() - last >= LAST_USED_EVERY_MS) {
      this.touch.run(now.getTime(), row.name);
      this.lastTouched.set(row.name, now.getTime());
    }
    return toApiKey(row);
  }

  list(): ApiKey[] {
    return this.all.all().map(toApiKey);
  }

  /** True when a live key of that name was revoked; it is refused from its next request on. */
  revoke(name: string, now: Date): boolean {
    const revoked = this.revokeByName.run(now.getTime(), name).changes > 0;
    if (revoked) for (const listener of this.changeListeners) listener(name);
    return revoked;
  }
}

const toApiKey = (row: Row): ApiKey => ({
  name: row.name,
  role: row.role,
  prefix: row.prefix,
  createdAt: iso(row.created_at)!,
  lastUsedAt: iso(row.last_used_at),
  revokedAt: iso(row.revoked_at),
});
