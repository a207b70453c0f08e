import { getJson } from './api.js';

const HISTORY_PAGE = 1000;

/**
 * The corrections and retractions of a track, from its history: the timeline shows a claim
 * with its corrections merged in, and no longer shows a retracted claim at all, so the board
 * reads what changed, and why, from the events themselves.
 */
export async function amendmentsOf(talksId) {
  const events = [];
  for (let fromRevision = 0; fromRevision !== null; ) {
    const page = await getJson(`/v1/talks/${encodeURIComponent(talksId)}/history`, { fromRevision, limit: HISTORY_PAGE });
    events.push(...page.events);
    fromRevision = page.nextRevision;
  }
  const byId = new Map(events.map((event) => [event.id, event]));
  const corrections = new Map();
  const retractions = [];
  for (const event of events) {
    if (event.type === 'ClaimCorrected') corrections.set(event.data.eventId, [...(corrections.get(event.data.eventId) ?? []), event]);
    if (event.type === 'ClaimRetracted') retractions.push({ retraction: event, claim: byId.get(event.data.eventId) });
  }
  return { corrections, retractions };
}

/** Only what had been recorded by `knownAt` (a Date), when one is asked. */
export const knownBy = (event, knownAt) => knownAt === undefined || new Date(event.recordedAt) <= knownAt;
