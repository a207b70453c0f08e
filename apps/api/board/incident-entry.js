import { confidenceBadge, correctionsList, noteLine, placeLine, sourcesList, stanceBadge, when } from './claim-parts.js';
import { h } from './element.js';
import { CONFLICT_LABELS, claimPeriodText, claimTypeLabel, countText, rangeText } from './wording.js';

const plural = (count, one, many) => `${countText(count)} ${count === 1 ? one : many}`;

const FREED = [['hostagesFreed', 'hostages freed'], ['prisonersFreed', 'prisoners freed']];

/** `3 (3–4) hostages freed`: the counts a report states, or the incident's reconciled ones. */
const freedText = (counts = {}) =>
  FREED.filter(([key]) => counts[key]?.high > 0).map(([key, words]) => `${rangeText(counts[key])} ${words}`).join(', ');

/** The incident's date: the reports' common days, or, when they have none, the span of them all. */
const reconciledWhen = ({ occurredFrom, occurredUntil }) =>
  occurredFrom ? h('span', { class: 'when' }, h('span', { class: 'date-range', dataset: { from: occurredFrom, until: occurredUntil } }, claimPeriodText(occurredFrom, occurredUntil ?? occurredFrom))) : h('span', { class: 'when' }, 'Undated');

/**
 * One report of the incident, as the incident tells of it (stance, summary, note, counts); a
 * report of this track on this page adds its place and corrections from its timeline item.
 */
function reportItem(report, item, sources, correctionsOf, knownAt) {
  return h(
    'li',
    { class: 'report', dataset: { eventId: report.eventId } },
    h('p', { class: 'claim-head' }, when(report.occurredAt, report.precision, report.occurredUntil), ' ', confidenceBadge(report.confidence), ' ', stanceBadge(report.stance),
      item?.corrected > 0 ? [' ', h('span', { class: 'badge amended' }, `Corrected ×${item.corrected}`)] : undefined,
      item ? undefined : [' ', h('a', { class: 'other-track', href: `#/track/${encodeURIComponent(report.talksId)}` }, `on track ${report.talksId}`)]),
    h('p', { class: 'claim-summary' }, report.summary),
    noteLine(report.note),
    item ? placeLine(item.data) : undefined,
    sourcesList(item?.data.provenance?.sources ?? sources),
    item ? correctionsList(correctionsOf(item), knownAt) : undefined,
  );
}

/** Reports linked as one real-world event: shown once, with every report, its sources and the reconciled figures. */
export function incidentEntry({ incident, items }, correctionsOf, knownAt) {
  const itemOf = new Map(items.map((item) => [item.eventId, item]));
  const sourcesOf = (eventId) => incident.sources.filter((source) => source.eventId === eventId);
  const reconciledFreed = freedText(incident.reconciled);
  const conflicting = incident.conflicting ?? [];
  return h(
    'li',
    { class: 'claim incident', dataset: { incidentId: incident.id, type: items[0].type } },
    h('p', { class: 'claim-head' }, reconciledWhen(incident.reconciled), ' ', h('span', { class: 'claim-type' }, claimTypeLabel(items[0].type)), ' ',
      conflicting.map((what) => [h('span', { class: 'badge conflict', dataset: { conflicting: what } }, CONFLICT_LABELS[what] ?? `Conflicting ${what}`), ' '])),
    h('p', { class: 'incident-count' }, `One incident · ${plural(incident.reports.length, 'report', 'reports')} · ${plural(incident.independentSources, 'independent source', 'independent sources')}`),
    h('p', { class: 'reconciled' }, h('strong', {}, 'Reconciled: '), [incident.reconciled.occurredFrom && claimPeriodText(incident.reconciled.occurredFrom, incident.reconciled.occurredUntil), reconciledFreed].filter(Boolean).join(' · ')),
    h('ol', { class: 'reports', 'aria-label': 'Reports' }, incident.reports.map((report) => reportItem(report, itemOf.get(report.eventId), sourcesOf(report.eventId), correctionsOf, knownAt))),
  );
}
