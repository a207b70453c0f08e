/** A figure over the rounds of one run: the median, and the spread it came from. */
export type Spread = Readonly<{ median: number; min: number; max: number; rounds: number[] }>;

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, rounds: [...values] };
}

/** Per round, so a ratio compares two figures measured minutes apart, not across rounds. */
export const ratios = (workload: readonly number[], ceiling: readonly number[]): number[] => workload.map((value, i) => value / ceiling[i]);

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
