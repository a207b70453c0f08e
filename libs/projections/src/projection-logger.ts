/** What the runner reports; the API passes its pino logger, tests a silent one. */
export interface ProjectionLogger {
  log(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const SILENT_LOGGER: ProjectionLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
