import { TalksCommandType } from '@parley/domain';
import { CommandRequest } from '../commands/command-request';
import { StreamCommand } from '../commands/stream-command';

/** A talks command's data is its body plus the track id from the path. */
export const talksCommand = (talksId: string, type: TalksCommandType, body: object, request: CommandRequest, context?: StreamCommand['context']): StreamCommand =>
  new StreamCommand('talks', talksId, { type, data: { ...body, talksId } }, request, context);
