import { Injectable } from '@nestjs/common';
import { OtherClaim, TalksState, talksDecider, talksStreamId } from '@parley/domain';
import { StreamStateCache } from '../commands/stream-state.cache';

/**
 * A claim of another track, as that track's cached state has it: what a link across tracks
 * tells its decider, which sees one stream only. The other track may change before the link is
 * appended; the link records a judgement made on what it showed then.
 */
@Injectable()
export class OtherTrackClaims {
  constructor(private readonly states: StreamStateCache) {}

  async find(talksId: string, eventId: string): Promise<ReadonlyMap<string, OtherClaim>> {
    const track = (await this.states.load(talksStreamId(talksId), talksDecider)).state as TalksState;
    const record = track.status === 'not_opened' ? undefined : track.claims.get(eventId);
    return new Map(record ? [[eventId, { talksId, type: record.claim.type, retracted: record.retracted }]] : []);
  }
}
