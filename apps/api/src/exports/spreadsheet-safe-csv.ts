import { stringify } from 'csv-stringify/sync';

/** What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet will show, never run: one that starts like a formula gets a
 * leading `'`. Numbers are left alone: a negative number is data, not a formula.
 */
export const neutraliseFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** CSV lines for every export: each text cell neutralised, so a claim's text cannot become a formula. */
export const csvLines = (rows: readonly (readonly unknown[])[]): string =>
  stringify(rows as unknown[][], { cast: { string: neutraliseFormula } });
