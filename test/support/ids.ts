import { randomBytes } from 'node:crypto';

/** A slug no other test uses, so tests never share a stream. */
export const uniqueSlug = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;
