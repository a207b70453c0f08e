import { ClaimData, ClaimType } from '../../talks/claim-data';
import { claimCode, Dyad, dyadsOf } from './crosswalk';
import { CLAIM_ALONE, crosswalkClaimOf, CrosswalkSetting } from './crosswalk-claim';
import { EventCode } from './event-code';

/** Golden codes, claim type by claim type and meeting format by place: each row of docs/crosswalk.md. */

const COUNTRIES: Readonly<Record<string, string>> = {
  usa: 'USA', rus: 'RUS', ukr: 'UKR', tur: 'TUR', qat: 'QAT', isr: 'ISR', hamas: 'PSE', sau: 'SAU',
  witkoff: 'USA', rubio: 'USA', putin: 'RUS', dmitriev: 'RUS', medinsky: 'RUS', umerov: 'UKR', 'al-thani': 'QAT', fidan: 'TUR',
};

const setting = (...trackParties: string[]): CrosswalkSetting => ({ countryOf: (id) => COUNTRIES[id], trackParties });

const text = (found: EventCode | null): string =>
  found === null ? 'none' : [found.cameo, found.plover, found.mode ?? '-', found.contexts.join('+') || '-'].join(' ');

const side = ({ actorId, country }: Dyad['source']): string => `${actorId ?? '?'}(${country ?? '?'})`;
const dyadText = (dyad: Dyad): string => `${side(dyad.source)} → ${side(dyad.target)} ${text(dyad.code)}`;

const coded = (type: ClaimType, data: ClaimData, around: CrosswalkSetting) => {
  const claim = crosswalkClaimOf(type, data);
  return { claim: text(claimCode(claim, around)), alone: text(claimCode(claim, CLAIM_ALONE)), dyads: dyadsOf(claim, around).map(dyadText) };
};

describe('crosswalk: CAMEO 1.1b3 and PLOVER 2.0 codes of each claim', () => {
  describe('EnvoyVisited', () => {
    it('is a visit: the envoy’s 042 row to the host, the host’s 043 row back, both PLOVER CONSULT visit', () => {
      expect(coded('EnvoyVisited', { envoyId: 'witkoff', hostCountry: 'RUS', purpose: 'talks' }, setting('usa', 'rus'))).toEqual({
        claim: '042 CONSULT visit -',
        alone: '042 CONSULT visit -',
        dyads: ['witkoff(USA) → rus(RUS) 042 CONSULT visit -', 'rus(RUS) → witkoff(USA) 043 CONSULT visit -'],
      });
    });

    it('names the host by its country alone when no party of the track is from there', () => {
      expect(coded('EnvoyVisited', { envoyId: 'witkoff', hostCountry: 'QAT', purpose: 'hostages' }, setting('isr', 'hamas')).dyads).toEqual([
        'witkoff(USA) → ?(QAT) 042 CONSULT visit -',
        '?(QAT) → witkoff(USA) 043 CONSULT visit -',
      ]);
    });

    it('names who hosted, when the claim says, over the state of the place', () => {
      expect(coded('EnvoyVisited', { envoyId: 'witkoff', hostCountry: 'RUS', hostedBy: 'dmitriev', purpose: 'talks' }, setting('usa', 'rus')).dyads).toEqual([
        'witkoff(USA) → dmitriev(RUS) 042 CONSULT visit -',
        'dmitriev(RUS) → witkoff(USA) 043 CONSULT visit -',
      ]);
    });
  });

  describe('MeetingHeld', () => {
    const meeting = (format: string, country: string, ...participants: string[]) => ({ participants, format, location: { country }, summary: 's' });

    it('phone: 041 CONSULT phone, whoever is where', () => {
      expect(coded('MeetingHeld', meeting('phone', 'USA', 'witkoff', 'putin'), setting('usa', 'rus'))).toEqual({
        claim: '041 CONSULT phone -',
        alone: '041 CONSULT phone -',
        dyads: ['witkoff(USA) → putin(RUS) 041 CONSULT phone -', 'putin(RUS) → witkoff(USA) 041 CONSULT phone -'],
      });
    });

    it('video: a remote medium too, 041 CONSULT phone', () => {
      expect(coded('MeetingHeld', meeting('video', 'RUS', 'witkoff', 'putin'), setting('usa', 'rus')).claim).toBe('041 CONSULT phone -');
    });

    it('in person at one side’s home: a visit, 042 for the visitor and 043 for the host, though the two negotiate', () => {
      expect(coded('MeetingHeld', meeting('in_person', 'RUS', 'witkoff', 'putin'), setting('usa', 'rus'))).toEqual({
        claim: '042 CONSULT visit -',
        alone: '040 CONSULT - -',
        dyads: ['witkoff(USA) → putin(RUS) 042 CONSULT visit -', 'putin(RUS) → witkoff(USA) 043 CONSULT visit -'],
      });
    });

    it('in person at a third location between the track’s parties: 046 negotiation, PLOVER mode third-party, context diplomatic', () => {
      expect(coded('MeetingHeld', meeting('in_person', 'TUR', 'umerov', 'medinsky'), setting('rus', 'ukr'))).toEqual({
        claim: '046 CONSULT third-party diplomatic',
        alone: '040 CONSULT - -',
        dyads: ['umerov(UKR) → medinsky(RUS) 046 CONSULT third-party diplomatic', 'medinsky(RUS) → umerov(UKR) 046 CONSULT third-party diplomatic'],
      });
    });

    it('in person at a third location between others than the parties: 044 CONSULT third-party', () => {
      expect(coded('MeetingHeld', meeting('in_person', 'SAU', 'witkoff', 'al-thani'), setting('isr', 'hamas'))).toEqual({
        claim: '044 CONSULT third-party -',
        alone: '040 CONSULT - -',
        dyads: ['witkoff(USA) → al-thani(QAT) 044 CONSULT third-party -', 'al-thani(QAT) → witkoff(USA) 044 CONSULT third-party -'],
      });
    });

    it('a host meeting a visitor and a third guest: the visitor and guest visit, the host hosts, the two guests meet away from home', () => {
      expect(coded('MeetingHeld', meeting('in_person', 'TUR', 'fidan', 'umerov', 'medinsky'), setting('rus', 'ukr')).dyads).toEqual([
        'fidan(TUR) → umerov(UKR) 043 CONSULT visit -',
        'fidan(TUR) → medinsky(RUS) 043 CONSULT visit -',
        'umerov(UKR) → fidan(TUR) 042 CONSULT visit -',
        'umerov(UKR) → medinsky(RUS) 046 CONSULT third-party diplomatic',
        'medinsky(RUS) → fidan(TUR) 042 CONSULT visit -',
        'medinsky(RUS) → umerov(UKR) 046 CONSULT third-party diplomatic',
      ]);
    });

    it('in person, everyone at home (or countries unknown): 040 CONSULT, the residual code', () => {
      expect(coded('MeetingHeld', meeting('in_person', 'USA', 'witkoff', 'rubio'), setting('usa', 'rus')).claim).toBe('040 CONSULT - -');
      expect(coded('MeetingHeld', meeting('in_person', 'USA', 'stranger', 'other'), setting('usa', 'rus')).claim).toBe('040 CONSULT - -');
    });

    it('a host named on the claim (hostedBy, v2) decides who is at home, over the countries', () => {
      const hostedByTurkey = { ...meeting('in_person', 'RUS', 'witkoff', 'putin'), hostedBy: 'tur' };
      expect(coded('MeetingHeld', hostedByTurkey, setting('usa', 'rus')).claim).toBe('046 CONSULT third-party diplomatic');
      const hostedByWitkoff = { ...meeting('in_person', 'RUS', 'witkoff', 'putin'), hostedBy: 'witkoff' };
      expect(coded('MeetingHeld', hostedByWitkoff, setting('usa', 'rus')).dyads).toEqual([
        'witkoff(USA) → putin(RUS) 043 CONSULT visit -',
        'putin(RUS) → witkoff(USA) 042 CONSULT visit -',
      ]);
    });
  });

  describe('MeetingScheduled', () => {
    it('an expected meeting is an intent to meet: 036 AGREE, context diplomatic, both ways', () => {
      expect(coded('MeetingScheduled', { participants: ['usa', 'rus'], location: { country: 'SAU' }, expectedAt: '2025-03-20' }, setting('usa', 'rus'))).toEqual({
        claim: '036 AGREE - diplomatic',
        alone: '036 AGREE - diplomatic',
        dyads: ['usa(USA) → rus(RUS) 036 AGREE - diplomatic', 'rus(RUS) → usa(USA) 036 AGREE - diplomatic'],
      });
    });
  });

  describe('PrisonerSwapped', () => {
    it('an actual release is RETREAT release (0841), not CONCEDE: each releaser to the freed person’s state; the mediator mediates', () => {
      const swap = {
        releases: [
          { person: 'Marc Fogel', nationality: 'USA', releasedBy: 'rus' },
          { person: 'Alexander Vinnik', nationality: 'RUS', releasedBy: 'usa' },
          { person: 'Another American', nationality: 'USA', releasedBy: 'rus' },
        ],
        mediators: ['dmitriev'],
      };
      expect(coded('PrisonerSwapped', swap, setting('usa', 'rus'))).toEqual({
        claim: '0841 RETREAT release legal',
        alone: '0841 RETREAT release legal',
        dyads: [
          'rus(RUS) → usa(USA) 0841 RETREAT release legal',
          'usa(USA) → rus(RUS) 0841 RETREAT release legal',
          'dmitriev(RUS) → rus(RUS) 045 CONSULT - diplomatic',
          'dmitriev(RUS) → usa(USA) 045 CONSULT - diplomatic',
        ],
      });
    });

    it('releases to whom the person was handed (releasedTo, v2) where the claim says, else to their state', () => {
      const swap = {
        releases: [
          { person: 'A', nationality: 'USA', releasedBy: 'rus', releasedTo: 'qat' },
          { person: 'B', nationality: 'USA', releasedBy: 'rus' },
        ],
        mediators: [],
        place: { country: 'TUR', city: 'Ankara' },
      };
      expect(coded('PrisonerSwapped', swap, setting('usa', 'rus')).dyads).toEqual(['rus(RUS) → qat(QAT) 0841 RETREAT release legal', 'rus(RUS) → usa(USA) 0841 RETREAT release legal']);
      expect(crosswalkClaimOf('PrisonerSwapped', swap).placeCountry).toBe('TUR');
    });
  });

  describe('HostagesReleased', () => {
    it('RETREAT release to the track’s other party, and the prisoners freed in exchange the other way', () => {
      const release = { count: { best: 3 }, releasedBy: 'hamas', prisonersReleasedInExchange: { best: 90 } };
      expect(coded('HostagesReleased', release, setting('isr', 'hamas'))).toEqual({
        claim: '0841 RETREAT release legal',
        alone: '0841 RETREAT release legal',
        dyads: ['hamas(PSE) → isr(ISR) 0841 RETREAT release legal', 'isr(ISR) → hamas(PSE) 0841 RETREAT release legal'],
      });
    });

    it('with no single other party, the row has no recipient (RETREAT requires none)', () => {
      expect(coded('HostagesReleased', { count: { best: 1 }, releasedBy: 'hamas' }, setting('isr', 'hamas', 'usa')).dyads).toEqual([
        'hamas(PSE) → ?(?) 0841 RETREAT release legal',
      ]);
    });
  });

  describe('CeasefireBrokered', () => {
    it('an agreed ceasefire is declared, not yet implemented: 0871 with PLOVER CONCEDE, context military; mediators 045', () => {
      const truce = { ceasefireId: 'gaza', parties: ['isr', 'hamas'], mediators: ['qat'], effectiveFrom: '2025-01-19', terms: { summary: 's' } };
      expect(coded('CeasefireBrokered', truce, setting('isr', 'hamas'))).toEqual({
        claim: '0871 CONCEDE - military',
        alone: '0871 CONCEDE - military',
        dyads: [
          'isr(ISR) → hamas(PSE) 0871 CONCEDE - military',
          'hamas(PSE) → isr(ISR) 0871 CONCEDE - military',
          'qat(QAT) → isr(ISR) 045 CONSULT - diplomatic',
          'qat(QAT) → hamas(PSE) 045 CONSULT - diplomatic',
        ],
      });
    });
  });

  describe('CeasefireExtended', () => {
    it('more time agreed is the ceasefire declared again: 0871 CONCEDE military; it names no sides, so no dyads of its own', () => {
      expect(coded('CeasefireExtended', { ceasefireId: 'gaza', endsAt: '2023-11-30', terms: { summary: 's' } }, setting('isr', 'hamas'))).toEqual({
        claim: '0871 CONCEDE - military',
        alone: '0871 CONCEDE - military',
        dyads: [],
      });
    });
  });

  describe('CeasefireViolated', () => {
    it('the violation by the accused (196 ASSAULT), and the accusation by the accuser (112 ACCUSE allege)', () => {
      expect(coded('CeasefireViolated', { ceasefireId: 'gaza', allegedBy: 'isr', against: 'hamas', description: 'd' }, setting('isr', 'hamas'))).toEqual({
        claim: '196 ASSAULT - legal+military',
        alone: '196 ASSAULT - legal+military',
        dyads: ['hamas(PSE) → isr(ISR) 196 ASSAULT - legal+military', 'isr(ISR) → hamas(PSE) 112 ACCUSE allege military'],
      });
    });
  });

  describe('claims that are no interaction', () => {
    it.each(['TalksOpened', 'CeasefireEnded', 'TalksStalled', 'TalksResumed', 'TalksConcluded'] as const)('%s has no code and no dyad', (type) => {
      expect(coded(type, { parties: ['usa', 'rus'], mediators: ['qat'], reason: 'r', outcome: 'agreement' }, setting('usa', 'rus'))).toEqual({
        claim: 'none',
        alone: 'none',
        dyads: [],
      });
    });
  });

  it('reads an ill-shaped claim as absent facts, never a crash', () => {
    expect(coded('MeetingHeld', { participants: 'witkoff', location: 'Moscow', format: 7 }, setting('usa', 'rus'))).toEqual({ claim: '040 CONSULT - -', alone: '040 CONSULT - -', dyads: [] });
    expect(coded('EnvoyVisited', {}, setting()).dyads).toEqual([]);
  });
});
