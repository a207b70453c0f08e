import { CrosswalkClaim, CrosswalkSetting } from './crosswalk-claim';
import { CODES, EventCode } from './event-code';

/**
 * The crosswalk from a claim to CAMEO 1.1b3 and PLOVER 2.0: one code for the claim as a whole,
 * and one per directed pair of actors (dyad), as event datasets list them. Every rule is a row of
 * docs/crosswalk.md; the tests in crosswalk.spec.ts hold each row to its code.
 */

export type DyadActor = Readonly<{ actorId: string | null; country: string | null }>;
export type Dyad = Readonly<{ source: DyadActor; target: DyadActor; code: EventCode }>;

const REMOTE_FORMATS = ['phone', 'video'];

/** Whether an actor met at home: it hosted, or (no host named) its country is the place's. Undefined when unknown. */
const atHome = (claim: CrosswalkClaim, setting: CrosswalkSetting) => (actorId: string): boolean | undefined => {
  if (claim.hostedBy !== undefined) return actorId === claim.hostedBy;
  const country = setting.countryOf(actorId);
  return country === undefined || claim.placeCountry === undefined ? undefined : country === claim.placeCountry;
};

/** The countries of the track's parties: actors from two of them meeting are the negotiation itself. */
const partyCountries = (setting: CrosswalkSetting): ReadonlySet<string> =>
  new Set(setting.trackParties.flatMap((party) => setting.countryOf(party) ?? []));

const sidesOf = (actorIds: readonly string[], setting: CrosswalkSetting): ReadonlySet<string> => {
  const parties = partyCountries(setting);
  return new Set(actorIds.flatMap((id) => setting.countryOf(id) ?? []).filter((country) => parties.has(country)));
};

/** A meeting as a whole: the medium first, then a visit, then a negotiation, then the place. */
const meetingCode = (claim: CrosswalkClaim, setting: CrosswalkSetting): EventCode => {
  if (claim.format !== undefined && REMOTE_FORMATS.includes(claim.format)) return CODES.phone;
  const homes = claim.participants.map(atHome(claim, setting));
  if (homes.includes(true) && homes.includes(false)) return CODES.visit;
  const allAway = homes.length > 0 && homes.every((home) => home === false);
  if (sidesOf(claim.participants, setting).size >= 2) return allAway ? CODES.negotiateAtThirdLocation : CODES.negotiate;
  return allAway ? CODES.thirdLocation : CODES.consult;
};

/** A meeting between two of its participants, from the source's side: the same order of rules, pair by pair. */
const meetingPairCode = (claim: CrosswalkClaim, setting: CrosswalkSetting, source: string, target: string): EventCode => {
  if (claim.format !== undefined && REMOTE_FORMATS.includes(claim.format)) return CODES.phone;
  const home = atHome(claim, setting);
  const [sourceHome, targetHome] = [home(source), home(target)];
  if (sourceHome === false && targetHome === true) return CODES.visit;
  if (sourceHome === true && targetHome === false) return CODES.host;
  const bothAway = sourceHome === false && targetHome === false;
  if (sidesOf([source, target], setting).size === 2) return bothAway ? CODES.negotiateAtThirdLocation : CODES.negotiate;
  return bothAway ? CODES.thirdLocation : CODES.consult;
};

/** The code of a claim as a whole; null for a claim that is no interaction (a track's state, an end of a ceasefire). */
export const claimCode = (claim: CrosswalkClaim, setting: CrosswalkSetting): EventCode | null => {
  switch (claim.type) {
    case 'EnvoyVisited':
      return CODES.visit;
    case 'MeetingScheduled':
      return CODES.intentToMeet;
    case 'MeetingHeld':
      return meetingCode(claim, setting);
    case 'PrisonerSwapped':
    case 'HostagesReleased':
      return CODES.release;
    case 'CeasefireBrokered':
    // Agreeing more time is declaring the ceasefire again for longer (docs/crosswalk.md).
    case 'CeasefireExtended':
      return CODES.declareCeasefire;
    case 'CeasefireViolated':
      return CODES.violateCeasefire;
    default:
      return null;
  }
};

const actor = (setting: CrosswalkSetting, actorId: string): DyadActor => ({ actorId, country: setting.countryOf(actorId) ?? null });

/** A state named only by its country: the track's party from there, if any, else the country alone. */
const stateOf = (setting: CrosswalkSetting, country: string | undefined): DyadActor => {
  if (country === undefined) return { actorId: null, country: null };
  return { actorId: setting.trackParties.find((party) => setting.countryOf(party) === country) ?? null, country };
};

const NOBODY: DyadActor = { actorId: null, country: null };

const orderedPairs = (ids: readonly string[]): [string, string][] => {
  const distinct = [...new Set(ids)];
  return distinct.flatMap((a) => distinct.filter((b) => b !== a).map((b): [string, string] => [a, b]));
};

const mediations = (claim: CrosswalkClaim, setting: CrosswalkSetting, principals: readonly string[]): Dyad[] =>
  [...new Set(claim.mediators)].flatMap((mediator) =>
    [...new Set(principals)].filter((principal) => principal !== mediator).map((principal) => ({ source: actor(setting, mediator), target: actor(setting, principal), code: CODES.mediate })),
  );

/** The one other party of the track, when there is exactly one: whom hostages go back to. */
const otherParty = (setting: CrosswalkSetting, actorId: string | undefined): DyadActor => {
  const others = setting.trackParties.filter((party) => party !== actorId);
  return others.length === 1 ? actor(setting, others[0]) : NOBODY;
};

const unique = (dyads: readonly Dyad[]): Dyad[] => {
  const seen = new Map<string, Dyad>();
  for (const dyad of dyads) seen.set(JSON.stringify([dyad.source, dyad.target, dyad.code.cameo]), dyad);
  return [...seen.values()];
};

/** Every directed pair of actors the claim relates, each with the code of the act from the source's side. */
export const dyadsOf = (claim: CrosswalkClaim, setting: CrosswalkSetting): readonly Dyad[] => {
  switch (claim.type) {
    case 'EnvoyVisited': {
      if (claim.envoy === undefined) return [];
      // The host is who hosted, when the claim says (v2); else the state of the place.
      const host = claim.hostedBy === undefined ? stateOf(setting, claim.placeCountry) : actor(setting, claim.hostedBy);
      const envoy = actor(setting, claim.envoy);
      return [
        { source: envoy, target: host, code: CODES.visit },
        { source: host, target: envoy, code: CODES.host },
      ];
    }
    case 'MeetingScheduled':
      return orderedPairs(claim.participants).map(([a, b]) => ({ source: actor(setting, a), target: actor(setting, b), code: CODES.intentToMeet }));
    case 'MeetingHeld':
      return orderedPairs(claim.participants).map(([a, b]) => ({ source: actor(setting, a), target: actor(setting, b), code: meetingPairCode(claim, setting, a, b) }));
    case 'PrisonerSwapped': {
      // The recipient is whom the person was handed to, when a claim says (v2), else the state of their nationality.
      const releases = claim.releases.flatMap(({ releasedBy, nationality, releasedTo }) =>
        releasedBy === undefined
          ? []
          : [{ source: actor(setting, releasedBy), target: releasedTo === undefined ? stateOf(setting, nationality) : actor(setting, releasedTo), code: CODES.release }],
      );
      return unique([...releases, ...mediations(claim, setting, claim.releases.flatMap((release) => release.releasedBy ?? []))]);
    }
    case 'HostagesReleased': {
      if (claim.releasedBy === undefined) return [];
      const [captor, other] = [actor(setting, claim.releasedBy), otherParty(setting, claim.releasedBy)];
      const exchange = claim.prisonersInExchange && other.actorId !== null ? [{ source: other, target: captor, code: CODES.release }] : [];
      return [{ source: captor, target: other, code: CODES.release }, ...exchange];
    }
    case 'CeasefireBrokered':
      return [
        ...orderedPairs(claim.parties).map(([a, b]) => ({ source: actor(setting, a), target: actor(setting, b), code: CODES.declareCeasefire })),
        ...mediations(claim, setting, claim.parties),
      ];
    case 'CeasefireViolated': {
      if (claim.allegedBy === undefined || claim.against === undefined) return [];
      const [accuser, accused] = [actor(setting, claim.allegedBy), actor(setting, claim.against)];
      return [
        { source: accused, target: accuser, code: CODES.violateCeasefire },
        { source: accuser, target: accused, code: CODES.accuseOfViolation },
      ];
    }
    default:
      return [];
  }
};
