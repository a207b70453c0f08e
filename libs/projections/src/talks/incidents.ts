import { Confidence, PRECISIONS, Precision, canCarry, parseIsoDate, periodOf } from '@parley/domain';
import { CONFIDENCE_RANK, ClaimData, Range, isRecord, rangeOf, recordsOf, textOf } from './claim-data';
import { ClaimStance, claimStanceOf, isCounted } from './claim-stance';
import { summaryOf } from './claim-summary';
import { EMPTY_COUNTS, StatusClaim, StatusCounts, TalksStatusDoc, contributionOf, foldStatus } from './talks-status';

/**
 * Incidents: the claims that editors linked as reports of one real-world event. The links of a
 * track, taken together (union-find), split its live claims into incidents; a claim linked to
 * nothing is an incident of one. A retracted claim reports nothing but still joins what it was
 * linked to (each link was its own sourced statement), and an unlink splits what it joined.
 *
 * An incident counts once. Its reconciled counts are, per count: the union range of the reports
 * that state it (lowest low to highest high) with, as best, the best of the most confident of
 * them (on a tie, the first recorded); a report silent on a count (zero) does not widen it. Its
 * reconciled date is the intersection of the reports' date ranges when they overlap; when they
 * do not, it spans them all and is flagged `conflicting: ['dates']` (likewise `counts` when
 * the reports' ranges of a count share no value).
 *
 * The release ledger lists a person once per incident. Two release rows of an incident's live
 * reports name the same person when they have the same kind (prisoner or hostage) and the same
 * name, compared with Unicode width forms, case and runs of spaces folded (transliterations are
 * not guessed: "Vinnik" and "Vinnick" stay two); an unnamed row matches none. The row of the
 * first recorded live report naming the person (its first mention there) represents them, with
 * its own nationality, releaser and dates, and filters apply to it; when that report is
 * retracted, corrected away or unlinked, the next report naming them represents them. A report
 * every source denies has no release rows, so it neither lists nor represents anyone. An
 * incident across tracks lists the person once, under the track of the representing report.
 * An actor's activity likewise counts each incident once: one visit or mediated deal per
 * incident (the first in date order represents it), meetings and counterparts in incidents.
 */

/** Two claims' event ids, linked. */
export type LinkPair = readonly [string, string];

export type Incident = Readonly<{
  /** The event id of its first recorded live report: stable while that report stands. */
  id: string;
  /** Its live reports, in recorded order. */
  reports: readonly StatusClaim[];
}>;

/** Each claim's representative under the links (union-find, path-halving). */
const unionFind = (links: Iterable<LinkPair>) => {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let at = id;
    for (let up = parent.get(at); up !== undefined && up !== at; up = parent.get(at)) {
      const grand = parent.get(up) ?? up;
      parent.set(at, grand);
      at = grand;
    }
    return at;
  };
  for (const [a, b] of links) {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra, rb);
  }
  return find;
};

/** Which claims the links join: two claims are one incident when they answer the same representative. */
export const representativeUnder = (links: Iterable<LinkPair>): ((eventId: string) => string) => unionFind(links);

/** The incidents that claims (in recorded order) form under the links, in the order of their first report. */
export const groupIncidents = (claims: readonly StatusClaim[], links: Iterable<LinkPair>): Incident[] => {
  const find = unionFind(links);
  const byRoot = new Map<string, StatusClaim[]>();
  for (const claim of claims) {
    const root = find(claim.eventId);
    const reports = byRoot.get(root);
    if (reports) reports.push(claim);
    else byRoot.set(root, [claim]);
  }
  return [...byRoot.values()].map((reports) => ({ id: reports[0].eventId, reports }));
};

const confidenceRankOf = (data: ClaimData): number => {
  const provenance = isRecord(data.provenance) ? data.provenance : {};
  return CONFIDENCE_RANK[provenance.confidence as Confidence] ?? 0;
};

const isZero = (range: Range): boolean => range.best === 0 && range.low === 0 && range.high === 0;

type Stated = Readonly<{ range: Range; rank: number }>;

/** The union range of the reports that state a count, best from the most confident (first recorded on a tie). */
const reconcileRange = (stated: readonly Stated[]): Range => {
  const present = stated.filter(({ range }) => !isZero(range));
  if (present.length === 0) return { best: 0, low: 0, high: 0 };
  const surest = present.reduce((best, next) => (next.rank > best.rank ? next : best));
  return { best: surest.range.best, low: Math.min(...present.map(({ range }) => range.low)), high: Math.max(...present.map(({ range }) => range.high)) };
};

/** Whether the reports' ranges of a count share a value. */
const rangesAgree = (stated: readonly Stated[]): boolean => {
  const present = stated.filter(({ range }) => !isZero(range));
  return present.length === 0 || Math.max(...present.map(({ range }) => range.low)) <= Math.min(...present.map(({ range }) => range.high));
};

const statedCounts = (reports: readonly StatusClaim[]) =>
  reports.map(({ type, data }) => ({ counts: contributionOf(type, data), rank: confidenceRankOf(data) }));

/** What an incident adds to its track's counts: a lone claim its own contribution, linked reports one reconciled one. */
export const incidentContribution = (linked: readonly StatusClaim[]): StatusCounts => {
  // A report every source denies says the incident did not happen: it neither counts nor widens the ranges.
  const reports = linked.filter(({ data }) => isCounted(data));
  if (reports.length === 0) return EMPTY_COUNTS;
  if (reports.length === 1) return contributionOf(reports[0].type, reports[0].data);
  const stated = statedCounts(reports);
  const most = (pick: (counts: StatusCounts) => number) => Math.max(...stated.map(({ counts }) => pick(counts)));
  return {
    meetings: most((c) => c.meetings),
    visits: most((c) => c.visits),
    swaps: most((c) => c.swaps),
    hostagesFreed: reconcileRange(stated.map(({ counts, rank }) => ({ range: counts.hostagesFreed, rank }))),
    prisonersFreed: reconcileRange(stated.map(({ counts, rank }) => ({ range: counts.prisonersFreed, rank }))),
  };
};

/** A track's counts from its incidents: what the live status keeps step by step, computed at once. */
export const incidentCounts = (claims: readonly StatusClaim[], links: Iterable<LinkPair>): StatusCounts =>
  groupIncidents(claims, links).reduce((sum, { reports }) => {
    const counts = incidentContribution(reports);
    return {
      meetings: sum.meetings + counts.meetings,
      visits: sum.visits + counts.visits,
      swaps: sum.swaps + counts.swaps,
      hostagesFreed: addRange(sum.hostagesFreed, counts.hostagesFreed),
      prisonersFreed: addRange(sum.prisonersFreed, counts.prisonersFreed),
    };
  }, EMPTY_COUNTS);

const addRange = (a: Range, b: Range): Range => ({ best: a.best + b.best, low: a.low + b.low, high: a.high + b.high });

/** The status fold of a track's claims, each incident counted once. */
export const foldIncidentStatus = (claims: readonly StatusClaim[], links: readonly LinkPair[]): TalksStatusDoc | undefined => {
  const doc = foldStatus(claims);
  return doc && links.length > 0 ? { ...doc, counts: incidentCounts(claims, links) } : doc;
};

/** The moments a claim's date can mean: from the start of `occurredAt` to the end of `occurredUntil` (or of `occurredAt`). */
export const periodOfClaim = (data: ClaimData): Readonly<{ earliest: number; latest: number }> | undefined => {
  const precision = PRECISIONS.includes(data.precision as Precision) ? (data.precision as Precision) : undefined;
  const start = parseIsoDate(data.occurredAt, true);
  if (!start) return undefined;
  const end = parseIsoDate(data.occurredUntil, true) ?? start;
  // A precision the text cannot carry (a month meant as a day) reads at the text's own grain.
  const at = (date: typeof start) => periodOf(date, precision && canCarry(date.grain, precision) ? precision : date.grain);
  return { earliest: at(start).earliest, latest: at(end).latest };
};

export type IncidentSource = Readonly<{ eventId: string; publisher: string; originator?: string; stance?: string; syndicatedFrom?: string }>;

export type IncidentReport = Readonly<{
  eventId: string;
  /** Its track: an incident may join reports of several tracks. */
  talksId: string;
  occurredAt: string;
  occurredUntil?: string;
  precision: string;
  confidence: string;
  /** Where its sources stand together, its one-line summary and the analyst's note: what a reader shows of each report. */
  stance: ClaimStance;
  summary: string;
  note?: string;
  /** The counts this report states (freed people), when it states any. */
  counts?: Readonly<{ hostagesFreed?: Range; prisonersFreed?: Range }>;
}>;

export type IncidentView = Readonly<{
  id: string;
  reports: readonly IncidentReport[];
  sources: readonly IncidentSource[];
  /** Distinct outlets asserting it, a syndicated copy counted as the wire it reprints. */
  independentSources: number;
  reconciled: Readonly<{ occurredFrom?: string; occurredUntil?: string; hostagesFreed?: Range; prisonersFreed?: Range }>;
  conflicting?: readonly ('dates' | 'counts')[];
}>;

const sourcesOf = (eventId: string, data: ClaimData): IncidentSource[] => {
  const provenance = isRecord(data.provenance) ? data.provenance : {};
  return recordsOf(provenance.sources).flatMap((source) => {
    const publisher = textOf(source.publisher);
    if (publisher === undefined) return [];
    const [originator, stance, syndicatedFrom] = [textOf(source.originator), textOf(source.stance), textOf(source.syndicatedFrom)];
    return [{ eventId, publisher, ...(originator ? { originator } : {}), ...(stance ? { stance } : {}), ...(syndicatedFrom ? { syndicatedFrom } : {}) }];
  });
};

/** Distinct outlets that assert the event; a syndicated copy is the wire it reprints, and a denial is no support. */
export const independentSourcesOf = (sources: readonly Pick<IncidentSource, 'publisher' | 'stance' | 'syndicatedFrom'>[]): number =>
  new Set(sources.filter((s) => s.stance !== 'denies').map((s) => (s.syndicatedFrom ?? s.publisher).trim().toLowerCase())).size;

const freedOf = ({ type, data }: StatusClaim): IncidentReport['counts'] => {
  const { hostagesFreed, prisonersFreed } = contributionOf(type, data);
  const counts = { ...(isZero(hostagesFreed) ? {} : { hostagesFreed }), ...(isZero(prisonersFreed) ? {} : { prisonersFreed }) };
  return Object.keys(counts).length ? counts : undefined;
};

const reportOf = (claim: StatusClaim): IncidentReport => {
  const { data } = claim;
  const provenance = isRecord(data.provenance) ? data.provenance : {};
  const [until, counts, note] = [textOf(data.occurredUntil), freedOf(claim), textOf(data.note)];
  return {
    eventId: claim.eventId,
    talksId: textOf(data.talksId) ?? '',
    occurredAt: textOf(data.occurredAt) ?? '',
    ...(until ? { occurredUntil: until } : {}),
    precision: textOf(data.precision) ?? 'day',
    confidence: textOf(provenance.confidence) ?? 'reported',
    stance: claimStanceOf(data),
    summary: summaryOf(claim.type, data),
    ...(note ? { note } : {}),
    ...(counts ? { counts } : {}),
  };
};

/** The reconciled date: the reports' common moments, or (flagged) the span of them all. */
const reconcileDates = (reports: readonly StatusClaim[]) => {
  const periods = reports.flatMap(({ data }) => periodOfClaim(data) ?? []);
  if (periods.length === 0) return { dates: {}, agree: true };
  const [from, until] = [Math.max(...periods.map((p) => p.earliest)), Math.min(...periods.map((p) => p.latest))];
  const agree = from <= until;
  const [start, end] = agree ? [from, until] : [Math.min(...periods.map((p) => p.earliest)), Math.max(...periods.map((p) => p.latest))];
  return { dates: { occurredFrom: new Date(start).toISOString(), occurredUntil: new Date(end).toISOString() }, agree };
};

/** How an incident reads: each report's date and counts, every source, and the reconciled values. */
export const incidentView = ({ id, reports }: Incident): IncidentView => {
  const sources = reports.flatMap(({ eventId, data }) => sourcesOf(eventId, data));
  const { dates, agree } = reconcileDates(reports);
  const { hostagesFreed, prisonersFreed } = incidentContribution(reports);
  const stated = statedCounts(reports);
  const countsAgree =
    rangesAgree(stated.map(({ counts, rank }) => ({ range: counts.hostagesFreed, rank }))) &&
    rangesAgree(stated.map(({ counts, rank }) => ({ range: counts.prisonersFreed, rank })));
  const conflicting = [...(agree ? [] : ['dates' as const]), ...(countsAgree ? [] : ['counts' as const])];
  return {
    id,
    reports: reports.map(reportOf),
    sources,
    independentSources: independentSourcesOf(sources),
    reconciled: { ...dates, ...(isZero(hostagesFreed) ? {} : { hostagesFreed }), ...(isZero(prisonersFreed) ? {} : { prisonersFreed }) },
    ...(conflicting.length ? { conflicting } : {}),
  };
};

/**
 * What an export row says of a claim's incident: its id (the claim's own for a claim linked to
 * nothing) and how many independent sources the incident has, so rows group and weigh by event.
 */
export const incidentColumnsOf = (claim: Readonly<{ eventId: string; data: ClaimData; incident?: IncidentView }>) => ({
  incidentId: claim.incident?.id ?? claim.eventId,
  incidentSourceCount: claim.incident?.independentSources ?? independentSourcesOf(sourcesOf(claim.eventId, claim.data)),
});
