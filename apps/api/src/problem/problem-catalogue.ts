import { ERROR_CODES } from '@parley/domain';
import { API_ERROR_CODES } from './api-error-codes';
import { STATUS_BY_KIND } from './domain-error-status';

export type CatalogueEntry = Readonly<{ code: string; status: number; title: string; meaning: string }>;

const titleOf = (code: string): string =>
  code
    .split('.')
    .map((part) => part.toLowerCase().replace(/_/g, ' '))
    .join(': ')
    .replace(/^./, (first) => first.toUpperCase());

/** Every code the API can answer with, so a problem's `type` resolves to a description. */
export const PROBLEM_CATALOGUE: ReadonlyMap<string, CatalogueEntry> = new Map<string, CatalogueEntry>([
  ...Object.entries(API_ERROR_CODES).map(([code, entry]) => [code, { code, ...entry }] as const),
  ...Object.entries(ERROR_CODES).map(
    ([code, entry]) => [code, { code, status: STATUS_BY_KIND[entry.kind], title: titleOf(code), meaning: entry.meaning }] as const,
  ),
]);

/** A relative URI the API itself serves (`GET /problems/{code}`), as RFC 9457 allows. */
export const problemType = (code: string): string => `/problems/${encodeURIComponent(code)}`;

export const problemTitle = (code: string, status: number): string => PROBLEM_CATALOGUE.get(code)?.title ?? `HTTP ${status}`;
