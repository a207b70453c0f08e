import fc from 'fast-check';
import { Identified } from '../shared/event';
import { isDomainError } from '../shared/domain-error';
import { talksDecider } from '../talks/talks.decider';
import { TalksEvent } from '../talks/talks.events';
import { TalksState } from '../talks/talks.state';
import {
  brokered,
  commandFor,
  concluded,
  corrected,
  ended,
  extended,
  held,
  linked,
  opened,
  released,
  resumed,
  retracted,
  scheduled,
  stalled,
  swapped,
  unlinked,
  violated,
  visited,
} from './talks.fixtures';

/**
 * Random histories of one track that the decider accepts, corrections and retractions included:
 * what the fold, the status read model and time travel are checked against.
 */

const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const dates = fc.constantFrom('2025-01-05', '2025-01-19', '2025-02-11', '2025-02-12T09:30:00Z', '2025-03-01');
const provenance = fc.record({
  // Asserted, denied by every source, or disputed: a denied claim counts for nothing.
  sources: fc.constantFrom(
    [{ publisher: 'Reuters' }],
    [{ publisher: 'TASS', stance: 'denies' as const }],
    [{ publisher: 'Reuters', stance: 'asserts' as const }, { publisher: 'TASS', stance: 'denies' as const }],
  ),
  confidence: fc.constantFrom('rumoured' as const, 'reported' as const, 'confirmed' as const),
});
// Sometimes a range: its end at or after every date above, so the decider keeps it.
const occurredUntil = fc.option(fc.constantFrom('2025-03-01', '2025-03-05'), { nil: undefined });
const basis = fc
  .record({ occurredAt: dates, occurredUntil, precision: fc.constantFrom('day' as const, 'week' as const, 'month' as const), provenance })
  .map(defined);
const actors = fc.subarray(['usa', 'rus', 'ukr', 'qat', 'steve-witkoff', 'kirill-dmitriev'], { minLength: 2 });
const place = fc.record({ country: fc.constantFrom('SAU', 'RUS', 'USA'), city: fc.option(fc.constantFrom('Riyadh', 'Moscow'), { nil: undefined }) }).map(defined);
const count = fc.integer({ min: 0, max: 50 }).chain((best) => fc.record({ best: fc.constant(best), high: fc.option(fc.constant(best + 10), { nil: undefined }) }).map(defined));
const releases = fc.array(
  fc.record({ person: fc.constantFrom('Marc Fogel', 'Ksenia Karelina', 'Alexander Vinnik'), nationality: fc.constantFrom('USA', 'RUS'), releasedBy: fc.constantFrom('rus', 'usa') }),
  { minLength: 1, maxLength: 3 },
);
const ceasefireId = fc.constantFrom('c1', 'c2');
const meetingId = fc.constantFrom('m1', 'm2', 'm3');

/** A fixture with the given fields; an absent optional field is dropped, not left at the fixture's default. */
const claim = <E extends TalksEvent>(fixture: (overrides: Partial<E['data']>) => E) => (fields: Record<string, unknown>): TalksEvent => {
  const event = fixture(fields as Partial<E['data']>);
  return { ...event, data: defined(event.data) } as TalksEvent;
};
const withBasis = <T extends object>(fields: fc.Arbitrary<T>) => fc.tuple(basis, fields).map(([b, f]) => ({ ...b, ...f }));

/** Ceasefire events weigh more: they only count once a ceasefire of that id is brokered. */
const claims = fc.oneof(
  withBasis(fc.record({ envoyId: fc.constantFrom('steve-witkoff', 'kirill-dmitriev'), city: fc.option(fc.constant('Moscow'), { nil: undefined }) })).map(claim(visited)),
  withBasis(fc.record({ meetingId, participants: actors, location: place, expectedAt: fc.constantFrom('2025-02-15', '2025-03-20', '2025-04-01') })).map(claim(scheduled)),
  withBasis(fc.record({ meetingId, participants: actors, location: place })).map(claim(held)),
  withBasis(fc.record({ swapId: fc.constantFrom('s1', 's2'), releases })).map(claim(swapped)),
  {
    weight: 2,
    arbitrary: withBasis(
      fc.record({ ceasefireId, parties: actors, effectiveFrom: fc.constantFrom('2025-01-20', '2025-02-12'), endsAt: fc.option(fc.constant('2025-04-12'), { nil: undefined }) }),
    ).map(claim(brokered)),
  },
  {
    weight: 2,
    arbitrary: withBasis(
      fc.record({
        ceasefireId: fc.option(ceasefireId, { nil: undefined }),
        count,
        names: fc.option(fc.constant(['Emily Damari']), { nil: undefined }),
        prisonersReleasedInExchange: fc.option(count, { nil: undefined }),
      }),
    ).map(claim(released)),
  },
  { weight: 2, arbitrary: withBasis(fc.record({ ceasefireId })).map(claim(violated)) },
  { weight: 2, arbitrary: withBasis(fc.record({ ceasefireId, endsAt: fc.constantFrom('2025-03-01', '2025-05-12', '2025-06-01T12:00:00Z') })).map(claim(extended)) },
  { weight: 2, arbitrary: withBasis(fc.record({ ceasefireId, reason: fc.constantFrom('expired' as const, 'collapsed' as const) })).map(claim(ended)) },
  withBasis(fc.constant({})).map(claim(stalled)),
  withBasis(fc.constant({})).map(claim(resumed)),
);

const changes = fc.oneof(
  fc.record({ occurredAt: dates }),
  fc.record({ provenance }),
  fc.record({ participants: actors }),
  fc.record({ releases }),
  fc.record({ count }),
  fc.record({ location: place }),
  fc.constantFrom<Record<string, unknown>>(
    { occurredUntil: '2025-03-05' },
    { occurredUntil: null },
    { city: 'Kyiv' },
    { city: null },
    { hostCountry: 'QAT' },
    { endsAt: '2025-06-01' },
    { endsAt: null },
    { effectiveFrom: '2025-01-25' },
    { title: 'Renamed' },
    { parties: ['usa', 'ukr'] },
    { mediators: ['qat'] },
    { expectedAt: '2025-04-02' },
    { names: null },
    { ceasefireId: 'c2' },
    { reason: 'Because' },
  ),
);

/** What an analyst tries next; the target of an amendment is picked among the claims so far. */
export type Intent =
  | Readonly<{ claim: TalksEvent }>
  | Readonly<{ amend: 'correct' | 'retract'; target: number; changes: Record<string, unknown> }>
  | Readonly<{ link: 'link' | 'unlink'; target: number; other: number }>;

const amendment: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ amend: fc.constant('correct' as const), target: fc.nat(), changes }) },
  { weight: 1, arbitrary: fc.record({ amend: fc.constant('retract' as const), target: fc.nat(), changes: fc.constant({}) }) },
);

/** An editor links two claims as one incident, or undoes a link; most tries are refused (types differ), which is fine. */
const linking: fc.Arbitrary<Intent> = fc.record({ link: fc.constantFrom('link' as const, 'link' as const, 'unlink' as const), target: fc.nat(), other: fc.nat() });

/** Claims, amendments and links; then, sometimes, the conclusion and the amendments a concluded track still takes. */
export const talksIntents: fc.Arbitrary<Intent[]> = fc
  .record({
    during: fc.array(fc.oneof({ weight: 2, arbitrary: claims.map((claim) => ({ claim })) }, { weight: 1, arbitrary: amendment }, { weight: 1, arbitrary: linking }), {
      minLength: 5,
      maxLength: 30,
    }),
    conclusion: fc.oneof(fc.constant(undefined), basis.map((b) => ({ claim: concluded(b) }))),
    after: fc.array(amendment, { maxLength: 4 }),
  })
  .map(({ during, conclusion, after }) => [...during, ...(conclusion ? [conclusion, ...after] : [])]);

/**
 * The claim a link intent pairs with `eventId`: for a link, one of the same type (most random
 * pairs differ in type, and the rules refusing those have specs of their own); for an unlink, one
 * it is linked to. `fallback` when there is none.
 */
const partnerOf = (state: TalksState, { link, other }: Readonly<{ link: 'link' | 'unlink'; other: number }>, eventId: string, fallback: string): string => {
  if (state.status === 'not_opened') return fallback;
  const type = state.claims.get(eventId)?.claim.type;
  const candidates =
    link === 'unlink' ? [...(state.linked.get(eventId) ?? [])] : [...state.claims.values()].filter((c) => c.eventId !== eventId && c.claim.type === type).map((c) => c.eventId);
  return candidates.length ? candidates[other % candidates.length] : fallback;
};

/**
 * Keeps what the decider accepts, deciding and folding as the command handler would; `record`
 * stores each accepted event and answers the id it was recorded under.
 */
export const acceptedHistory = (
  intents: readonly Intent[],
  record: (event: TalksEvent) => string,
): { events: Identified<TalksEvent>[]; state: TalksState } => {
  const events: Identified<TalksEvent>[] = [];
  let state = talksDecider.initialState();
  const claimIds: string[] = [];
  for (const next of [{ claim: opened() } as Intent, ...intents]) {
    const pick = (index: number) => claimIds[index % claimIds.length];
    const proposed =
      'claim' in next
        ? next.claim
        : 'link' in next
          ? (next.link === 'link' ? linked : unlinked)({ eventId: pick(next.target), sameAs: partnerOf(state, next, pick(next.target), pick(next.other)), occurredAt: '2025-03-10' })
          : next.amend === 'correct'
          ? corrected({ eventId: claimIds[next.target % claimIds.length], changes: next.changes, occurredAt: '2025-03-10' })
          : retracted({ eventId: claimIds[next.target % claimIds.length], occurredAt: '2025-03-10' });
    const decided = talksDecider.decide(commandFor(proposed), state);
    if (isDomainError(decided)) continue;
    for (const event of decided) {
      const identified = { ...event, id: record(event) };
      events.push(identified);
      state = talksDecider.evolve(state, identified);
      if (!['ClaimCorrected', 'ClaimRetracted', 'ClaimsLinked', 'ClaimsUnlinked'].includes(event.type)) claimIds.push(identified.id);
    }
  }
  return { events, state };
};
