import { TALKS_STREAM_PREFIX } from '@parley/domain';
import type { RecordedEvent } from '@parley/event-store';
import { getStatus, ProjectionContext, TalksStatusDoc, tracksAround } from '@parley/projections';

export type StatusChange = Readonly<{ id: string; doc: TalksStatusDoc }>;

const trackOf = (event: RecordedEvent): string => event.streamId.slice(TALKS_STREAM_PREFIX.length);

const isLink = (event: RecordedEvent): boolean => event.type === 'ClaimsLinked' || event.type === 'ClaimsUnlinked';

const linkEnds = (event: RecordedEvent): string[] => {
  const { eventId, sameAs } = (event.data ?? {}) as Record<string, unknown>;
  return [eventId, sameAs].filter((id): id is string => typeof id === 'string');
};

/**
 * The tracks a committed batch of talks events changed, each with the id its status message
 * carries: the track's own events move its position; a link or unlink also recounts every other
 * track with reports in the incidents around its claims (an incident counts once in each), though
 * their own streams did not move, so those carry the link's position. Ids never go down, so a
 * client's Last-Event-ID never goes back.
 */
export const changesOf = (ctx: ProjectionContext, from: bigint, events: readonly RecordedEvent[]): StatusChange[] => {
  const talks = events.filter((event) => event.streamId.startsWith(TALKS_STREAM_PREFIX));
  const own = new Set(talks.map(trackOf));
  const moved = new Map<string, TalksStatusDoc>();
  for (const talksId of own) {
    const doc = getStatus(ctx, talksId);
    // A track whose position did not move (its events were skipped) has not changed.
    if (doc !== undefined && BigInt(doc.position) > from) moved.set(talksId, doc);
  }
  const recountedAt = new Map<string, bigint>();
  for (const event of talks.filter((event) => isLink(event) && moved.has(trackOf(event)))) {
    for (const talksId of tracksAround(ctx, linkEnds(event))) recountedAt.set(talksId, event.position);
  }
  const changes: StatusChange[] = [];
  for (const talksId of new Set([...moved.keys(), ...recountedAt.keys()])) {
    const doc = moved.get(talksId) ?? getStatus(ctx, talksId);
    if (doc === undefined) continue;
    const at = [BigInt(doc.position), recountedAt.get(talksId) ?? 0n].reduce((a, b) => (a > b ? a : b));
    changes.push({ id: at.toString(), doc });
  }
  // At one id, the track whose event it is comes first: a client cut off between the two resumes
  // after that id, and a resume snapshot still finds only the tracks whose own position moved past it.
  const ownAt = (change: StatusChange): number => (change.doc.position === change.id ? 0 : 1);
  return changes.sort((a, b) => (BigInt(a.id) === BigInt(b.id) ? ownAt(a) - ownAt(b) : BigInt(a.id) < BigInt(b.id) ? -1 : 1));
};
