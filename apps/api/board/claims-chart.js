import { h, s } from './element.js';
import { claimTypeLabel } from './wording.js';

const WIDTH = 900;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 36, left: 32 };
/** Distinct enough for neighbours in a stack; the legend and each bar's title name the type too. */
const PALETTE = ['#1f5fa8', '#c0392b', '#2e7d32', '#8e44ad', '#d35400', '#00796b', '#6d4c41', '#ad1457', '#455a64', '#9e7700', '#3949ab', '#558b2f'];

const monthOf = (date) => date.slice(0, 7);

function monthsBetween(first, last) {
  const months = [];
  let [year, month] = first.split('-').map(Number);
  const [lastYear, lastMonth] = last.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** Claims per month, stacked by type: plain SVG, with the same figures in a table for screen readers. */
export function claimsChart(allItems) {
  // An undated opening has no month to stand in.
  const items = allItems.filter((item) => item.occurredAt);
  if (items.length === 0) return h('p', { class: 'empty' }, 'No claims to chart.');
  const types = [...new Set(items.map((item) => item.type))].sort();
  const dated = items.map((item) => monthOf(item.occurredAt)).sort();
  const months = monthsBetween(dated[0], dated[dated.length - 1]);
  const counts = new Map(months.map((month) => [month, new Map(types.map((type) => [type, 0]))]));
  for (const item of items) counts.get(monthOf(item.occurredAt)).set(item.type, counts.get(monthOf(item.occurredAt)).get(item.type) + 1);
  const highest = Math.max(...[...counts.values()].map((byType) => [...byType.values()].reduce((sum, count) => sum + count, 0)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / months.length;
  const barWidth = Math.max(2, Math.min(48, slot * 0.7));
  const y = (count) => MARGIN.top + plotHeight - (count / highest) * plotHeight;
  const colour = (type) => PALETTE[types.indexOf(type) % PALETTE.length];
  const labelEvery = Math.ceil(months.length / 8);

  const bars = months.flatMap((month, index) => {
    let stacked = 0;
    const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
    return types
      .filter((type) => counts.get(month).get(type) > 0)
      .map((type) => {
        const count = counts.get(month).get(type);
        const rect = s('rect', { x, y: y(stacked + count), width: barWidth, height: y(stacked) - y(stacked + count), fill: colour(type) }, s('title', {}, `${month}: ${count} × ${claimTypeLabel(type)}`));
        stacked += count;
        return rect;
      });
  });
  const ticks = [0, Math.ceil(highest / 2), highest].filter((tick, index, all) => all.indexOf(tick) === index);
  const axis = [
    s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0), class: 'axis' }),
    ...ticks.map((tick) => s('text', { x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'tick' }, String(tick))),
    ...months
      .map((month, index) => [month, index])
      .filter(([, index]) => index % labelEvery === 0)
      .map(([month, index]) => s('text', { x: MARGIN.left + index * slot + slot / 2, y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, month)),
  ];

  const total = items.length;
  const svg = s(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `${total} claims from ${months[0]} to ${months[months.length - 1]}, per month by type; the table below gives the figures`, class: 'chart' },
    ...axis,
    ...bars,
  );
  const legend = h(
    'ul',
    { class: 'legend' },
    types.map((type) => h('li', {}, s('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, s('rect', { width: 12, height: 12, fill: colour(type) })), ` ${claimTypeLabel(type)}`)),
  );
  const table = h(
    'details',
    {},
    h('summary', {}, 'Figures'),
    h(
      'table',
      {},
      h('caption', {}, 'Claims per month by type'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'), types.map((type) => h('th', { scope: 'col' }, claimTypeLabel(type))))),
      h(
        'tbody',
        {},
        months
          .filter((month) => [...counts.get(month).values()].some((count) => count > 0))
          .map((month) => h('tr', {}, h('th', { scope: 'row' }, month), types.map((type) => h('td', {}, String(counts.get(month).get(type)))))),
      ),
    ),
  );
  return h('figure', { class: 'claims-chart' }, svg, legend, table);
}
