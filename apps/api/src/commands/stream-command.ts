import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@parley/domain';
import { AggregateName } from './aggregates';
import { CommandOutcome } from './command-outcome';
import { CommandRequest } from './command-request';

/**
 * The one Nest command: "decide this domain command against that stream". Every route that
 * writes sends one, and one generic handler runs read → fold → decide → append for all.
 */
export class StreamCommand extends Command<CommandOutcome> {
  constructor(
    readonly aggregate: AggregateName,
    readonly id: string,
    readonly command: Readonly<{ type: string; data: object }>,
    readonly request: CommandRequest,
    /** What the route looked up beyond this stream for the decision (a linked claim of another track, the links other tracks recorded). */
    readonly context: Readonly<Pick<CommandContext, 'otherClaims' | 'linksElsewhere'>> = {},
  ) {
    super();
  }
}
