import { LoggedEvent } from './event-log';

/** What a 201 told the client: the stream, its new revision, the global position, the events. */
export type Acknowledgement = Readonly<{
  streamId: string;
  revision: number;
  position: string;
  events: ReadonlyArray<Readonly<{ id: string; type: string }>>;
}>;

/**
 * The client's own record of every acknowledged command. The server promised these facts
 * the moment it answered 201, so whatever happens afterwards they must be in the store.
 */
export class Ledger {
  private readonly acknowledged: Acknowledgement[] = [];

  record(answer: Acknowledgement): void {
    this.acknowledged.push(answer);
  }

  get size(): number {
    return this.acknowledged.length;
  }

  get eventCount(): number {
    return this.acknowledged.reduce((count, answer) => count + answer.events.length, 0);
  }

  /**
   * Problems found comparing the ledger with `$all` (empty when all is well): each
   * acknowledged event present exactly once where the answer placed it.
   */
  missingOrMoved(all: readonly LoggedEvent[]): string[] {
    const byId = new Map<string, LoggedEvent[]>();
    for (const event of all) byId.set(event.id, [...(byId.get(event.id) ?? []), event]);
    const problems: string[] = [];
    for (const answer of this.acknowledged) {
      answer.events.forEach(({ id, type }, index) => {
        const found = byId.get(id) ?? [];
        const revision = answer.revision - (answer.events.length - 1) + index;
        if (found.length !== 1) return problems.push(`event ${id} of ${answer.streamId} is stored ${found.length} times`);
        const [event] = found;
        if (event.streamId !== answer.streamId || event.revision !== revision || event.type !== type) {
          problems.push(`event ${id} acknowledged at ${answer.streamId}@${revision} (${type}) is ${event.streamId}@${event.revision} (${event.type})`);
        }
        const last = index === answer.events.length - 1;
        if (last && event.position !== answer.position) problems.push(`event ${id} acknowledged at position ${answer.position} is at ${event.position}`);
        return undefined;
      });
    }
    return problems;
  }
}

/**
 * Problems with the shape of `$all` itself: ids unique, positions strictly increasing,
 * every stream's revisions 0, 1, 2… with no gap and no repeat, in position order.
 */
export function logShapeProblems(all: readonly LoggedEvent[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const nextRevision = new Map<string, number>();
  let previous = 0n;
  for (const event of all) {
    if (ids.has(event.id)) problems.push(`event id ${event.id} appears twice`);
    ids.add(event.id);
    const position = BigInt(event.position);
    if (position <= previous) problems.push(`position ${position} follows ${previous}`);
    previous = position;
    const expected = nextRevision.get(event.streamId) ?? 0;
    if (event.revision !== expected) problems.push(`${event.streamId} has revision ${event.revision} where ${expected} was due`);
    nextRevision.set(event.streamId, event.revision + 1);
  }
  return problems;
}

/** A stream's history (GET …/history) must be exactly its slice of `$all`. */
export function historyProblems(streamId: string, history: readonly LoggedEvent[], all: readonly LoggedEvent[]): string[] {
  const key = (event: LoggedEvent) => `${event.id}@${event.revision}#${event.position}`;
  const fromAll = all.filter((event) => event.streamId === streamId).map(key);
  const fromHistory = history.map(key);
  return JSON.stringify(fromAll) === JSON.stringify(fromHistory) ? [] : [`history of ${streamId} differs from its events in $all`];
}

/** The acknowledgement in a 201's body. */
export const acknowledgementOf = (body: Acknowledgement): Acknowledgement => ({
  streamId: body.streamId,
  revision: body.revision,
  position: body.position,
  events: body.events,
});
