import { specify, withId } from '../testing/given-when-then';
import { TALKS_ID, commandFor, concluded, corrected, held, linked, opened, retracted, swapped, unlinked, visited } from '../testing/talks.fixtures';
import { incidentOf } from './incidents.rules';
import { talksDecider } from './talks.decider';
import { OpenedTalks } from './talks.state';

const { given } = specify(talksDecider);
const link = (eventId: string, sameAs: string) => commandFor(linked({ eventId, sameAs }));
const unlink = (eventId: string, sameAs: string) => commandFor(unlinked({ eventId, sameAs }));
// Three reports of one exchange (TASS, Reuters, Anadolu) and a visit.
const track = [
  withId('open', opened()),
  withId('tass', swapped({ swapId: 'swap-tass' })),
  withId('reuters', swapped({ swapId: 'swap-reuters' })),
  withId('anadolu', swapped({ swapId: 'swap-anadolu' })),
  withId('visit', visited()),
];

describe('linking two claims as one incident', () => {
  it('records ClaimsLinked with both event ids, the reason and the provenance', () => {
    given(track).when(link('reuters', 'tass')).thenEvents([linked({ eventId: 'reuters', sameAs: 'tass' })]);
  });

  it('joins linked claims, and claims linked through others, into one incident', () => {
    const state = given([...track, linked({ eventId: 'reuters', sameAs: 'tass' }), linked({ eventId: 'anadolu', sameAs: 'reuters' })]).state() as OpenedTalks;
    expect([...incidentOf(state, 'tass')].sort()).toEqual(['anadolu', 'reuters', 'tass']);
    expect([...incidentOf(state, 'visit')]).toEqual(['visit']);
  });

  it('refuses to link a claim to itself', () => {
    given(track).when(link('tass', 'tass')).thenError('INCIDENT.SELF_LINK', 'sameAs');
  });

  it('refuses an event id that is not a claim of the track, or is a correction or a link', () => {
    given(track).when(link('tass', 'elsewhere')).thenError('CLAIM.NOT_FOUND', 'sameAs');
    given(track).when(link('elsewhere', 'tass')).thenError('CLAIM.NOT_FOUND', 'eventId');
    const history = [...track, withId('fix', corrected({ eventId: 'tass', changes: { mediators: [] } })), withId('link', linked({ eventId: 'reuters', sameAs: 'tass' }))];
    given(history).when(link('tass', 'fix')).thenError('CLAIM.NOT_FOUND', 'sameAs');
    given(history).when(link('link', 'anadolu')).thenError('CLAIM.NOT_FOUND', 'eventId');
  });

  it('refuses a retracted claim on either side', () => {
    given([...track, retracted({ eventId: 'reuters' })]).when(link('reuters', 'tass')).thenError('INCIDENT.RETRACTED_CLAIM', 'eventId');
    given([...track, retracted({ eventId: 'reuters' })]).when(link('tass', 'reuters')).thenError('INCIDENT.RETRACTED_CLAIM', 'sameAs');
  });

  it('refuses two claims of different types', () => {
    given(track).when(link('tass', 'visit')).thenError('INCIDENT.TYPE_MISMATCH', 'sameAs');
  });

  it('refuses a link that already exists, either way round, or follows from others', () => {
    const history = [...track, linked({ eventId: 'reuters', sameAs: 'tass' }), linked({ eventId: 'anadolu', sameAs: 'reuters' })];
    given(history).when(link('reuters', 'tass')).thenError('INCIDENT.ALREADY_LINKED', 'sameAs');
    given(history).when(link('tass', 'reuters')).thenError('INCIDENT.ALREADY_LINKED', 'sameAs');
    given(history).when(link('tass', 'anadolu')).thenError('INCIDENT.ALREADY_LINKED', 'sameAs');
  });

  it('needs a source and a past date, as every amendment does', () => {
    given(track).when(commandFor(linked({ eventId: 'reuters', sameAs: 'tass', provenance: { sources: [], confidence: 'reported' } }))).thenError('PROVENANCE.NO_SOURCES');
    given(track).when(commandFor(linked({ eventId: 'reuters', sameAs: 'tass', occurredAt: '2026-01-01' }))).thenError('DATE.IN_FUTURE');
  });

  it('links claims of a concluded track, as it takes corrections', () => {
    given([...track, concluded()]).when(link('reuters', 'tass')).thenAccepted();
  });

  it('links two held meetings, whatever their meeting ids', () => {
    given([withId('open', opened()), withId('a', held({ meetingId: 'riyadh' })), withId('b', held({ meetingId: 'riyadh-talks' }))]).when(link('a', 'b')).thenAccepted();
  });
});

describe('linking claims across tracks, both named', () => {
  const elsewhere = (claims: Record<string, { talksId: string; type: string; retracted: boolean }>) => ({ otherClaims: new Map(Object.entries(claims)) });
  const across = (overrides = {}) => linked({ eventId: 'tass', sameAs: 'kyiv-report', sameAsTalksId: 'russia-ukraine-istanbul', ...overrides });

  it('records the link in the track of the claim in the path, naming the other track', () => {
    given(track)
      .when(commandFor(across(), elsewhere({ 'kyiv-report': { talksId: 'russia-ukraine-istanbul', type: 'PrisonerSwapped', retracted: false } })))
      .thenEvents([across()]);
  });

  it('joins the other track’s claim into the incident', () => {
    const state = given([...track, across()]).state() as OpenedTalks;
    expect([...incidentOf(state, 'tass')].sort()).toEqual(['kyiv-report', 'tass']);
  });

  it('refuses a claim the other track does not have, a retracted one, or one of another type', () => {
    given(track).when(commandFor(across(), elsewhere({}))).thenError('CLAIM.NOT_FOUND', 'sameAs');
    given(track)
      .when(commandFor(across(), elsewhere({ 'kyiv-report': { talksId: 'somewhere-else', type: 'PrisonerSwapped', retracted: false } })))
      .thenError('CLAIM.NOT_FOUND', 'sameAs');
    given(track)
      .when(commandFor(across(), elsewhere({ 'kyiv-report': { talksId: 'russia-ukraine-istanbul', type: 'PrisonerSwapped', retracted: true } })))
      .thenError('INCIDENT.RETRACTED_CLAIM', 'sameAs');
    given(track)
      .when(commandFor(across(), elsewhere({ 'kyiv-report': { talksId: 'russia-ukraine-istanbul', type: 'EnvoyVisited', retracted: false } })))
      .thenError('INCIDENT.TYPE_MISMATCH', 'sameAs');
  });

  it('refuses a link this track already recorded, and undoes it', () => {
    const other = elsewhere({ 'kyiv-report': { talksId: 'russia-ukraine-istanbul', type: 'PrisonerSwapped', retracted: false } });
    given([...track, across()]).when(commandFor(across(), other)).thenError('INCIDENT.ALREADY_LINKED', 'sameAs');
    given([...track, across()])
      .when(commandFor(unlinked({ eventId: 'tass', sameAs: 'kyiv-report', sameAsTalksId: 'russia-ukraine-istanbul' })))
      .thenAccepted();
  });

  it('refuses a link another track already recorded, or one closing a cycle through another track', () => {
    const kyiv = { 'kyiv-report': { talksId: 'russia-ukraine-istanbul', type: 'PrisonerSwapped', retracted: false } };
    // Istanbul recorded kyiv-report–tass; this track does not hold that link, the store does.
    given(track)
      .when(commandFor(across(), { ...elsewhere(kyiv), linksElsewhere: [['kyiv-report', 'tass']] }))
      .thenError('INCIDENT.ALREADY_LINKED', 'sameAs');
    // Istanbul joined tass and reuters through its own report: linking them here would make a cycle.
    given(track)
      .when(commandFor(linked({ eventId: 'reuters', sameAs: 'tass' }), { linksElsewhere: [['kyiv-report', 'tass'], ['reuters', 'kyiv-report']] }))
      .thenError('INCIDENT.ALREADY_LINKED', 'sameAs');
    given(track)
      .when(commandFor(linked({ eventId: 'reuters', sameAs: 'tass' }), { linksElsewhere: [['kyiv-report', 'tass']] }))
      .thenAccepted();
  });

  it('reads its own track named as the other as the same track', () => {
    given(track).when(commandFor(linked({ eventId: 'reuters', sameAs: 'tass', sameAsTalksId: TALKS_ID }))).thenAccepted();
  });
});

describe('unlinking two claims', () => {
  const linkedTrack = [...track, linked({ eventId: 'reuters', sameAs: 'tass' }), linked({ eventId: 'anadolu', sameAs: 'reuters' })];

  it('records ClaimsUnlinked, naming the link either way round', () => {
    given(linkedTrack).when(unlink('reuters', 'tass')).thenEvents([unlinked({ eventId: 'reuters', sameAs: 'tass' })]);
    given(linkedTrack).when(unlink('tass', 'reuters')).thenAccepted();
  });

  it('splits the incident in two', () => {
    const state = given([...linkedTrack, unlinked({ eventId: 'tass', sameAs: 'reuters' })]).state() as OpenedTalks;
    expect([...incidentOf(state, 'tass')]).toEqual(['tass']);
    expect([...incidentOf(state, 'anadolu')].sort()).toEqual(['anadolu', 'reuters']);
  });

  it('refuses to unlink what is not linked directly', () => {
    given(track).when(unlink('reuters', 'tass')).thenError('INCIDENT.NOT_LINKED', 'sameAs');
    given(linkedTrack).when(unlink('tass', 'anadolu')).thenError('INCIDENT.NOT_LINKED', 'sameAs');
    given([...linkedTrack, unlinked({ eventId: 'reuters', sameAs: 'tass' })]).when(unlink('reuters', 'tass')).thenError('INCIDENT.NOT_LINKED', 'sameAs');
  });

  it('refuses an event id that is not a claim of the track', () => {
    given(linkedTrack).when(unlink('elsewhere', 'tass')).thenError('CLAIM.NOT_FOUND', 'eventId');
  });

  it('undoes a link to a claim retracted since', () => {
    given([...linkedTrack, retracted({ eventId: 'reuters' })]).when(unlink('anadolu', 'reuters')).thenAccepted();
  });

  it('allows linking again after an unlink', () => {
    given([...linkedTrack, unlinked({ eventId: 'reuters', sameAs: 'tass' })]).when(link('tass', 'reuters')).thenAccepted();
  });

  it('keeps link events out of corrections and retractions', () => {
    const history = [...track, withId('link', linked({ eventId: 'reuters', sameAs: 'tass' }))];
    given(history).when(commandFor(retracted({ eventId: 'link' }))).thenError('CLAIM.NOT_RETRACTABLE', 'eventId');
  });
});
