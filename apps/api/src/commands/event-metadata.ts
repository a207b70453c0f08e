import { createHash, randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { EVENT_UPCASTERS } from '@parley/domain';
import { CommandRequest } from './command-request';


// A fixed namespace makes ids derived from an Idempotency-Key the same on every retry and every process.
const PARLEY_NAMESPACE = '4f6b6a5e-2b1c-4c55-9a0e-6d1f1f1e7a01';

/** Ids for one execution of a command: derived from the Idempotency-Key when there is one. */
export type CommandIdentity = Readonly<{ commandId: string; eventId: (index: number) => string }>;

/**
 * The same caller sending the same key to the same route gets the same ids, on every retry and
 * in every process: that is how a retry after a crash finds its events. Another caller's key,
 * or another route's, is another command.
 */
export function commandIdentity(request: CommandRequest): CommandIdentity {
  const key = request.idempotencyKey;
  if (key === undefined) return { commandId: randomUUID(), eventId: () => randomUUID() };
  const commandId = uuidv5(`command:${request.idempotencyScope}\n${key}`, PARLEY_NAMESPACE);
  return { commandId, eventId: (index) => uuidv5(`${commandId}:${index}`, PARLEY_NAMESPACE) };
}

/** What event metadata keeps of an Idempotency-Key: its SHA-256, so its sender can find the events and no reader can reuse it. */
export const idempotencyKeyHash = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The metadata of an event of `type`: its schema version is the one this code writes for the type. */
export function eventMetadata(request: CommandRequest, identity: CommandIdentity, type: string): Record<string, unknown> {
  return {
    commandId: identity.commandId,
    correlationId: request.correlationId,
    // An HTTP command is caused by the request itself, so it is its own cause.
    causationId: identity.commandId,
    recordedBy: request.recordedBy,
    schemaVersion: EVENT_UPCASTERS.currentVersion(type),
    ...(request.idempotencyKey === undefined
      ? {}
      : { idempotencyKeyHash: idempotencyKeyHash(request.idempotencyKey), requestFingerprint: request.fingerprint }),
  };
}
