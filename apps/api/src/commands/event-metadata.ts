import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { EVENT_UPCASTERS } from '@parley/domain';
import { CommandRequest } from './command-request';


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

/** The metadata of an event of `type`: its schema version is the one this code writes for the type. */
export function eventMetadata(request: CommandRequest, identity: CommandIdentity, type: string): Record<string, unknown> {
  return {
    commandId: identity.commandId,
    correlationId: request.correlationId,
    // An HTTP command is caused by the request itself, so it is its own cause.
    causationId: identity.commandId,
    recordedBy: request.recordedBy,
    schemaVersion: EVENT_UPCASTERS.currentVersion(type),
    ...(request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey, requestFingerprint: request.fingerprint }),
  };
}
