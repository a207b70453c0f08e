import { countDistinct } from '../shared/actor-refs';
import { checkDate } from '../shared/date.rules';
import { rejection, Verdict } from '../shared/error-codes';
import { checkPlace } from '../shared/place.rules';
import { MeetingHeld, MeetingScheduled } from './talks.events';
import type { TalksFacts } from './talks.state';

const checkParticipants = (participants: readonly string[]): Verdict =>
  countDistinct(participants) < 2
    ? rejection(
        'MEETING.TOO_FEW_PARTICIPANTS',
        `A meeting needs at least two distinct participants, got ${countDistinct(participants)}.`,
        'participants',
      )
    : undefined;

/** "Likely to meet": the expected date may well be in the future. */
export const checkMeetingScheduled = ({ participants, expectedAt, location }: MeetingScheduled['data']): Verdict =>
  checkParticipants(participants) ?? checkDate(expectedAt, 'expectedAt') ?? checkPlace(location, 'location');

export const checkMeetingHeld = ({ participants, location }: MeetingHeld['data']): Verdict => checkParticipants(participants) ?? checkPlace(location, 'location');

export const checkCanSchedule = (facts: TalksFacts, meetingId: string): Verdict => {
  const meeting = facts.meetings.get(meetingId);
  if (!meeting) return undefined;
  return rejection('MEETING.ALREADY_SCHEDULED', `Meeting '${meetingId}' is already ${meeting.held ? 'held' : 'scheduled'}.`, 'meetingId');
};

/** Holding a scheduled meeting fulfils it; holding one twice is a duplicate. */
export const checkCanHold = (facts: TalksFacts, meetingId: string): Verdict =>
  facts.meetings.get(meetingId)?.held ? rejection('MEETING.ALREADY_HELD', `Meeting '${meetingId}' has already been held.`, 'meetingId') : undefined;
