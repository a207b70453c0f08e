import { ClaimData, ClaimType, isRecord, recordsOf, textOf, textsOf } from '../../talks/claim-data';
import { hostOf, placeOf } from '../../talks/claim-place';

/**
 * What the crosswalk reads of a claim: the few facts a code depends on, not the whole row. Each
 * field says where today's (v1) claims carry it; a later claim shape adds its facts here (a
 * place's own country, who hosted) and the rules in crosswalk.ts read them, nothing else changes.
 */
export type CrosswalkClaim = Readonly<{
  type: ClaimType;
  /** A meeting's medium: `in_person`, `phone`, `video` (MeetingHeld.format). */
  format?: string;
  /** The country it took place in: a visit's host country, a meeting's location, any other claim's place (v2). */
  placeCountry?: string;
  /** The actor that hosted it, when a claim says so (v2; no v1 claim does): decides who is at home. */
  hostedBy?: string;
  /** Who travelled (EnvoyVisited.envoyId). */
  envoy?: string;
  /** Who met, or is expected to (MeetingHeld / MeetingScheduled.participants). */
  participants: readonly string[];
  /** The sides of a ceasefire (CeasefireBrokered.parties). */
  parties: readonly string[];
  mediators: readonly string[];
  /** Who let whom go: the releasing actor, the freed person's nationality, and whom they were handed to (v2) (PrisonerSwapped.releases). */
  releases: readonly Readonly<{ releasedBy?: string; nationality?: string; releasedTo?: string }>[];
  /** Who freed hostages (HostagesReleased.releasedBy), and whether prisoners were freed in exchange. */
  releasedBy?: string;
  prisonersInExchange: boolean;
  /** Who accuses whom of violating a ceasefire (CeasefireViolated). */
  allegedBy?: string;
  against?: string;
}>;

/** Reads the crosswalk's facts from a claim's data (v1 or v2), tolerantly: an ill-shaped field reads as absent. */
export const crosswalkClaimOf = (type: ClaimType, data: ClaimData): CrosswalkClaim => {
  const host = hostOf(data);
  return {
    type,
    format: textOf(data.format),
    placeCountry: placeOf(type, data)?.country,
    ...(host === undefined ? {} : { hostedBy: host }),
    envoy: textOf(data.envoyId),
    participants: textsOf(data.participants),
    parties: type === 'CeasefireBrokered' ? textsOf(data.parties) : [],
    mediators: type === 'TalksOpened' ? [] : textsOf(data.mediators),
    releases: recordsOf(data.releases).map((release) => ({
      releasedBy: textOf(release.releasedBy),
      nationality: textOf(release.nationality),
      ...(textOf(release.releasedTo) === undefined ? {} : { releasedTo: textOf(release.releasedTo) }),
    })),
    releasedBy: textOf(data.releasedBy),
    prisonersInExchange: isRecord(data.prisonersReleasedInExchange),
    allegedBy: textOf(data.allegedBy),
    against: textOf(data.against),
  };
};

/**
 * What the crosswalk knows around a claim, from other streams: each actor's registered country
 * and the track's negotiating parties. Read when exporting, so a code never goes stale when an
 * actor or the opening of a track is corrected.
 */
export type CrosswalkSetting = Readonly<{
  countryOf: (actorId: string) => string | undefined;
  trackParties: readonly string[];
}>;

/** What a claim alone tells: no actor's country, no track. */
export const CLAIM_ALONE: CrosswalkSetting = { countryOf: () => undefined, trackParties: [] };
