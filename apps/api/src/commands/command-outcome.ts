/** What a command answers: the stream's revision and global position after it, and the events it recorded. */
export type CommandResultBody = Readonly<{
  streamId: string;
  revision: number;
  /** Decimal string: global positions are 64-bit. */
  position: string;
  events: ReadonlyArray<Readonly<{ id: string; type: string }>>;
}>;

export type CommandOutcome = Readonly<{
  /** 201 when events were recorded, 200 when the command changed nothing. */
  status: 200 | 201;
  body: CommandResultBody;
  /** True when an Idempotency-Key matched an earlier request and its answer is repeated. */
  replayed: boolean;
}>;

export const isCommandOutcome = (value: unknown): value is CommandOutcome =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value && 'replayed' in value;
