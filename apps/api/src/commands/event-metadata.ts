import { ACTOR_EVENT_SCHEMA_VERSIONS } from '@parley/domain';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { CommandRequest } from './command-request';

/** Bumped when the shape of an event's data changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** The version an event of this type is recorded at: its own where its shape has changed, else SCHEMA_VERSION. */
export const schemaVersionOf = (type: string): number => (ACTOR_EVENT_SCHEMA_VERSIONS as Readonly<Record<string, number>>)[type] ?? SCHEMA_VERSION;

// A fixed namespace makes ids derived from an Idempotency-Key the same on every retry and every process.
const PARLEY_NAMESPACE = '4f6b6a5e-2b1c-4c55-9a0e-6d1f1f1e7a01';

/** Ids for one execution of a command: derived from the Idempotency-Key when there is one. */
export type CommandIdentity = Readonly<{ commandId: string; eventId: (index: number) => string }>;

export function commandIdentity(request: CommandRequest): CommandIdentity {
  const key = request.idempotencyKey;
  if (key === undefined) return { commandId: randomUUID(), eventId: () => randomUUID() };
  const commandId = uuidv5(`command:${key}`, PARLEY_NAMESPACE);
  return { commandId, eventId: (index) => uuidv5(`${commandId}:${index}`, PARLEY_NAMESPACE) };
}

export function eventMetadata(request: CommandRequest, identity: CommandIdentity): Record<string, unknown> {
  return {
    commandId: identity.commandId,
    correlationId: request.correlationId,
    // An HTTP command is caused by the request itself, so it is its own cause.
    causationId: identity.commandId,
    recordedBy: request.recordedBy,
    schemaVersion: SCHEMA_VERSION,
    ...(request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey, requestFingerprint: request.fingerprint }),
  };
}
