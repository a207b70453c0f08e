import { ClaimData, ClaimType, Range, isRecord, rangeOf, recordsOf, textOf, textsOf } from './claim-data';

/** A one-line, human summary of a claim for timelines and exports; missing pieces are left out, never invented. */

const list = (ids: readonly string[]): string => (ids.length ? ids.join(', ') : 'unnamed parties');

const place = (value: unknown): string => {
  if (!isRecord(value)) return 'an unknown place';
  const [country, city] = [textOf(value.country) ?? '?', textOf(value.city)];
  return city ? `${country} (${city})` : country;
};

const range = ({ best, low, high }: Range): string => (low === high ? `${best}` : `${best} (${low}–${high})`);

const tail = (text: string | undefined): string => (text ? `: ${text}` : '');

const SUMMARIES: Readonly<Record<ClaimType, (data: ClaimData) => string>> = {
  TalksOpened: (d) =>
    `Talks opened: ${textOf(d.title) ?? 'untitled'} (parties ${list(textsOf(d.parties))}` +
    `${textsOf(d.mediators).length ? `; mediators ${list(textsOf(d.mediators))}` : ''})`,
  EnvoyVisited: (d) => `${textOf(d.envoyId) ?? 'An envoy'} visited ${place({ country: d.hostCountry, city: d.city })}${tail(textOf(d.purpose))}`,
  MeetingScheduled: (d) =>
    `${list(textsOf(d.participants))} expected to meet in ${place(d.location)} on ${textOf(d.expectedAt) ?? 'an unknown date'}`,
  MeetingHeld: (d) =>
    `${list(textsOf(d.participants))} met in ${place(d.location)}${textOf(d.format) ? ` (${textOf(d.format)!.replace('_', ' ')})` : ''}${tail(textOf(d.summary))}`,
  PrisonerSwapped: (d) =>
    `Prisoner swap${isRecord(d.total) ? ` of ${range(rangeOf(d.total))}` : ''}: ${recordsOf(d.releases)
      .map((r) => `${textOf(r.person) ?? 'someone'} (${textOf(r.nationality) ?? '?'}) freed by ${textOf(r.releasedBy) ?? '?'}`)
      .join('; ')}`,
  CeasefireBrokered: (d) =>
    `Ceasefire ${textOf(d.ceasefireId) ?? ''} agreed between ${list(textsOf(d.parties))}, in effect from ${textOf(d.effectiveFrom) ?? '?'}` +
    `${textOf(d.endsAt) ? ` until ${textOf(d.endsAt)}` : ''}${tail(isRecord(d.terms) ? textOf(d.terms.summary) : undefined)}`,
  HostagesReleased: (d) => {
    const names = textsOf(d.names);
    const exchange = isRecord(d.prisonersReleasedInExchange) ? ` for ${range(rangeOf(d.prisonersReleasedInExchange))} prisoners` : '';
    return `${textOf(d.releasedBy) ?? 'Someone'} released ${range(rangeOf(d.count))} hostages${names.length ? ` (${names.join(', ')})` : ''}${exchange}`;
  },
  CeasefireViolated: (d) =>
    `${textOf(d.allegedBy) ?? 'Someone'} accuses ${textOf(d.against) ?? 'someone'} of violating ceasefire ${textOf(d.ceasefireId) ?? ''}${tail(textOf(d.description))}`,
  CeasefireEnded: (d) => `Ceasefire ${textOf(d.ceasefireId) ?? ''} ended (${textOf(d.reason) ?? 'no reason given'})`,
  CeasefireExtended: (d) =>
    `Ceasefire ${textOf(d.ceasefireId) ?? ''} extended until ${textOf(d.endsAt) ?? '?'}${tail(isRecord(d.terms) ? textOf(d.terms.summary) : undefined)}`,
  TalksStalled: (d) => `Talks stalled${tail(textOf(d.reason))}`,
  TalksResumed: (d) => `Talks resumed${tail(textOf(d.reason))}`,
  TalksConcluded: (d) => `Talks concluded (${textOf(d.outcome) ?? 'no outcome given'})${tail(textOf(d.summary))}`,
};

export const summaryOf = (type: ClaimType, data: ClaimData): string => SUMMARIES[type](data);
