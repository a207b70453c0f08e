import { DomainError, DomainErrorKind, domainError } from './domain-error';

type CatalogueEntry = Readonly<{ kind: DomainErrorKind; meaning: string }>;

/**
 * Every code a decider can reject with, its kind (not_found 404, conflict 409, rule 422) and
 * what it means. The API publishes this list; tests and clients may rely on the codes.
 */
export const ERROR_CODES = {
  'TALKS.ALREADY_OPENED': { kind: 'conflict', meaning: 'The track has already been opened.' },
  'TALKS.NOT_OPENED': { kind: 'not_found', meaning: 'The track has not been opened yet.' },
  'TALKS.CONCLUDED': { kind: 'conflict', meaning: 'The track is concluded: it takes only corrections and retractions.' },
  'TALKS.ALREADY_STALLED': { kind: 'conflict', meaning: 'The talks are already stalled.' },
  'TALKS.NOT_STALLED': { kind: 'conflict', meaning: 'Only stalled talks can resume.' },
  'TALKS.TOO_FEW_PARTIES': { kind: 'rule', meaning: 'Talks need at least two distinct parties.' },
  'TALKS.PARTY_IS_MEDIATOR': { kind: 'rule', meaning: 'An actor cannot be both a party to and a mediator of the talks.' },

  'ACTOR.UNKNOWN': { kind: 'rule', meaning: 'A named actor is not registered.' },
  'ACTOR.ALREADY_REGISTERED': { kind: 'conflict', meaning: 'The actor is already registered.' },
  'ACTOR.NOT_FOUND': { kind: 'not_found', meaning: 'The actor to update is not registered.' },
  'ACTOR.REPRESENTS_ITSELF': { kind: 'rule', meaning: 'An actor cannot represent itself.' },
  'ACTOR.EMPTY_UPDATE': { kind: 'rule', meaning: 'An update must change at least one field.' },
  'ACTOR.VALID_FROM_WITHOUT_ROLE': { kind: 'rule', meaning: 'validFrom dates a title or represents; it was given with neither.' },
  'ACTOR.ROLE_BEFORE_CURRENT': { kind: 'rule', meaning: 'A new title or represents may not begin before the role it replaces began.' },

  'MEETING.TOO_FEW_PARTICIPANTS': { kind: 'rule', meaning: 'A meeting needs at least two distinct participants.' },
  'MEETING.ALREADY_HELD': { kind: 'conflict', meaning: 'A meeting with this id has already been held.' },
  'MEETING.ALREADY_SCHEDULED': { kind: 'conflict', meaning: 'A meeting with this id is already scheduled or held.' },

  'SWAP.DUPLICATE': { kind: 'conflict', meaning: 'A prisoner swap with this id is already recorded.' },
  'SWAP.NO_RELEASES': { kind: 'rule', meaning: 'A prisoner swap releases at least one person.' },
  'SWAP.TOTAL_BELOW_NAMED': { kind: 'rule', meaning: 'A swap’s total (its best or high) is below the number of people it names.' },
  'SWAP.RELEASED_TO_RELEASER': { kind: 'rule', meaning: 'A person is released to the same actor that released them.' },

  'CEASEFIRE.TOO_FEW_PARTIES': { kind: 'rule', meaning: 'A ceasefire needs at least two distinct parties.' },
  'CEASEFIRE.DUPLICATE': { kind: 'conflict', meaning: 'A ceasefire with this id is already brokered in this track.' },
  'CEASEFIRE.NOT_FOUND': { kind: 'not_found', meaning: 'No live ceasefire with this id was brokered in this track.' },
  'CEASEFIRE.UNKNOWN': { kind: 'rule', meaning: 'A hostage release names a ceasefire not brokered in this track.' },
  'CEASEFIRE.ALREADY_ENDED': { kind: 'conflict', meaning: 'The ceasefire has already ended.' },
  'CEASEFIRE.NO_END_TO_EXTEND': { kind: 'rule', meaning: 'An open-ended ceasefire (no endsAt) has no end to extend.' },
  'CEASEFIRE.EXTENSION_BEFORE_START': { kind: 'rule', meaning: 'An extension is dated before the ceasefire was brokered or took effect.' },
  'CEASEFIRE.EXTENSION_NOT_LATER': { kind: 'rule', meaning: "An extension's new end is not after the end in force on its date (extensions' ends rise in the order of their dates)." },
  'CEASEFIRE.EXTENSION_AFTER_END': { kind: 'rule', meaning: 'An extension is dated after the ceasefire ended (its recorded end, or the end in force then).' },

  'CLAIM.NOT_FOUND': { kind: 'not_found', meaning: 'The event id is not a claim of this track.' },
  'CLAIM.ALREADY_RETRACTED': { kind: 'conflict', meaning: 'The claim has already been retracted.' },
  'CLAIM.NOT_CORRECTABLE': { kind: 'rule', meaning: 'Corrections and retractions cannot themselves be corrected.' },
  'CLAIM.NOT_RETRACTABLE': { kind: 'rule', meaning: 'The opening of a track, and corrections and retractions, cannot be retracted.' },
  'CLAIM.IMMUTABLE_FIELD': { kind: 'rule', meaning: "A correction cannot change talksId or the claim's own id (meetingId, swapId, ceasefireId)." },
  'CLAIM.UNKNOWN_FIELD': { kind: 'rule', meaning: "A correction names a field that the claim's type does not have." },
  'CLAIM.EMPTY_CORRECTION': { kind: 'rule', meaning: 'A correction must change at least one field.' },
  'CLAIM.INVALID_VALUE': { kind: 'rule', meaning: "A corrected field's value has the wrong shape for the claim's type." },

  'INCIDENT.SELF_LINK': { kind: 'rule', meaning: 'A claim cannot be linked to itself.' },
  'INCIDENT.RETRACTED_CLAIM': { kind: 'conflict', meaning: 'A retracted claim cannot be linked to another.' },
  'INCIDENT.TYPE_MISMATCH': { kind: 'rule', meaning: 'Only claims of the same type can report the same event.' },
  'INCIDENT.ALREADY_LINKED': { kind: 'conflict', meaning: 'The two claims are already linked, directly or through others, into one incident.' },
  'INCIDENT.NOT_LINKED': { kind: 'conflict', meaning: 'The two claims are not linked to each other directly: there is no link to undo.' },

  'PROVENANCE.NO_SOURCES': { kind: 'rule', meaning: 'A claim cites at least one source.' },
  'NOTE.TOO_LONG': { kind: 'rule', meaning: 'A claim’s note is at most 2,000 characters.' },

  'DATE.INVALID': { kind: 'rule', meaning: "Not an ISO 8601 date (YYYY-MM-DD) or date-time with Z/offset, or a precision the date cannot carry." },
  'DATE.IN_FUTURE': { kind: 'rule', meaning: 'Something that happened is dated after now (the start of its precision period counts).' },
  'DATE.END_BEFORE_START': { kind: 'rule', meaning: 'An end is dated before its start (or a detention after the release).' },
  'DATE.RANGE_REVERSED': { kind: 'rule', meaning: 'occurredUntil (the latest a claim can have happened) is before occurredAt (the earliest).' },
  'DATE.INCOMPLETE': { kind: 'rule', meaning: "An opening's date is occurredAt and precision together, and occurredUntil needs occurredAt." },

  'PLACE.COORDINATES_OUT_OF_RANGE': { kind: 'rule', meaning: 'Coordinates are WGS 84 decimal degrees: lat −90…90, lon −180…180.' },
  'PLACE.COORDINATES_WITHOUT_PRECISION': { kind: 'rule', meaning: 'Coordinates come with a geoPrecision saying what they stand for.' },
  'PLACE.PRECISION_WITHOUT_COORDINATES': { kind: 'rule', meaning: 'geoPrecision grades coordinates; it was given without them.' },

  'COUNT.INVALID': { kind: 'rule', meaning: 'A count must be non-negative integers with low ≤ best ≤ high.' },
} as const satisfies Readonly<Record<string, CatalogueEntry>>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST: readonly ErrorCode[] = Object.keys(ERROR_CODES) as ErrorCode[];

/** A rejection whose kind comes from the catalogue, so a code never changes kind by accident. */
export const rejection = (code: ErrorCode, message: string, field?: string): DomainError =>
  domainError(ERROR_CODES[code].kind, code, message, field);

/** What a rule returns: the rejection, or `undefined` when it holds. Chain rules with `??`. */
export type Verdict = DomainError | undefined;
