import { Client, expectStatus } from './http-client';

export type LoggedEvent = Readonly<{ id: string; streamId: string; type: string; revision: number; position: string; metadata: Record<string, unknown>; data: Record<string, unknown> }>;

const PAGE = 1000;
// Bounded: the suite writes far fewer events than this.
const MAX_PAGES = 500;

/** Every event of `$all`, oldest first, through GET /v1/events. */
export async function readAllEvents(client: Client): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  let after = '0';
  for (let page = 0; page < MAX_PAGES; page++) {
    const { body } = expectStatus(await client.get(`/v1/events?after=${after}&limit=${PAGE}`), 200);
    events.push(...(body.events as LoggedEvent[]));
    if (body.events.length < PAGE) return events;
    after = body.nextAfter as string;
  }
  throw new Error(`More than ${MAX_PAGES * PAGE} events`);
}

/** A track's whole history through GET /v1/talks/:id/history, oldest first. */
export async function readTrackHistory(client: Client, talksId: string): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  let from: number | null = 0;
  for (let page = 0; page < MAX_PAGES && from !== null; page++) {
    const { body } = expectStatus(await client.get(`/v1/talks/${talksId}/history?fromRevision=${from}&limit=${PAGE}`), 200);
    events.push(...(body.events as LoggedEvent[]).map((event) => ({ ...event, streamId: `talks-${talksId}` })));
    from = body.nextRevision as number | null;
  }
  return events;
}

/** The head of `$all`: the position of its last event, 0 when empty. */
export async function headPosition(client: Client): Promise<bigint> {
  const events = await readAllEvents(client);
  return events.length === 0 ? 0n : BigInt(events[events.length - 1].position);
}
