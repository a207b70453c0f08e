import { ProposedEvent } from './in-memory-log';

/**
 * The bytes EventStoreDB 23.10 counts against `MaxAppendSize` for one event. Its
 * `Event.SizeOnDisk` reads `data?.Length ?? 0 + metadata?.Length ?? 0 + eventType.Length * 2`,
 * which C#'s precedence (`+` before `??`) makes the data's length alone: metadata and type
 * are not counted. Reproduced as it is, so the double refuses exactly what a node refuses.
 */
export const sizeOnDisk = (event: ProposedEvent): number => event.data.length;
