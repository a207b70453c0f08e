import { nameOf } from './actor-names.js';
import { amendmentNote, confidenceBadge, correctionsList, noteLine, placeLine, sourcesList, stanceBadge, when } from './claim-parts.js';
import { h } from './element.js';
import { incidentEntry } from './incident-entry.js';
import { entriesOf } from './incident-groups.js';
import { knownBy } from './track-amendments.js';
import { claimTypeLabel } from './wording.js';

function claimItem(item, corrections, knownAt) {
  const actors = item.actors.map(({ actorId, role }) => `${nameOf(actorId)} (${role})`).join(', ');
  return h(
    'li',
    { class: 'claim', dataset: { eventId: item.eventId, type: item.type } },
    h('p', { class: 'claim-head' }, when(item.occurredAt, item.precision, item.occurredUntil), ' ', h('span', { class: 'claim-type' }, claimTypeLabel(item.type)), ' ', confidenceBadge(item.confidence),
      ' ', stanceBadge(item.stance), item.corrected > 0 ? [' ', h('span', { class: 'badge amended' }, `Corrected ×${item.corrected}`)] : undefined),
    h('p', { class: 'claim-summary' }, item.summary),
    noteLine(item.note),
    actors ? h('p', { class: 'claim-actors' }, actors) : undefined,
    placeLine(item.data),
    sourcesList(item.data.provenance?.sources),
    correctionsList(corrections, knownAt),
  );
}

function retractedItem({ retraction, claim }) {
  return h(
    'li',
    { class: 'claim retracted', dataset: { eventId: retraction.data.eventId } },
    h('p', { class: 'claim-head' }, claim ? when(claim.data.occurredAt, claim.data.precision, claim.data.occurredUntil) : undefined, ' ',
      h('span', { class: 'claim-type' }, claim ? claimTypeLabel(claim.type) : 'A claim'), ' ', h('span', { class: 'badge retracted' }, 'Retracted')),
    claim ? h('p', { class: 'claim-summary' }, h('del', {}, claim.data.summary ?? claim.data.purpose ?? claim.data.title ?? '')) : undefined,
    claim ? sourcesList(claim.data.provenance?.sources) : undefined,
    h('ul', { class: 'amendments', 'aria-label': 'Retraction' }, amendmentNote('Retraction', retraction)),
  );
}

/**
 * The live claims in date order, each with its sources, confidence, stance, precision and
 * corrections, linked reports of one event as one incident; the retracted claims too, struck
 * through, where they stood — as of the dates asked.
 */
export function timelineList(items, { corrections, retractions }, { asOf, knownAt }) {
  const shownRetractions = retractions.filter(
    ({ retraction, claim }) => knownBy(retraction, knownAt) && (asOf === undefined || claim === undefined || new Date(claim.data.occurredAt) <= asOf),
  );
  const correctionsOf = (item) => corrections.get(item.eventId) ?? [];
  const entries = [
    ...entriesOf(items).map((entry) =>
      entry.incident
        ? { at: entry.incident.reconciled.occurredFrom ?? entry.items[0].occurredAt, node: incidentEntry(entry, correctionsOf, knownAt) }
        : { at: entry.item.occurredAt, node: claimItem(entry.item, correctionsOf(entry.item), knownAt) },
    ),
    ...shownRetractions.map((retracted) => ({ at: retracted.claim?.data.occurredAt ?? retracted.retraction.data.occurredAt, node: retractedItem(retracted) })),
  ].sort((a, b) => new Date(a.at) - new Date(b.at));
  if (entries.length === 0) return h('p', { class: 'empty' }, 'No claims as of these dates.');
  return h('ol', { class: 'timeline' }, entries.map((entry) => entry.node));
}
