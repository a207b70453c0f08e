/**
 * How deep a body's objects and arrays may nest. The deepest body the API takes (a correction's
 * provenance sources) is five levels; anything recursive that walks a body (validation, the
 * request fingerprint) must never meet one deep enough to overflow the stack.
 */
export const MAX_BODY_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]

/**
 * The deepest nesting of a JSON text, counted in one pass over its characters without
 * parsing it (brackets inside strings do not count), stopping as soon as it passes `limit`.
 */
export function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (OPENERS.has(code)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(code)) depth--;
  }
  return false;
}
