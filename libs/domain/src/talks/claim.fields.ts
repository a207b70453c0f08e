import { ActorRef } from '../shared/actor-refs';
import { CONFIDENCES, GEO_PRECISIONS, PRECISIONS, STANCES } from '../shared/claim';
import { CEASEFIRE_END_REASONS, MEETING_FORMATS, TALKS_OUTCOMES, TalksClaim } from './talks.events';

/**
 * The fields of each claim type and the shape of their values: what a correction may name,
 * which fields it may not touch, and where actor ids sit. The edge validates commands fully;
 * this is what a correction's free-form `changes` are held to before the merged claim is judged.
 */
type Shape = 'text' | 'actor' | 'actors' | 'texts' | 'place' | 'coordinates' | 'count' | 'releases' | 'terms' | 'provenance' | readonly string[];

export type FieldSpec = Readonly<{ shape: Shape; optional?: true; immutable?: true }>;

const required = (shape: Shape): FieldSpec => ({ shape });
const optional = (shape: Shape): FieldSpec => ({ shape, optional: true });
/** An id a claim is known by (or its track's): correcting it would make it a different claim. */
const identity: FieldSpec = { shape: 'text', immutable: true };

/** Where a claim happened and who hosted it (v2): optional everywhere, so v1 claims fit as they are. */
const placed = { place: optional('place') };
const hosted = { hostedBy: optional('actor') };

const basis = { occurredAt: required('text'), precision: required(PRECISIONS), provenance: required('provenance'), talksId: identity, note: optional('text'), occurredUntil: optional('text') };
/** The opening's date and sources may be absent, added later, or cleared (its rules see that a date stays whole). */
const openingBasis = { ...basis, occurredAt: optional('text'), precision: optional(PRECISIONS), provenance: optional('provenance') };

type ClaimFields = { readonly [C in TalksClaim as C['type']]: { readonly [K in keyof C['data']]-?: FieldSpec } };

export const CLAIM_FIELDS: ClaimFields = {
  TalksOpened: { ...openingBasis, title: required('text'), subject: required('text'), parties: required('actors'), mediators: required('actors') },
  EnvoyVisited: {
    ...basis,
    envoyId: required('actor'),
    hostCountry: required('text'),
    city: optional('text'),
    coordinates: optional('coordinates'),
    geoPrecision: optional(GEO_PRECISIONS),
    purpose: required('text'),
    departedAt: optional('text'),
    ...hosted,
  },
  MeetingScheduled: { ...basis, meetingId: identity, participants: required('actors'), location: required('place'), expectedAt: required('text'), ...hosted },
  MeetingHeld: {
    ...basis,
    meetingId: identity,
    participants: required('actors'),
    location: required('place'),
    format: required(MEETING_FORMATS),
    summary: required('text'),
    ...hosted,
  },
  PrisonerSwapped: { ...basis, swapId: identity, releases: required('releases'), total: optional('count'), mediators: required('actors'), ...placed, ...hosted },
  CeasefireBrokered: {
    ...basis,
    ceasefireId: identity,
    parties: required('actors'),
    mediators: required('actors'),
    effectiveFrom: required('text'),
    endsAt: optional('text'),
    terms: required('terms'),
    ...placed,
    ...hosted,
  },
  // Here ceasefireId is a reference, not the claim's own id: a release can be re-attributed.
  HostagesReleased: {
    ...basis,
    ceasefireId: optional('text'),
    count: required('count'),
    names: optional('texts'),
    releasedBy: required('actor'),
    prisonersReleasedInExchange: optional('count'),
    ...placed,
    ...hosted,
  },
  CeasefireViolated: { ...basis, ceasefireId: identity, allegedBy: required('actor'), against: required('actor'), description: required('text'), ...placed },
  CeasefireEnded: { ...basis, ceasefireId: identity, reason: required(CEASEFIRE_END_REASONS) },
  CeasefireExtended: { ...basis, ceasefireId: identity, endsAt: required('text'), terms: optional('terms') },
  TalksStalled: { ...basis, reason: required('text') },
  TalksResumed: { ...basis, reason: required('text') },
  TalksConcluded: { ...basis, outcome: required(TALKS_OUTCOMES), summary: required('text') },
};

export const fieldsOf = (type: TalksClaim['type']): Readonly<Record<string, FieldSpec>> => CLAIM_FIELDS[type];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown): boolean => value === undefined || isText(value);
const isTextList = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every(isText);

const fitsShape = (shape: Shape, value: unknown): boolean => {
  if (typeof shape !== 'string') return shape.includes(value as string);
  switch (shape) {
    case 'text':
    case 'actor':
      return isText(value);
    case 'actors':
    case 'texts':
      return isTextList(value);
    case 'place':
      return (
        isRecord(value) &&
        isText(value.country) &&
        isOptionalText(value.city) &&
        (value.coordinates === undefined || fitsShape('coordinates', value.coordinates)) &&
        (value.geoPrecision === undefined || GEO_PRECISIONS.includes(value.geoPrecision as never))
      );
    case 'coordinates':
      return isRecord(value) && typeof value.lat === 'number' && typeof value.lon === 'number';
    case 'count':
      return isRecord(value);
    case 'releases':
      return (
        Array.isArray(value) &&
        value.every(
          (release) =>
            isRecord(release) &&
            [release.person, release.nationality, release.releasedBy].every(isText) &&
            [release.releasedTo, release.detainedSince, release.sentence].every(isOptionalText),
        )
      );
    case 'terms':
      return isRecord(value) && isText(value.summary) && [value.hostagesToRelease, value.prisonersToRelease].every((c) => c === undefined || isRecord(c));
    case 'provenance':
      return (
        isRecord(value) &&
        Array.isArray(value.sources) &&
        value.sources.every((s) => isRecord(s) && isText(s.publisher) && (s.stance === undefined || STANCES.includes(s.stance as never))) &&
        CONFIDENCES.includes(value.confidence as never)
      );
    default: {
      const _exhaustive: never = shape;
      return _exhaustive;
    }
  }
};

/** `null` (or an absent value) clears an optional field; a required one must keep a value of its shape. */
export const fitsField = (spec: FieldSpec, value: unknown): boolean =>
  value === null || value === undefined ? spec.optional === true : fitsShape(spec.shape, value);

/** Where actor ids sit in (part of) a claim's data; ill-shaped values name no one. */
export const actorRefsIn = (type: TalksClaim['type'], data: Readonly<Record<string, unknown>>): readonly ActorRef[] =>
  Object.entries(data).flatMap(([key, value]): ActorRef[] => {
    const shape = Object.hasOwn(fieldsOf(type), key) ? fieldsOf(type)[key].shape : undefined;
    if (shape === 'actor') return isText(value) ? [{ actorId: value, field: key }] : [];
    if (shape === 'actors' && Array.isArray(value)) {
      return value.flatMap((id, index) => (isText(id) ? [{ actorId: id, field: `${key}[${index}]` }] : []));
    }
    if (shape === 'releases' && Array.isArray(value)) {
      return value.flatMap((release, index) =>
        isRecord(release)
          ? (['releasedBy', 'releasedTo'] as const).flatMap((name) => {
              const actorId = release[name];
              return isText(actorId) ? [{ actorId, field: `${key}[${index}].${name}` }] : [];
            })
          : [],
      );
    }
    return [];
  });

/**
 * A claim with a correction's changes applied: top-level fields replaced whole, `null` clearing
 * an optional one. Unknown and immutable fields are skipped, so a recorded oddity cannot
 * turn a claim into another.
 */
export const mergeChanges = <C extends TalksClaim>(claim: C, changes: Readonly<Record<string, unknown>>): C => {
  const fields = fieldsOf(claim.type);
  const data: Record<string, unknown> = { ...claim.data };
  for (const [key, value] of Object.entries(isRecord(changes) ? changes : {})) {
    if (!Object.hasOwn(fields, key) || fields[key].immutable) continue;
    if (value === null || value === undefined) delete data[key];
    else data[key] = value;
  }
  return { ...claim, data } as C;
};
