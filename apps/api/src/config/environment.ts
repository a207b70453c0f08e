import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, validateSync } from 'class-validator';

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

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Request bodies above this many bytes are refused with 413. */
  @Transform(({ value }) => (value === undefined || value === '' ? 262_144 : Number(value)))
  @IsInt()
  @Min(1024)
  PARLEY_BODY_LIMIT = 262_144;

  /** How often a command is re-decided when another write to its stream got in first. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(50)
  PARLEY_CONFLICT_RETRIES = 5;

  /** How long a read with `minPosition` waits for the read models before answering 503. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(60_000)
  PARLEY_READ_WAIT_MS = 5000;
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
