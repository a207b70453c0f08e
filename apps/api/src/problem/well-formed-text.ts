/** A UTF-16 surrogate without its other half: not a character, and garbled by every encoder that meets it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/**
 * True when some string of a parsed JSON value, or some key, holds a lone surrogate. JSON
 * lets `\ud800` through; the store and the read models would keep it in different ways.
 * Walked with a stack of its own, not by recursion (the nesting is bounded before, anyway).
 */
export function holdsLoneSurrogate(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (hasLoneSurrogate(next)) return true;
    } else if (Array.isArray(next)) {
      pending.push(...next);
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, inner] of Object.entries(next)) {
        if (hasLoneSurrogate(key)) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}
