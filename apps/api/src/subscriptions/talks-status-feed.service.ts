import { Injectable } from '@nestjs/common';
import { AppliedBatch, getStatus, listStatuses, StatusView, statusView, tracksRelinkedAfter } from '@parley/projections';
import { ReadModels } from '../read-models/read-models.service';
import { SseStream } from './sse-stream';
import { changesOf } from './talks-status-changes';

export const SNAPSHOT_EVENT = 'snapshot';
export const STATUS_EVENT = 'status';

export type TalksSnapshot = Readonly<{
  /** The talks projection's position the snapshot reflects: its event id. */
  position: string;
  /** On a resume, the Last-Event-ID it was taken after: only tracks changed since are in it. */
  since?: string;
  tracks: readonly StatusView[];
}>;

type Follower = Readonly<{ talksId?: string; stream: SseStream }>;

/**
 * Talks-status changes as the talks projection commits them. Each committed batch is turned
 * into the new status of each track it changed, read once whoever follows, and sent with the
 * track's own position as id (or that of a link in another track that recounted it), in id
 * order. better-sqlite3 and the runner are synchronous: a snapshot read together with joining
 * the followers cannot miss or repeat a batch.
 */
@Injectable()
export class TalksStatusFeed {
  private readonly followers = new Set<Follower>();

  constructor(private readonly readModels: ReadModels) {
    readModels.onApplied('talks', (batch) => this.publish(batch));
  }

  /**
   * First a snapshot: every track (or the one asked for), or on a resume only those changed
   * after `since`; then each change. Returns once the stream is set up; the stream carries on.
   */
  follow(stream: SseStream, { talksId, since }: Readonly<{ talksId?: string; since?: bigint }>): void {
    const position = this.readModels.position('talks');
    const docs = talksId === undefined ? listStatuses(this.context) : [getStatus(this.context, talksId)].filter((doc) => doc !== undefined);
    // A link recorded in one track recounts others without moving their position.
    const relinked = new Set(since === undefined ? [] : tracksRelinkedAfter(this.context, since));
    const now = new Date();
    const snapshot: TalksSnapshot = {
      position: position.toString(),
      ...(since === undefined ? {} : { since: since.toString() }),
      tracks: docs.filter((doc) => since === undefined || BigInt(doc.position) > since || relinked.has(doc.talksId)).map((doc) => statusView(doc, now)),
    };
    if (!stream.send({ event: SNAPSHOT_EVENT, id: snapshot.position, data: snapshot })) return;
    const follower = { talksId, stream };
    this.followers.add(follower);
    stream.onClose(() => this.followers.delete(follower));
  }

  private get context() {
    return this.readModels.context('talks');
  }

  private publish({ from, events }: AppliedBatch): void {
    if (this.followers.size === 0) return;
    const changed = changesOf(this.context, from, events);
    const now = new Date();
    for (const { id, doc } of changed) {
      const message = { event: STATUS_EVENT, id, data: statusView(doc, now) };
      for (const { talksId, stream } of this.followers) if (talksId === undefined || talksId === doc.talksId) stream.send(message);
    }
  }
}
