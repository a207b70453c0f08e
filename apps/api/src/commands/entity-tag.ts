import { ApiProblem } from '../problem/problem';

/** A stream revision as a strong entity tag. */
export const entityTag = (revision: number): string => `"${revision}"`;

/** What `If-Match` asks of the stream: any existing revision (`*`) or one of the listed ones. */
export type RevisionCondition = Readonly<{ anyExisting: true }> | Readonly<{ anyExisting: false; revisions: readonly number[] }>;

/**
 * Parses `If-Match`. Weak tags never match (RFC 9110 uses strong comparison for If-Match),
 * so they are accepted syntactically and simply fail the precondition.
 */
export function parseIfMatch(header: string | undefined): RevisionCondition | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return { anyExisting: true };
  const tags = value.split(',').map((tag) => tag.trim());
  const revisions: number[] = [];
  for (const tag of tags) {
    const match = /^(W\/)?"(\d{1,15})"$/.exec(tag);
    if (!match) {
      throw new ApiProblem(400, 'REQUEST.INVALID', 'If-Match must be "*" or quoted stream revisions, e.g. "3"', {
        errors: [{ field: 'If-Match', message: `not an entity tag: ${tag}` }],
      });
    }
    if (match[1] === undefined) revisions.push(Number(match[2]));
  }
  return { anyExisting: false, revisions };
}

/** -1 stands for "no stream yet". */
export const satisfies = (condition: RevisionCondition, currentRevision: number): boolean =>
  condition.anyExisting ? currentRevision >= 0 : condition.revisions.includes(currentRevision);
