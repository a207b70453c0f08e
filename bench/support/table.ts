import { Spread } from './stats';
import { Row } from './rows';

const number = (value: number): string =>
  !Number.isFinite(value) ? '–' : Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(value < 10 ? 2 : 1);

const figure = (spread: Spread | undefined): string => (spread ? `${number(spread.median)} (${number(spread.min)}–${number(spread.max)})` : '');

/** A Markdown table: medians over the rounds with their min–max, each ratio taken round by round. */
export function table(rows: readonly Row[]): string {
  const lines = [
    '| workload | target | metric | median (min–max) | ratio (min–max) | p99 ms | goal | met |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((row) =>
      [
        row.workload,
        row.target,
        row.metric,
        row.value.rounds.length === 0 ? 'not measured' : figure(row.value),
        row.ratio ? `${figure(row.ratio)}× ${row.ratio.of}` : row.value.rounds.length === 0 ? '' : 'ceiling',
        figure(row.p99Ms),
        row.goal ?? '',
        row.met === undefined ? '' : row.met ? 'yes' : '**no**',
      ].join(' | '),
    ).map((line) => `| ${line} |`),
  ];
  return lines.join('\n');
}
