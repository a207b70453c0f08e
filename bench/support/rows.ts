import { Spread, spread } from './stats';

/** One line of the printed table and of the saved JSON. */
export type Row = Readonly<{
  workload: string;
  target: string;
  /** What `value` measures, with its unit. */
  metric: string;
  value: Spread;
  /** This target against its ceiling, round by round; absent for a ceiling itself. */
  ratio?: Spread & { of: string };
  p99Ms?: Spread;
  goal?: string;
  met?: boolean;
  extra?: Record<string, unknown>;
}>;

/** Collects one figure per round for each target of a workload. */
export class Rounds<K extends string> {
  private readonly values = new Map<string, number[]>();

  add(target: K, figure: string, value: number): void {
    const key = `${target}:${figure}`;
    this.values.set(key, [...(this.values.get(key) ?? []), value]);
  }

  get(target: K, figure: string): number[] {
    return this.values.get(`${target}:${figure}`) ?? [];
  }

  spread(target: K, figure: string): Spread {
    return spread(this.get(target, figure));
  }

  has(target: K, figure: string): boolean {
    return this.get(target, figure).length > 0;
  }
}

/** Rotates the order of the targets each round, so none always runs first on a cold machine. */
export const interleaved = <T>(targets: readonly T[], round: number): T[] => targets.map((_, i) => targets[(i + round) % targets.length]);
