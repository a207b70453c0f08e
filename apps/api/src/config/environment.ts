import { plainToInstance, Transform } from 'class-transformer';
import { ON_STORE_CHANGE, OnStoreChange } from '../store/followed-event-store';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting the API reads, with its default; checked once at start. */
export class Environment {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  /**
   * Where events are stored: empty for the embedded SQLite store in PARLEY_DB, or an
   * EventStoreDB connection string (`esdb://host:2113?tls=false`, `esdb+discover://…`).
   */
  @IsString()
  @Matches(/^$|^esdb(\+discover)?:\/\/.+/, { message: 'PARLEY_EVENT_STORE must be empty or an esdb:// connection string' })
  PARLEY_EVENT_STORE = '';

  /** The SQLite file beside this process: the embedded event store, idempotency records and read models. */
  @IsString()
  @IsNotEmpty()
  PARLEY_DB = './data/parley.db';

  /**
   * When PARLEY_DB follows another event store than PARLEY_EVENT_STORE names: `refuse` to start
   * (the default), or `rebuild` the read models from this store and drop the other's idempotency records.
   */
  @IsIn(ON_STORE_CHANGE)
  PARLEY_ON_STORE_CHANGE: OnStoreChange = 'refuse';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Request bodies above this many bytes are refused with 413. */
  @Transform(({ value }) => (value === undefined || value === '' ? 262_144 : Number(value)))
  @IsInt()
  @Min(1024)
  PARLEY_BODY_LIMIT = 262_144;

  /** How often a command is re-decided when another write to its stream got in first. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(50)
  PARLEY_CONFLICT_RETRIES = 10;

  /** Streams whose folded state each API process keeps, so a command reads only the events after it. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10_000 : Number(value)))
  @IsInt()
  @Min(0)
  PARLEY_STATE_CACHE_ENTRIES = 10_000;

  /** A rough bound, in MiB of event data folded, on the memory those states take. */
  @Transform(({ value }) => (value === undefined || value === '' ? 256 : Number(value)))
  @IsInt()
  @Min(1)
  PARLEY_STATE_CACHE_MB = 256;

  /**
   * A stream folded from at least this many events (and then every time it grew by as many
   * more, or by a tenth, whichever is more) has its folded state persisted, so a cold start
   * folds only the events after it. `0`: no snapshots are written or read.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt()
  @Min(0)
  PARLEY_SNAPSHOT_EVERY = 1000;

  /** The SQLite file those snapshots are kept in; empty: beside PARLEY_DB (`parley.db` → `parley.snapshots.db`). */
  @IsString()
  PARLEY_SNAPSHOT_DB = '';

  /**
   * The most rows one read (a page, a status in the past) may look at before it answers 422
   * READ.TOO_BROAD instead: a read runs on the event loop, so an unbounded one would stall the server.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 500_000 : Number(value)))
  @IsInt()
  @Min(1)
  PARLEY_READ_BUDGET_ROWS = 500_000;

  /** Opens every read (not writes) to callers without a key. */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  PARLEY_PUBLIC_READS = false;

  /** Browser origins allowed by CORS, comma-separated; empty: CORS off. */
  @IsString()
  PARLEY_CORS_ORIGINS = '';

  /** Writes each API key may make per minute before 429. */
  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt()
  @Min(1)
  PARLEY_WRITE_LIMIT = 600;

  /** Reads (every GET but live subscriptions) each API key may make per minute before 429. */
  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt()
  @Min(1)
  PARLEY_READ_LIMIT = 600;

  /** Live subscriptions (SSE) one API key may hold open at once; one more is 429. */
  @Transform(({ value }) => (value === undefined || value === '' ? 100 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100_000)
  PARLEY_SSE_MAX_STREAMS_PER_KEY = 100;

  /**
   * The first admin key, for automated installs: used only when no key exists yet. Without it
   * the first start makes one up and prints it once.
   */
  @IsString()
  @Matches(/^$|^parley_[A-Za-z0-9_-]{20,100}$/, { message: 'PARLEY_BOOTSTRAP_ADMIN_KEY must look like parley_<20 to 100 letters, digits, - or _>' })
  PARLEY_BOOTSTRAP_ADMIN_KEY = '';

  /** How long a read with `minPosition` waits for the read models before answering 503. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(60_000)
  PARLEY_READ_WAIT_MS = 5000;

  /** How often an idle live subscription (SSE) sends a comment, so that proxies keep it open. */
  @Transform(({ value }) => (value === undefined || value === '' ? 15_000 : Number(value)))
  @IsInt()
  @Min(10)
  @Max(300_000)
  PARLEY_SSE_HEARTBEAT_MS = 15_000;

  /** Messages held for a live subscriber whose socket does not drain; one more and it is told to reconnect. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100_000)
  PARLEY_SSE_MAX_QUEUE = 1000;

  /** The same bound in bytes of wire text (default 1 MiB): a few large events cut a subscriber off as many small ones do. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1_048_576 : Number(value)))
  @IsInt()
  @Min(1024)
  @Max(1_073_741_824)
  PARLEY_SSE_MAX_QUEUE_BYTES = 1_048_576;

  /** Events a live subscriber catching up from an old position reads from the store at a time; subscribers at the same place share a page. */
  // Small enough that reading one (a synchronous SQLite read) never holds the event loop for long.
  @Transform(({ value }) => (value === undefined || value === '' ? 100 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(10_000)
  PARLEY_SSE_PAGE_SIZE = 100;

  /** The `retry:` advice sent to live subscribers: how long an EventSource waits before it reconnects. */
  @Transform(({ value }) => (value === undefined || value === '' ? 2000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(600_000)
  PARLEY_SSE_RETRY_MS = 2000;

  /**
   * A token that may read GET /metrics (`Authorization: Bearer <token>`) besides an admin key, for
   * a Prometheus scraper that should hold no API key; empty: admin keys only. At least 16 characters.
   */
  @IsString()
  @Matches(/^$|^\S{16,}$/, { message: 'PARLEY_METRICS_TOKEN must be empty or at least 16 characters with no spaces' })
  PARLEY_METRICS_TOKEN = '';

  /** GET /health/ready answers 503 while any projection is more than this many events behind the head of the store. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt()
  @Min(0)
  PARLEY_READY_MAX_LAG = 1000;
}

/** `ConfigModule`'s validate hook: defaults applied, types coerced, and a start refused with every problem listed. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const environment = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return environment;
}
