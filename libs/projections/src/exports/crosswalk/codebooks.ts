/**
 * The codebooks every exported code is pinned to, by edition. A change of edition, or of a rule in
 * docs/crosswalk.md, is a change of these labels: a downstream copy can tell which rules coded a row.
 *
 * CAMEO: Schrodt, "CAMEO Conflict and Mediation Event Observations Event and Actor Codebook",
 * version 1.1b3 (March 2012), chapter 2 (verb codes).
 * PLOVER: Open Event Data Alliance, "PLOVER: Political Language Ontology for Verifiable Event
 * Records — Event, Actor and Data Interchange Specification", DRAFT Version 2.0, as published in
 * github.com/openeventdata/PLOVER at commit 5e0c24f (4 February 2024), with its CAMEO crosswalk
 * CAMEO2PLOVER-2021.txt (keyed to manual Draft 0.8, 17 September 2021) where the manual is silent.
 */
export const CODEBOOKS = { cameo: 'CAMEO 1.1b3', plover: 'PLOVER 2.0-draft@5e0c24f' } as const;

/** Parley's own scales for the precision of a date and of a place: 1 is the most precise. */
export const PRECISION_CODEBOOK = 'Parley precision 2';

/** The scale of a place's precision, after ACLED's and UCDP's (docs/crosswalk.md): edition 2 added coordinates and their grades. */
export const GEO_PRECISION_CODEBOOK = 'Parley geo precision 2';

/** The CAMEO verb codes Parley emits, with the codebook's own names. */
export const CAMEO_CODES = {
  '036': 'Express intent to meet or negotiate',
  '040': 'Consult, not specified below',
  '041': 'Discuss by telephone',
  '042': 'Make a visit',
  '043': 'Host a visit',
  '044': "Meet at a 'third' location",
  '045': 'Mediate',
  '046': 'Engage in negotiation',
  '0841': 'Return, release person(s)',
  '0871': 'Declare truce, ceasefire',
  '112': 'Accuse, not specified below',
  '196': 'Violate ceasefire',
} as const;

export type CameoCode = keyof typeof CAMEO_CODES;

/** The PLOVER event types, modes and contexts Parley emits, with the manual's definitions. */
export const PLOVER_EVENTS = {
  AGREE: 'Agree to, offer, promise, or otherwise indicate willingness or commitment to cooperate',
  CONSULT: 'All consultations and meetings, visiting and hosting, at a neutral location, by phone or other media',
  CONCEDE: 'Verbal concessions, including declarations (but not implementations) of ceasefires',
  RETREAT: 'Events with immediate material consequences, such as the release of prisoners and hostages',
  ACCUSE: 'Express disapproval; accuse, allege, or charge, judicially and informally',
  ASSAULT: 'Use of violence, including violating a ceasefire',
} as const;

export type PloverEvent = keyof typeof PLOVER_EVENTS;

export const PLOVER_MODES = {
  phone: 'CONSULT: consultation occurs via phone or some other remote medium',
  visit: 'CONSULT: actor is visiting, recipient is hosting',
  'third-party': 'CONSULT: meeting is hosted by a third party',
  release: 'RETREAT: release captives',
  allege: 'ACCUSE: formally or informally accuse',
} as const;

export type PloverMode = keyof typeof PLOVER_MODES;

export const PLOVER_CONTEXTS = {
  diplomatic: 'diplomacy, which can be both international and domestic',
  military: 'military, including military assistance; official state military bodies',
  legal: 'courts and judiciary; national and international law',
} as const;

export type PloverContext = keyof typeof PLOVER_CONTEXTS;
