import { actorsOfStatus, loadNames, nameOf } from './actor-names.js';
import { ApiError, download, getJson } from './api.js';
import { ceasefireBadge, lifecycleBadge } from './badges.js';
import { claimsChart } from './claims-chart.js';
import { h } from './element.js';
import { onePerEvent } from './incident-groups.js';
import { amendmentsOf } from './track-amendments.js';
import { timelineList } from './timeline-list.js';
import { claimDateText, countText, placeText, rangeText } from './wording.js';

const TIMELINE_PAGE = 500;

const names = (ids) => (ids.length === 0 ? 'none' : ids.map(nameOf).join(', '));
const fact = (term, description) => [h('dt', {}, term), h('dd', {}, description)];

function ceasefireFacts(ceasefire) {
  if (ceasefire.status === 'none') return [];
  return [
    fact('Ceasefire', `${ceasefire.ceasefireId}, brokered ${claimDateText(ceasefire.brokeredAt)}`),
    fact('In effect from', claimDateText(ceasefire.effectiveFrom)),
    fact('Ends', ceasefire.ended ? `${claimDateText(ceasefire.ended.at)}: ${ceasefire.ended.reason}` : ceasefire.endsAt ? claimDateText(ceasefire.endsAt) : 'no end set'),
    ...(ceasefire.extended ? [fact('Extended', extendedText(ceasefire.extended))] : []),
    ...(ceasefire.place ? [fact('Where', placeText(ceasefire.place))] : []),
    ...(ceasefire.hostedBy ? [fact('Hosted by', nameOf(ceasefire.hostedBy))] : []),
    fact('Violations reported', countText(ceasefire.violations)),
  ];
}

const TIMES = { 1: 'once', 2: 'twice' };

/** The `Ends` fact shows the end in force; this says how it got there. */
const extendedText = ({ count, lastAt, originalEndsAt }) =>
  `${TIMES[count] ?? `${count} times`}, last on ${claimDateText(lastAt)}${originalEndsAt ? ` (first due to end ${claimDateText(originalEndsAt)})` : ''}`;

function statusSection(status) {
  return h(
    'section',
    { class: 'status', 'aria-label': 'Status' },
    h('p', { class: 'badges' }, lifecycleBadge(status.lifecycle), ' ', ceasefireBadge(status.ceasefire)),
    h('p', { class: 'subject' }, status.subject),
    h(
      'dl',
      { class: 'facts' },
      fact('Parties', names(status.parties)),
      fact('Mediators', names(status.mediators)),
      fact('Opened', claimDateText(status.openedAt)),
      status.concluded ? fact('Concluded', `${claimDateText(status.concluded.at)}: ${status.concluded.outcome}`) : [],
      fact('Meetings', countText(status.counts.meetings)),
      fact('Envoy visits', countText(status.counts.visits)),
      fact('Prisoner swaps', countText(status.counts.swaps)),
      fact('Hostages freed', rangeText(status.counts.hostagesFreed)),
      fact('Prisoners freed', rangeText(status.counts.prisonersFreed)),
      fact('Last activity', claimDateText(status.lastActivityAt)),
      fact('Next meeting', status.nextMeeting ? `${claimDateText(status.nextMeeting.expectedAt)}: ${names(status.nextMeeting.participants)}` : 'none scheduled'),
      ceasefireFacts(status.ceasefire),
    ),
  );
}

function releasesTable(items) {
  if (items.length === 0) return h('p', { class: 'empty' }, 'No one freed by name on this track.');
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'People freed' },
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, ['Person', 'Kind', 'Nationality', 'Freed by', 'When', 'Detained since', 'Sentence'].map((title) => h('th', { scope: 'col' }, title)))),
      h(
        'tbody',
        {},
        items.map((item) =>
          h('tr', {}, h('td', {}, item.person ?? 'unnamed'), h('td', {}, item.kind), h('td', {}, item.nationality ?? '—'), h('td', {}, item.releasedBy ? nameOf(item.releasedBy) : '—'),
            h('td', {}, claimDateText(item.occurredAt)), h('td', {}, item.detainedSince ?? '—'), h('td', {}, item.sentence ?? '—')),
        ),
      ),
    ),
  );
}

/** `<input type=date>` gives a day: the API reads a date as the end of that day, and so does the board. */
const endOfDay = (date) => (date ? new Date(`${date}T23:59:59.999Z`) : undefined);

/** `<input type=datetime-local>` is the reader's local time: the API wants an offset. */
const localToIso = (value) => (value ? new Date(value).toISOString() : undefined);

/** One track: status, chart, timeline and releases, live — or as of a date and as known at a moment. */
export function trackView(main, live, talksId) {
  const moments = { asOf: '', knownAt: '' };
  const heading = h('h1', { tabindex: '-1' }, live.tracks.get(talksId)?.title ?? talksId);
  const statusSlot = h('div', { class: 'status-slot', 'aria-live': 'polite' });
  const chartSlot = h('div');
  const timelineSlot = h('div');
  const releasesSlot = h('div');
  const notice = h('p', { class: 'notice', role: 'status' });
  let drawn = 0;

  const query = () => ({ asOf: moments.asOf || undefined, knownAt: localToIso(moments.knownAt) });
  const timeTravelling = () => Boolean(moments.asOf || moments.knownAt);

  const draw = async () => {
    const turn = ++drawn;
    const path = `/v1/talks/${encodeURIComponent(talksId)}`;
    try {
      const [status, timeline, amendments, releases] = await Promise.all([
        !timeTravelling() && live.tracks.has(talksId) ? live.tracks.get(talksId) : getJson(path, query()),
        getJson('/v1/timeline', { talksId, limit: TIMELINE_PAGE, ...query() }),
        amendmentsOf(talksId),
        getJson('/v1/releases', { talksId, limit: 500, ...query() }),
      ]);
      await loadNames([...actorsOfStatus(status), ...timeline.items.flatMap((item) => item.actors.map(({ actorId }) => actorId)), ...releases.items.map((item) => item.releasedBy).filter(Boolean)]);
      if (turn !== drawn) return;
      heading.textContent = status.title;
      statusSlot.replaceChildren(statusSection(status));
      chartSlot.replaceChildren(claimsChart(onePerEvent(timeline.items)));
      const moment = { asOf: endOfDay(moments.asOf), knownAt: moments.knownAt ? new Date(moments.knownAt) : undefined };
      timelineSlot.replaceChildren(
        timelineList(timeline.items, amendments, moment),
        timeline.nextCursor ? h('p', { class: 'notice' }, `The first ${TIMELINE_PAGE} claims; the exports hold every one.`) : '',
      );
      releasesSlot.replaceChildren(releasesTable(releases.items));
      notice.textContent = timeTravelling() ? `As of ${moments.asOf || 'today'}, as known ${moments.knownAt ? `at ${moments.knownAt.replace('T', ' ')}` : 'now'}` : 'Live';
    } catch (error) {
      if (turn !== drawn) return;
      const message = error instanceof ApiError && error.status === 404 ? (error.problem?.detail ?? 'No such track') : `Could not read the track: ${error.message}`;
      statusSlot.replaceChildren(h('p', { class: 'error', role: 'alert' }, message));
      chartSlot.replaceChildren();
      timelineSlot.replaceChildren();
      releasesSlot.replaceChildren();
    }
  };

  const dateField = (id, label, type, key, hint) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h('input', { id, type, step: type === 'datetime-local' ? '1' : undefined, 'aria-describedby': `${id}-hint`, on: { change: (event) => ((moments[key] = event.target.value), draw()) } }),
      h('small', { id: `${id}-hint` }, hint),
    );

  const exportButton = (label, accept, extension) =>
    h('button', {
      type: 'button',
      on: {
        click: () =>
          download('/v1/timeline', { talksId, ...query() }, accept, `${talksId}.${extension}`).catch((error) => (notice.textContent = `The export failed: ${error.message}`)),
      },
    }, label);

  const controls = h(
    'form',
    { class: 'moments', 'aria-label': 'Dates', on: { submit: (event) => event.preventDefault() } },
    dateField('as-of', 'As of', 'date', 'asOf', 'What was true on this day'),
    dateField('known-at', 'Known at', 'datetime-local', 'knownAt', 'Only what had been recorded by then'),
    h('button', {
      type: 'reset',
      class: 'quiet',
      on: { click: () => ((moments.asOf = ''), (moments.knownAt = ''), queueMicrotask(draw)) },
    }, 'Now'),
  );

  main.replaceChildren(
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← All tracks')),
    heading,
    controls,
    notice,
    statusSlot,
    h('section', { 'aria-labelledby': 'chart-title' }, h('h2', { id: 'chart-title' }, 'Claims over time'), chartSlot),
    h('section', { 'aria-labelledby': 'timeline-title' }, h('h2', { id: 'timeline-title' }, 'Timeline'),
      h('p', { class: 'exports' }, exportButton('Download CSV', 'text/csv', 'csv'), ' ', exportButton('Download JSON Lines', 'application/x-ndjson', 'ndjson')),
      timelineSlot),
    h('section', { 'aria-labelledby': 'releases-title' }, h('h2', { id: 'releases-title' }, 'People freed'), releasesSlot),
  );
  void draw();
  // A live change redraws the present; a view of the past stays as it was asked.
  const unsubscribe = live.subscribe(({ changed }) => changed?.includes(talksId) && !timeTravelling() && draw());
  return () => unsubscribe();
}
