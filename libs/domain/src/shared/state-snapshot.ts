/**
 * How a decider's folded state is written down and read back, so that a process can start from
 * a snapshot of it instead of folding the whole stream again. The form is plain JSON.
 *
 * `version` names the form *and* what the fold put into it: bump it whenever the state's shape
 * changes, and also when `evolve` or an upcaster changes (events are upcast before they are
 * folded, so a snapshot holds the state the current upcasters and `evolve` made). A snapshot of
 * another version is not read: the stream is folded again from its events.
 */
export type StateCodec<S> = Readonly<{
  version: number;
  encode: (state: S) => unknown;
  /** Throws SnapshotFormError when the form is not one `encode` made. */
  decode: (form: unknown) => S;
}>;

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

export const isString = (value: unknown): value is string => typeof value === 'string';
