import { randomUUID } from 'node:crypto';
import { EVENT_UPCASTERS } from '@parley/domain';
import { EventToAppend } from '@parley/event-store';

/**
 * Bodies and events shaped after the seed story (scripts/demo/seed-story.ts) with fresh ids,
 * so every benchmark writes what the API really records, at a realistic size.
 */

export const BENCH_ACTORS = [
  { id: 'steve-witkoff', name: 'Steve Witkoff', kind: 'person', country: 'USA' },
  { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', country: 'RUS' },
  { id: 'kirill-dmitriev', name: 'Kirill Dmitriev', kind: 'person', country: 'RUS' },
  { id: 'usa', name: 'United States', kind: 'state', country: 'USA' },
  { id: 'rus', name: 'Russia', kind: 'state', country: 'RUS' },
] as const;

const ARTICLE = 'News report: "Trump\'s envoy Steve Witkoff likely to meet Putin in Russia"';

const provenance = (quote: string, confidence: 'rumoured' | 'reported' | 'confirmed' = 'reported') => ({
  sources: [{ publisher: ARTICLE, publishedAt: '2025-04-11', quote }],
  confidence,
});

export const trackId = (index: number): string => `bench-track-${index}`;

export const openTalksBody = (talksId: string) => ({
  id: talksId,
  title: 'US–Russia talks to end the war in Ukraine',
  subject: 'Ending the conflict in Ukraine and restoring US–Russia contacts',
  parties: ['usa', 'rus'],
  mediators: [],
  occurredAt: '2025-02-01',
  precision: 'month',
  provenance: provenance('after Moscow and Washington initiated their talks to end the conflict in Ukraine'),
});

/** `POST /v1/talks/:id/meetings`: a new meetingId each time, else the decider refuses a second hold. */
export const meetingBody = (meetingId: string) => ({
  meetingId,
  participants: ['steve-witkoff', 'kirill-dmitriev'],
  location: { country: 'RUS', city: 'Saint Petersburg' },
  format: 'in_person',
  summary: "Witkoff met Putin's special envoy for investment and international economic affairs",
  occurredAt: '2025-04-11',
  precision: 'day',
  provenance: provenance("held a meeting with Russian President Vladimir Putin's special envoy for investment and international economic affairs"),
});

/** Written as the app writes it: at the type's current schema version. */
const metadata = (type: string) => {
  const commandId = randomUUID();
  return { commandId, correlationId: commandId, causationId: commandId, recordedBy: 'bench-seed', schemaVersion: EVENT_UPCASTERS.currentVersion(type) };
};

/** The event a track starts with. */
export const talksOpened = (talksId: string): EventToAppend => {
  const { id, ...data } = openTalksBody(talksId);
  return { id: randomUUID(), type: 'TalksOpened', data: { talksId: id, ...data }, metadata: metadata('TalksOpened') };
};

/**
 * The n-th claim of a track after its opening: visits, held and scheduled meetings, prisoner
 * swaps and hostage releases in turn, each with its own meeting or swap id so all stay valid.
 */
export const talksClaim = (talksId: string, n: number): EventToAppend => {
  const base = { talksId, occurredAt: '2025-04-11', precision: 'day' };
  const event = (type: string, data: object): EventToAppend => ({ id: randomUUID(), type, data: { ...base, ...data }, metadata: metadata(type) });
  switch (n % 5) {
    case 0:
      return event('EnvoyVisited', {
        envoyId: 'steve-witkoff',
        hostCountry: 'RUS',
        city: 'Saint Petersburg',
        purpose: 'Talks on ending the war in Ukraine; may push to rekindle ceasefire talks',
        provenance: provenance("US President Donald Trump's senior aide Steve Witkoff, who is currently in Russia"),
      });
    case 1: {
      const { meetingId, ...data } = meetingBody(`seeded-${n}`);
      return event('MeetingHeld', { meetingId, ...data });
    }
    case 2:
      return event('MeetingScheduled', {
        meetingId: `expected-${n}`,
        participants: ['steve-witkoff', 'vladimir-putin'],
        location: { country: 'RUS' },
        expectedAt: '2025-04-12',
        provenance: provenance('likely to meet Putin in Russia', 'rumoured'),
      });
    case 3:
      return event('PrisonerSwapped', {
        swapId: `swap-${n}`,
        releases: [{ person: 'Marc Fogel', nationality: 'USA', releasedBy: 'rus', detainedSince: '2021-08', sentence: '14 years' }],
        mediators: ['steve-witkoff', 'kirill-dmitriev'],
        provenance: provenance('talks that led to a prisoner swap that freed Marc Fogel'),
      });
    default:
      return event('HostagesReleased', {
        count: { best: 3 },
        releasedBy: 'rus',
        provenance: provenance('freed from captivity'),
      });
  }
};
