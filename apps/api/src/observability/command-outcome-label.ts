import { CommandOutcome, isCommandOutcome } from '../commands/command-outcome';
import { toProblem } from '../problem/to-problem';

/** A command's outcome as a metric label: what it did, or the problem code the client was answered. */
export function commandOutcomeLabel(result: CommandOutcome | unknown): string {
  if (isCommandOutcome(result)) return result.replayed ? 'replayed' : result.status === 201 ? 'recorded' : 'unchanged';
  return toProblem(result, '').body.code;
}
