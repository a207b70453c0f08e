import { nameOf } from './actor-names.js';
import { h } from './element.js';
import { knownBy } from './track-amendments.js';
import { CONFIDENCE_LABELS, claimDateText, claimTypeLabel, recordedText } from './wording.js';

const sourceText = (source) =>
  [source.publisher, source.originator && `from ${source.originator}`, source.publishedAt && `published ${claimDateText(source.publishedAt)}`].filter(Boolean).join(', ');

const sourcesList = (provenance) =>
  h(
    'ul',
    { class: 'sources', 'aria-label': 'Sources' },
    (provenance?.sources ?? []).map((source) => h('li', {}, sourceText(source), source.quote ? h('q', {}, source.quote) : undefined)),
  );

// An unsourced opening has no confidence, and an undated one no date: they show neither.
const confidenceBadge = (confidence) =>
  confidence ? h('span', { class: `badge confidence-${confidence}` }, CONFIDENCE_LABELS[confidence] ?? confidence) : undefined;

const when = (occurredAt, precision, occurredUntil) =>
  occurredAt
    ? h(
        'span',
        { class: 'when' },
        h('time', { datetime: occurredAt }, claimDateText(occurredAt, precision)),
        occurredUntil ? [' – ', h('time', { datetime: occurredUntil }, claimDateText(occurredUntil, precision))] : undefined,
        h('span', { class: 'precision' }, ` (${precision})`),
      )
    : h('span', { class: 'when' }, 'Undated');

function amendmentNote(kind, event) {
  return h(
    'li',
    {},
    h('strong', {}, `${kind} `),
    `recorded ${recordedText(event.recordedAt)}: ${event.data.reason}`,
    h('span', { class: 'amendment-confidence' }, ' — ', confidenceBadge(event.data.provenance.confidence)),
    sourcesList(event.data.provenance),
  );
}

function claimItem(item, corrections) {
  const actors = item.actors.map(({ actorId, role }) => `${nameOf(actorId)} (${role})`).join(', ');
  return h(
    'li',
    { class: 'claim', dataset: { eventId: item.eventId, type: item.type } },
    h('p', { class: 'claim-head' }, when(item.occurredAt, item.precision, item.occurredUntil), ' ', h('span', { class: 'claim-type' }, claimTypeLabel(item.type)), ' ', confidenceBadge(item.confidence),
      item.corrected > 0 ? [' ', h('span', { class: 'badge amended' }, `Corrected ×${item.corrected}`)] : undefined),
    h('p', { class: 'claim-summary' }, item.summary),
    actors ? h('p', { class: 'claim-actors' }, actors) : undefined,
    sourcesList(item.data.provenance),
    corrections.length > 0 ? h('ul', { class: 'amendments', 'aria-label': 'Corrections' }, corrections.map((event) => amendmentNote('Correction', event))) : undefined,
  );
}

function retractedItem({ retraction, claim }) {
  return h(
    'li',
    { class: 'claim retracted', dataset: { eventId: retraction.data.eventId } },
    h('p', { class: 'claim-head' }, claim ? when(claim.data.occurredAt, claim.data.precision) : undefined, ' ',
      h('span', { class: 'claim-type' }, claim ? claimTypeLabel(claim.type) : 'A claim'), ' ', h('span', { class: 'badge retracted' }, 'Retracted')),
    claim ? h('p', { class: 'claim-summary' }, h('del', {}, claim.data.summary ?? claim.data.purpose ?? claim.data.title ?? '')) : undefined,
    claim ? sourcesList(claim.data.provenance) : undefined,
    h('ul', { class: 'amendments', 'aria-label': 'Retraction' }, amendmentNote('Retraction', retraction)),
  );
}

/**
 * The live claims in date order, each with its sources, confidence, precision and corrections;
 * the retracted ones too, struck through, where they stood — as of the dates asked.
 */
export function timelineList(items, { corrections, retractions }, { asOf, knownAt }) {
  const shownRetractions = retractions.filter(
    ({ retraction, claim }) => knownBy(retraction, knownAt) && (asOf === undefined || claim === undefined || new Date(claim.data.occurredAt) <= asOf),
  );
  const entries = [
    ...items.map((item) => ({ at: item.occurredAt, node: claimItem(item, (corrections.get(item.eventId) ?? []).filter((event) => knownBy(event, knownAt))) })),
    ...shownRetractions.map((retracted) => ({ at: retracted.claim?.data.occurredAt ?? retracted.retraction.data.occurredAt, node: retractedItem(retracted) })),
  ].sort((a, b) => new Date(a.at) - new Date(b.at));
  if (entries.length === 0) return h('p', { class: 'empty' }, 'No claims as of these dates.');
  return h('ol', { class: 'timeline' }, entries.map((entry) => entry.node));
}
