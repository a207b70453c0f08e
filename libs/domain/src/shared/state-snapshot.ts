/**
 * How a decider's folded state is written down and read back, so that a process can start from
 * a snapshot of it instead of folding the whole stream again, as text (each codec picks the
 * layout that reads back fastest; plain JSON where nothing is gained by more).
 *
 * `version` names the form *and* what the fold put into it: bump it whenever the state's shape
 * changes, and also when `evolve` or an upcaster changes (events are upcast before they are
 * folded, so a snapshot holds the state the current upcasters and `evolve` made). A snapshot of
 * another version is not read: the stream is folded again from its events.
 */
export type StateCodec<S> = Readonly<{
  version: number;
  encode: (state: S) => string;
  /**
   * The same text as `encode`, in parts whose concatenation it is, each made only when reached:
   * a writer can hand the event loop back between them, so a long stream's snapshot does not
   * hold up every other request while it is written. Optional: small states are one part.
   */
  encodeParts?: (state: S) => Iterable<string>;
  /** Throws SnapshotFormError when the text is not one `encode` made. */
  decode: (text: string) => S;
  /**
   * The same as `decode`, in steps: the generator yields between parts of the work and returns
   * the state, so a reader can hand the event loop back between them while a long stream's
   * snapshot is restored. Optional: small states are decoded at once.
   */
  decodeSteps?: (text: string) => Generator<void, S, void>;
}>;

/** What a generator of steps returns, with every step taken at once. */
export const finished = <T>(steps: Generator<void, T, void>): T => {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
};

export class SnapshotFormError extends Error {
  constructor(what: string) {
    super(`Not a snapshot form: ${what}`);
    this.name = 'SnapshotFormError';
  }
}

/** The value when `check` holds; else a SnapshotFormError naming `what`. */
export const expectForm = <T>(value: unknown, check: (value: unknown) => boolean, what: string): T => {
  if (!check(value)) throw new SnapshotFormError(what);
  return value as T;
};

/** The JSON value the text holds; a SnapshotFormError when it holds none. */
export const parseForm = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new SnapshotFormError('JSON text');
  }
};

export const isString = (value: unknown): value is string => typeof value === 'string';
