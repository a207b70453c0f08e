import { actorsOfStatus, loadNames, nameOf } from './actor-names.js';
import { ceasefireBadge, lifecycleBadge } from './badges.js';
import { h } from './element.js';
import { CEASEFIRE_LABELS, LIFECYCLE_LABELS, claimDateText, countText, rangeText } from './wording.js';

/** What the filters hold; kept across visits to a track and back, for this page load. */
const filters = { search: '', lifecycle: '', ceasefire: '' };

const names = (ids) => (ids.length === 0 ? 'none' : ids.map(nameOf).join(', '));

const matches = (status) => {
  if (filters.lifecycle && status.lifecycle !== filters.lifecycle) return false;
  if (filters.ceasefire && status.ceasefire.status !== filters.ceasefire) return false;
  const search = filters.search.trim().toLowerCase();
  if (!search) return true;
  const text = [status.title, status.subject, status.talksId, ...[...status.parties, ...status.mediators].map(nameOf)].join(' ').toLowerCase();
  return text.includes(search);
};

function nextMeetingText(meeting) {
  if (!meeting) return 'none scheduled';
  const place = [meeting.location.city, meeting.location.country].filter(Boolean).join(', ');
  return `${claimDateText(meeting.expectedAt)}: ${names(meeting.participants)}${place ? ` in ${place}` : ''}`;
}

const fact = (term, description) => [h('dt', {}, term), h('dd', {}, description)];

function trackCard(status) {
  const titleId = `track-${status.talksId}`;
  const { counts } = status;
  return h(
    'article',
    { class: 'track-card', 'aria-labelledby': titleId, dataset: { talksId: status.talksId } },
    h('h2', { id: titleId }, h('a', { href: `#/track/${encodeURIComponent(status.talksId)}` }, status.title)),
    h('p', { class: 'badges' }, lifecycleBadge(status.lifecycle), ' ', ceasefireBadge(status.ceasefire)),
    h('p', { class: 'subject' }, status.subject),
    h(
      'dl',
      { class: 'facts' },
      fact('Parties', names(status.parties)),
      fact('Mediators', names(status.mediators)),
      fact('Meetings', countText(counts.meetings)),
      fact('Envoy visits', countText(counts.visits)),
      fact('Prisoner swaps', countText(counts.swaps)),
      fact('Hostages freed', rangeText(counts.hostagesFreed)),
      fact('Prisoners freed', rangeText(counts.prisonersFreed)),
      fact('Last activity', claimDateText(status.lastActivityAt)),
      fact('Next meeting', nextMeetingText(status.nextMeeting)),
    ),
  );
}

const select = (id, label, options, key, onChange) =>
  h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      { id, on: { change: (event) => onChange((filters[key] = event.target.value)) } },
      h('option', { value: '' }, 'Any'),
      Object.entries(options).map(([value, text]) => h('option', { value, selected: filters[key] === value }, text)),
    ),
  );

/** Every track, live: a card each, filtered here in the page (the snapshot holds them all). */
export function tracksView(main, live) {
  const list = h('div', { class: 'track-list', id: 'track-list' });
  const summary = h('p', { class: 'summary', role: 'status' });
  let drawn = 0;

  const draw = async () => {
    const turn = ++drawn;
    const all = [...live.tracks.values()];
    await loadNames(all.flatMap(actorsOfStatus));
    if (turn !== drawn) return;
    if (!live.loaded) {
      summary.textContent = 'Loading the tracks…';
      return;
    }
    const shown = all.filter(matches).sort((a, b) => a.talksId.localeCompare(b.talksId));
    summary.textContent = `${shown.length} of ${all.length} tracks`;
    list.replaceChildren(...shown.map(trackCard));
  };

  const controls = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter the tracks', on: { submit: (event) => event.preventDefault() } },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'filter-search' }, 'Search'),
      h('input', { id: 'filter-search', type: 'search', value: filters.search, placeholder: 'Title, party or mediator', on: { input: (event) => ((filters.search = event.target.value), draw()) } }),
    ),
    select('filter-lifecycle', 'Talks', LIFECYCLE_LABELS, 'lifecycle', draw),
    select('filter-ceasefire', 'Ceasefire', CEASEFIRE_LABELS, 'ceasefire', draw),
  );

  main.replaceChildren(h('h1', { tabindex: '-1' }, 'Tracks'), controls, summary, list);
  void draw();
  const unsubscribe = live.subscribe(({ changed }) => changed && draw());
  return () => unsubscribe();
}
