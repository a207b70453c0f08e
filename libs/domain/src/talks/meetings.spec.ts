import { specify } from '../testing/given-when-then';
import { commandFor, held, opened, scheduled } from '../testing/talks.fixtures';
import { talksDecider } from './talks.decider';
import { OpenedTalks } from './talks.state';

const { given } = specify(talksDecider);

describe('scheduling a meeting', () => {
  it('records MeetingScheduled, even for a date in the future', () => {
    given([opened()]).when(commandFor(scheduled({ expectedAt: '2025-06-01' }))).thenEvents([scheduled({ expectedAt: '2025-06-01' })]);
    given([opened()]).when(commandFor(scheduled({ expectedAt: '2025-06-01T10:00:00+03:00' }))).thenAccepted();
  });

  it('needs two distinct participants', () => {
    given([opened()]).when(commandFor(scheduled({ participants: ['usa', 'usa'] }))).thenError('MEETING.TOO_FEW_PARTICIPANTS', 'participants');
  });

  it('refuses an expected date that is not a date', () => {
    given([opened()]).when(commandFor(scheduled({ expectedAt: 'next week' }))).thenError('DATE.INVALID', 'expectedAt');
    given([opened()]).when(commandFor(scheduled({ expectedAt: '2025-06' }))).thenError('DATE.INVALID', 'expectedAt');
  });

  it('refuses an id already scheduled', () => {
    given([opened(), scheduled()]).when(commandFor(scheduled())).thenError('MEETING.ALREADY_SCHEDULED', 'meetingId');
  });

  it('refuses an id already held', () => {
    given([opened(), held()]).when(commandFor(scheduled())).thenError('MEETING.ALREADY_SCHEDULED', 'meetingId');
  });

  it('refuses unregistered participants, naming the one', () => {
    given([opened()]).when(commandFor(scheduled({ participants: ['usa', 'rus', 'xyz'] }))).thenError('ACTOR.UNKNOWN', 'participants[2]');
  });
});

describe('recording a meeting held', () => {
  it('records MeetingHeld', () => {
    given([opened()]).when(commandFor(held())).thenEvents([held()]);
  });

  it('needs two distinct participants; duplicates do not count twice', () => {
    given([opened()]).when(commandFor(held({ participants: ['usa'] }))).thenError('MEETING.TOO_FEW_PARTICIPANTS');
    given([opened()]).when(commandFor(held({ participants: ['usa', 'usa', 'usa'] }))).thenError('MEETING.TOO_FEW_PARTICIPANTS');
    given([opened()]).when(commandFor(held({ participants: ['usa', 'usa', 'rus'] }))).thenAccepted();
  });

  it('refuses unregistered participants, naming the one', () => {
    given([opened()]).when(commandFor(held({ participants: ['usa', 'nobody'] }))).thenError('ACTOR.UNKNOWN', 'participants[1]');
  });

  it('fulfils a scheduled meeting with the same id', () => {
    given([opened(), scheduled()]).when(commandFor(held())).thenEvents([held()]);
    const meeting = (given([opened(), scheduled(), held()]).state() as OpenedTalks).meetings.get('riyadh-1');
    expect(meeting).toMatchObject({ meetingId: 'riyadh-1', scheduled: { eventId: 'e2' }, held: { eventId: 'e3' } });
  });

  it('refuses a meeting id already held', () => {
    given([opened(), held()]).when(commandFor(held())).thenError('MEETING.ALREADY_HELD', 'meetingId');
    given([opened(), scheduled(), held()]).when(commandFor(held())).thenError('MEETING.ALREADY_HELD');
  });

  it('accepts another meeting under another id', () => {
    given([opened(), held()]).when(commandFor(held({ meetingId: 'riyadh-2' }))).thenAccepted();
  });

  it('refuses a meeting in the future', () => {
    given([opened()]).when(commandFor(held({ occurredAt: '2025-03-15' }))).thenError('DATE.IN_FUTURE', 'occurredAt');
  });
});
