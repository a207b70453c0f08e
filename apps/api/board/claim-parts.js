import { h } from './element.js';
import { knownBy } from './track-amendments.js';
import { CONFIDENCE_LABELS, STANCE_LABELS, claimDateText, claimPeriodText, placeText, recordedText } from './wording.js';

/** The pieces a claim is shown with, alone on the timeline or as one report of an incident. */

const sourceText = (source) =>
  [
    source.publisher,
    source.originator && `from ${source.originator}`,
    source.syndicatedFrom && `reprinting ${source.syndicatedFrom}`,
    source.publishedAt && `published ${claimDateText(source.publishedAt)}`,
  ].filter(Boolean).join(', ');

// A denial is the source's stance, said in words beside it, not only by a colour.
const denies = (source) => (source.stance === 'denies' ? h('span', { class: 'badge stance-denied' }, 'denies it') : undefined);

export const sourcesList = (sources = []) =>
  h(
    'ul',
    { class: 'sources', 'aria-label': 'Sources' },
    sources.map((source) => h('li', {}, sourceText(source), source.stance === 'denies' ? [' ', denies(source)] : undefined, source.quote ? h('q', {}, source.quote) : undefined)),
  );

// An unsourced opening has no confidence, and an undated one no date: they show neither.
export const confidenceBadge = (confidence) =>
  confidence ? h('span', { class: `badge confidence-${confidence}` }, CONFIDENCE_LABELS[confidence] ?? confidence) : undefined;

export const stanceBadge = (stance) =>
  STANCE_LABELS[stance] ? h('span', { class: `badge stance-${stance}`, dataset: { stance } }, STANCE_LABELS[stance]) : undefined;

/** A date, or a range said once ("24–30 Nov 2023"), at the claim's precision. */
export const when = (occurredAt, precision, occurredUntil) =>
  occurredAt
    ? h(
        'span',
        { class: 'when' },
        occurredUntil
          ? h('span', { class: 'date-range', dataset: { from: occurredAt, until: occurredUntil } }, claimPeriodText(occurredAt, occurredUntil, precision))
          : h('time', { datetime: occurredAt }, claimDateText(occurredAt, precision)),
        h('span', { class: 'precision' }, ` (${precision})`),
      )
    : h('span', { class: 'when' }, 'Undated');

export const noteLine = (note) => (note ? h('p', { class: 'claim-note' }, h('strong', {}, 'Note: '), note) : undefined);

/** Where a claim happened, when it says: a swap's or a ceasefire's place, a meeting's location. */
export function placeLine(data) {
  const place = placeText(data.place ?? data.location);
  return place ? h('p', { class: 'claim-place' }, `In ${place}`) : undefined;
}

export function amendmentNote(kind, event) {
  return h(
    'li',
    {},
    h('strong', {}, `${kind} `),
    `recorded ${recordedText(event.recordedAt)}: ${event.data.reason}`,
    h('span', { class: 'amendment-confidence' }, ' — ', confidenceBadge(event.data.provenance.confidence)),
    sourcesList(event.data.provenance.sources),
  );
}

/** A claim's corrections recorded by `knownAt`, each with its reason. */
export function correctionsList(corrections, knownAt) {
  const known = corrections.filter((event) => knownBy(event, knownAt));
  return known.length > 0 ? h('ul', { class: 'amendments', 'aria-label': 'Corrections' }, known.map((event) => amendmentNote('Correction', event))) : undefined;
}
