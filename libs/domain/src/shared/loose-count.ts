import { LooseCount } from './claim';
import { rejection, Verdict } from './error-codes';

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** "Nearly 2,000": non-negative integers with low ≤ best ≤ high, each bound optional. */
export const checkLooseCount = (count: LooseCount | undefined, field: string): Verdict => {
  if (count === undefined) return undefined;
  if (typeof count !== 'object' || count === null) return rejection('COUNT.INVALID', `${field} must be { best, low?, high? }.`, field);
  const { best, low, high } = count;
  for (const [name, value] of [['best', best], ['low', low], ['high', high]] as const) {
    if ((name === 'best' || value !== undefined) && !isCount(value)) {
      return rejection('COUNT.INVALID', `${field}.${name} must be a non-negative integer.`, `${field}.${name}`);
    }
  }
  if (low !== undefined && low > best) return rejection('COUNT.INVALID', `${field}.low (${low}) exceeds best (${best}).`, `${field}.low`);
  if (high !== undefined && high < best) return rejection('COUNT.INVALID', `${field}.high (${high}) is below best (${best}).`, `${field}.high`);
  return undefined;
};
