import { ClaimData, isRecord, recordsOf, textOf } from '../talks/claim-data';
import { stanceOfSource } from '../talks/claim-stance';

/** Who printed a claim, and who said it: one structured CSV cell, `Reuters (Qatar MFA); AP`. */

/** `stance` is `asserts` for a source recorded without one. */
export type SourceParts = Readonly<{ publisher: string; originator?: string; stance?: 'asserts' | 'denies' }>;

export const sourcesOf = (data: ClaimData): readonly SourceParts[] => {
  const provenance = isRecord(data.provenance) ? data.provenance : {};
  return recordsOf(provenance.sources).flatMap((source) => {
    const publisher = textOf(source.publisher);
    return publisher === undefined ? [] : [{ publisher, originator: textOf(source.originator), stance: stanceOfSource(source) }];
  });
};

/** The cell's own marks inside a name are escaped with a backslash, so the cell reads back unambiguously. */
const escaped = (name: string): string => name.replace(/[\\;()]/g, (mark) => `\\${mark}`);

export const sourcesCell = (sources: readonly SourceParts[]): string =>
  sources.map(({ publisher, originator }) => (originator === undefined ? escaped(publisher) : `${escaped(publisher)} (${escaped(originator)})`)).join('; ');

/** A cell's sources again: what an analyst's script does with `sourcesCell`. */
export const readSourcesCell = (cell: string): SourceParts[] => {
  const parts: SourceParts[] = [];
  for (const part of cell.match(/(?:\\.|[^;])+/g) ?? []) {
    const match = /^\s*((?:\\.|[^\\()])+?)\s*(?:\(((?:\\.|[^\\()])*)\))?\s*$/.exec(part);
    if (!match) continue;
    const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
    parts.push(match[2] === undefined ? { publisher: unescape(match[1]) } : { publisher: unescape(match[1]), originator: unescape(match[2]) });
  }
  return parts;
};
