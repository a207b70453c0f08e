import { CameoCode, PloverContext, PloverEvent, PloverMode } from './codebooks';

/** One act coded in both codebooks: CAMEO's verb, and PLOVER's event–mode–context ("what–how–why"). */
export type EventCode = Readonly<{ cameo: CameoCode; plover: PloverEvent; mode: PloverMode | null; contexts: readonly PloverContext[] }>;

export const code = (cameo: CameoCode, plover: PloverEvent, mode: PloverMode | null = null, ...contexts: PloverContext[]): EventCode => ({
  cameo,
  plover,
  mode,
  contexts,
});

/**
 * The fixed codes, one per kind of act; the rules that pick among them are in crosswalk.ts.
 * PLOVER contexts are those CAMEO2PLOVER-2021.txt gives the CAMEO code, where the 2.0 manual
 * still lists that context; modes are the manual's (where the two differ, the manual wins).
 */
export const CODES = {
  intentToMeet: code('036', 'AGREE', null, 'diplomatic'),
  consult: code('040', 'CONSULT'),
  phone: code('041', 'CONSULT', 'phone'),
  visit: code('042', 'CONSULT', 'visit'),
  host: code('043', 'CONSULT', 'visit'),
  thirdLocation: code('044', 'CONSULT', 'third-party'),
  mediate: code('045', 'CONSULT', null, 'diplomatic'),
  negotiate: code('046', 'CONSULT', null, 'diplomatic'),
  negotiateAtThirdLocation: code('046', 'CONSULT', 'third-party', 'diplomatic'),
  release: code('0841', 'RETREAT', 'release', 'legal'),
  declareCeasefire: code('0871', 'CONCEDE', null, 'military'),
  accuseOfViolation: code('112', 'ACCUSE', 'allege', 'military'),
  violateCeasefire: code('196', 'ASSAULT', null, 'legal', 'military'),
} as const satisfies Record<string, EventCode>;
