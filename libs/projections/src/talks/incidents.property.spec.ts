import fc from 'fast-check';
import { OpenedTalks, Release, TalksEvent } from '@parley/domain';
import { incidentOf } from '@parley/domain/talks/incidents.rules';
import { TALKS_ID, released, swapped, visited } from '@parley/domain/testing/talks.fixtures';
import { Intent, acceptedHistory } from '@parley/domain/testing/talks.histories';
import { eventRecorder, liveAndRebuilt, replayTimeTravel } from '../testing';
import { changesPage } from '../exports/changes.queries';
import { ProjectionContext } from '../projection';
import { releasesOf } from './claim-facets';
import { isCounted } from './claim-stance';
import { personKeyOf } from './incident-releases';
import { incidentColumnsOf, incidentContribution } from './incidents';
import { EMPTY_COUNTS, addCounts } from './talks-status';
import { talksProjection } from './talks.projection';
import { getStatus, liveClaims, timelinePage } from './talks.queries';
import { releasesPage } from './releases.queries';
import { releasesAt, statusAt } from './talks.time-travel';

/**
 * Random histories of reports, links, unlinks, corrections and retractions that the decider
 * accepts: the status the projection keeps step by step counts each incident once, as the
 * incidents the decider's own links form (over the live claims) add up to; and a rebuild, and
 * the status as known after any event, agree with it.
 */

const DAY = 86_400_000;
const START = new Date('2025-03-01T00:00:00Z');

const basis = fc.record({
  occurredAt: fc.constantFrom('2025-02-10', '2025-02-11', '2025-02-01'),
  precision: fc.constant('day' as const),
  provenance: fc.record({
    sources: fc.constantFrom([{ publisher: 'TASS' }], [{ publisher: 'Reuters' }], [{ publisher: 'Daily Sabah', syndicatedFrom: 'Anadolu' }]),
    confidence: fc.constantFrom('rumoured' as const, 'reported' as const, 'confirmed' as const),
  }),
}).map((b) => (b.occurredAt === '2025-02-01' ? { ...b, precision: 'month' as const } : b));
const count = fc.integer({ min: 0, max: 20 }).chain((best) => fc.constantFrom({ best }, { best, low: Math.max(0, best - 3), high: best + 5 }));

const FOGEL: Release = { person: 'Marc Fogel', nationality: 'USA', releasedBy: 'rus' };
const VINNIK: Release = { person: 'Alexander Vinnik', nationality: 'RUS', releasedBy: 'usa' };

// Releases weigh more: links only join claims of one type, and counts are where reports disagree.
const report: fc.Arbitrary<TalksEvent> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(basis, count, fc.option(count, { nil: undefined })).map(([b, c, exchanged]) =>
      released({ ...b, ceasefireId: undefined, count: c, ...(exchanged ? { prisonersReleasedInExchange: exchanged } : {}) }),
    ),
  },
  basis.map((b) => visited(b)),
  fc
    .tuple(basis, fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'), fc.constantFrom<Release[][]>([FOGEL], [FOGEL, VINNIK], [{ ...FOGEL, person: ' MARC  fogel' }]))
    .map(([b, swapId, releases]) => swapped({ ...b, swapId, releases })),
);

const intents: fc.Arbitrary<Intent[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: report.map((claim) => ({ claim })) },
    { weight: 4, arbitrary: fc.record({ link: fc.constant('link' as const), target: fc.nat(), other: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ link: fc.constant('unlink' as const), target: fc.nat(), other: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ amend: fc.constant('retract' as const), target: fc.nat(), changes: fc.constant({}) }) },
    { weight: 1, arbitrary: count.map((c) => ({ amend: 'correct' as const, target: 0, changes: { count: c } })).chain((i) => fc.nat().map((target) => ({ ...i, target }))) },
  ),
  { minLength: 10, maxLength: 40, size: 'max' },
);

/** The incidents the decider's links form over the live claims, counted from scratch. */
const expectedCounts = (state: OpenedTalks, claims: ReturnType<typeof liveClaims>) => {
  const seen = new Set<string>();
  let counts = EMPTY_COUNTS;
  for (const claim of claims) {
    if (seen.has(claim.eventId)) continue;
    const members = [...incidentOf(state, claim.eventId)];
    members.forEach((id) => seen.add(id));
    counts = addCounts(counts, incidentContribution(claims.filter((c) => members.includes(c.eventId))));
  }
  return counts;
};

/** The people each incident names, as `incident|person`: one per distinct person of its counted live reports. */
const expectedReleases = (state: OpenedTalks, claims: ReturnType<typeof liveClaims>) => {
  const named = new Set<string>();
  for (const claim of claims) {
    const members = incidentOf(state, claim.eventId);
    const incidentId = claims.find((c) => members.has(c.eventId))!.eventId;
    if (!isCounted(claim.data)) continue;
    for (const release of releasesOf(claim.type, claim.data)) named.add(`${incidentId}|${personKeyOf(release.kind, release.person)}`);
  }
  return [...named].sort();
};

const listedReleases = (ctx: ProjectionContext) =>
  releasesPage(ctx, { limit: 500 })
    .items.map((item) => `${item.incident?.id ?? item.eventId}|${personKeyOf(item.kind, item.person)}`)
    .sort();

/** A copy kept from `changedSince` pulls from the start: each claim's incident columns, as a fresh export shows them. */
const pulledCopy = (ctx: ProjectionContext) => {
  const copy = new Map<string, unknown>();
  let after: string | undefined;
  do {
    const page = changesPage(ctx, { changedSince: 0n, limit: 100, after });
    for (const { item, change } of page.items) {
      if (change === 'retracted') copy.delete(item.eventId);
      else copy.set(item.eventId, incidentColumnsOf(item));
    }
    after = page.nextCursor ?? undefined;
  } while (after);
  return copy;
};

const exportedColumns = (ctx: ProjectionContext) => new Map(timelinePage(ctx, { limit: 500 }).items.map((item) => [item.eventId, incidentColumnsOf(item)]));

describe('incidents (property)', () => {
  it('the kept status counts each incident once, lists its people once, keeps pulls exact, equals a rebuild, and the past as replayed', () => {
    let links = 0;
    let pastIncidents = 0;
    fc.assert(
      fc.property(intents, fc.nat(), (tried, cut) => {
        const recorder = eventRecorder({ start: START, stepMs: DAY });
        const { state } = acceptedHistory(tried, (event) => recorder.talks(event).id);
        const events = [...recorder.all()];
        links += events.filter((e) => e.type === 'ClaimsLinked').length;
        const { live, shadow, outcomes, close } = liveAndRebuilt(talksProjection, events);
        expect(outcomes.filter((outcome) => !outcome.applied)).toEqual([]);
        expect(shadow.dump()).toEqual(live.dump());

        const stored = getStatus(live.ctx, TALKS_ID);
        expect(stored?.counts).toEqual(expectedCounts(state as OpenedTalks, liveClaims(live.ctx, TALKS_ID)));
        // The ledger lists each incident's people once; a copy kept from pulls has every claim's incident as an export does.
        expect(listedReleases(live.ctx)).toEqual(expectedReleases(state as OpenedTalks, liveClaims(live.ctx, TALKS_ID)));
        expect(pulledCopy(live.ctx)).toEqual(exportedColumns(live.ctx));

        // As known after any one event, the indexed past equals replaying the events recorded by then.
        const knownAt = events[cut % events.length].recordedAt;
        const replayed = replayTimeTravel(events, { knownAt });
        expect(statusAt(live.ctx, TALKS_ID, { knownAt })?.counts).toEqual(replayed.status(TALKS_ID)?.counts);
        replayed.close();
        // The ledger as known at the cut, and just before and at the last link or unlink, lists who a replay of the events recorded by then lists.
        const relink = [...events].reverse().find((event) => event.type === 'ClaimsLinked' || event.type === 'ClaimsUnlinked')?.recordedAt;
        for (const recordedAt of [knownAt, ...(relink ? [relink, new Date(relink.getTime() - 1)] : [])]) {
          const then = replayTimeTravel(events, { knownAt: recordedAt });
          const known = releasesAt(live.ctx, { limit: 500 }, { knownAt: recordedAt }).items;
          expect(known).toEqual(then.releases({ limit: 500 }).items);
          pastIncidents += known.filter((item) => item.incident).length;
          then.close();
        }
        close();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
    // The generator must reach links, or the property proves little.
    expect(links).toBeGreaterThan(100);
    // ...and must list people of linked reports in the past, or the ledger's knownAt is not tested.
    expect(pastIncidents).toBeGreaterThan(50);
  });
});
