import { CLAIM_FIELDS } from '@parley/domain';
import { ClaimData, ClaimType, recordsOf, textOf, textsOf } from './claim-data';
import { placeOf } from './claim-place';
import { isCounted } from './claim-stance';

/** What a claim is indexed by besides its track and date: the actors it names, the countries, the people freed. */

export type ClaimActor = Readonly<{ actorId: string; role: string }>;

/** The role an actor plays, by the field that names it; a new actor field reads as its own name. */
const ROLE_OF_FIELD: Readonly<Record<string, string>> = {
  parties: 'party',
  mediators: 'mediator',
  envoyId: 'envoy',
  participants: 'participant',
  releases: 'released_by',
  releasedBy: 'released_by',
  allegedBy: 'alleged_by',
  against: 'against',
  hostedBy: 'host',
};

/**
 * Every actor a claim names, with its role, found where the domain's CLAIM_FIELDS says actor
 * ids sit (so a new actor field is indexed without touching this file). One row per actor and role.
 */
export const actorsOf = (type: ClaimType, data: ClaimData): readonly ClaimActor[] => {
  const found = new Map<string, ClaimActor>();
  const add = (actorId: string | undefined, role: string) => {
    if (actorId) found.set(`${actorId}\u0000${role}`, { actorId, role });
  };
  for (const [field, spec] of Object.entries(CLAIM_FIELDS[type] as Readonly<Record<string, { shape: unknown }>>)) {
    const role = ROLE_OF_FIELD[field] ?? field;
    if (spec.shape === 'actor') add(textOf(data[field]), role);
    if (spec.shape === 'actors') textsOf(data[field]).forEach((id) => add(id, role));
    if (spec.shape === 'releases') {
      recordsOf(data[field]).forEach((release) => {
        add(textOf(release.releasedBy), role);
        add(textOf(release.releasedTo), 'released_to');
      });
    }
  }
  return [...found.values()];
};

/**
 * Countries a claim takes place in or concerns: where it happened (a visit's host country, a
 * meeting's location, any other claim's place) and the nationalities it frees.
 */
export const countriesOf = (type: ClaimType, data: ClaimData): readonly string[] => {
  const nationalities = type === 'PrisonerSwapped' ? recordsOf(data.releases).map((release) => textOf(release.nationality)) : [];
  const countries = [placeOf(type, data)?.country, ...nationalities];
  return [...new Set(countries.filter((country): country is string => !!country))];
};

/** The country a claim happened in, alone: what `placeCountry` filters on. */
export const placeCountryOf = (type: ClaimType, data: ClaimData): string | null => placeOf(type, data)?.country ?? null;

export type ReleaseRow = Readonly<{
  idx: number;
  kind: 'prisoner' | 'hostage';
  person: string | null;
  nationality: string | null;
  releasedBy: string | null;
  releasedTo: string | null;
  detainedSince: string | null;
  sentence: string | null;
}>;

/** The claim types that free people: those `releasesOf` reads rows from. */
export const RELEASE_CLAIM_TYPES: readonly ClaimType[] = ['PrisonerSwapped', 'HostagesReleased'];

/** One row per person freed in a swap, and one per name of a hostage release (an unnamed count gives none). */
export const releasesOf = (type: ClaimType, data: ClaimData): readonly ReleaseRow[] => {
  if (type === 'PrisonerSwapped') {
    return recordsOf(data.releases).map((release, idx) => ({
      idx,
      kind: 'prisoner',
      person: textOf(release.person) ?? null,
      nationality: textOf(release.nationality) ?? null,
      releasedBy: textOf(release.releasedBy) ?? null,
      releasedTo: textOf(release.releasedTo) ?? null,
      detainedSince: textOf(release.detainedSince) ?? null,
      sentence: textOf(release.sentence) ?? null,
    }));
  }
  if (type === 'HostagesReleased') {
    const releasedBy = textOf(data.releasedBy) ?? null;
    return textsOf(data.names).map((person, idx) => ({
      idx,
      kind: 'hostage',
      person,
      nationality: null,
      releasedBy,
      releasedTo: null,
      detainedSince: null,
      sentence: null,
    }));
  }
  return [];
};

/** What a claim adds to the ledger of people freed: a release every source denies freed no one. */
export const ledgerRowsOf = (type: ClaimType, data: ClaimData): readonly ReleaseRow[] => (isCounted(data) ? releasesOf(type, data) : []);
