import { StoredData, UpcasterTable, Upcaster } from './upcaster';

/** A stored event read as the current version of its type. */
export type Upcasted = Readonly<{ data: unknown; schemaVersion: number }>;

export type UpcasterRegistry = Readonly<{
  /** The version this code writes for an event type (1 for a type no table lists). */
  currentVersion: (type: string) => number;
  /**
   * Stored data of `schemaVersion` (1 when missing or unreadable) run through every later step
   * of its type. Data already current, data that is not an object, or a version newer than this
   * code knows comes back unchanged: the fold decides what it can use.
   */
  upcast: (type: string, data: unknown, schemaVersion: unknown) => Upcasted;
}>;

const isObject = (value: unknown): value is StoredData => typeof value === 'object' && value !== null && !Array.isArray(value);

const storedVersion = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1);

/**
 * The one registry of every aggregate's upcasters. Two tables listing the same event type are a
 * programming error, refused when the registry is built rather than resolved by order.
 */
export const upcasterRegistry = (tables: readonly UpcasterTable[]): UpcasterRegistry => {
  const steps = new Map<string, readonly Upcaster[]>();
  for (const table of tables) {
    for (const [type, upcasters] of Object.entries(table)) {
      if (steps.has(type)) throw new Error(`Two upcaster tables list event type ${type}`);
      steps.set(type, upcasters);
    }
  }
  const currentVersion = (type: string): number => (steps.get(type)?.length ?? 0) + 1;
  const upcast = (type: string, data: unknown, schemaVersion: unknown): Upcasted => {
    const from = storedVersion(schemaVersion);
    const chain = steps.get(type) ?? [];
    if (from > chain.length || !isObject(data)) return { data, schemaVersion: from };
    let upcasted: StoredData = data;
    for (const step of chain.slice(from - 1)) upcasted = step(upcasted);
    return { data: upcasted, schemaVersion: chain.length + 1 };
  };
  return { currentVersion, upcast };
};
