import { finished } from '@parley/domain';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotRow, SnapshotStore } from './snapshot.store';

/**
 * Two processes share the snapshot file (two replicas on one SQLite store): whatever order their
 * parts land in, the stream's head is the newer snapshot, its parts are whole, and no part of
 * the other is left behind.
 */
describe('the snapshot file shared by two writers (real SQLite file)', () => {
  let directory: string;
  let file: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'parley-snapshot-store-'));
    file = join(directory, 'snapshots.db');
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const rowAt = (revision: number): SnapshotRow => ({
    streamId: 'talks-t',
    storeId: 'store',
    stateVersion: 2,
    format: 1,
    revision,
    eventId: `e${revision}`,
    position: BigInt(revision + 1),
    bytes: 1,
    checksum: revision,
    payload: [Buffer.from(`first part of ${revision}`), Buffer.from(`second part of ${revision}`), Buffer.from(`third part of ${revision}`)],
  });

  const stored = (store: SnapshotStore) => {
    const head = store.find('talks-t');
    return head && { revision: head.revision, payload: Array.from({ length: head.parts }, (_, idx) => store.part(head, idx)?.toString()) };
  };

  const leftOver = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT count(*) AS parts FROM snapshot_parts WHERE generation NOT IN (SELECT generation FROM snapshot_heads)').get();
    } finally {
      db.close();
    }
  };

  it.each([
    ['the newer publishes last', [10, 20]],
    ['the newer publishes first', [20, 10]],
  ])('keeps the newer snapshot when their parts interleave and %s', (_, [firstRevision, secondRevision]) => {
    const [one, two] = [SnapshotStore.open(file), SnapshotStore.open(file)];
    const [a, b] = [one.saveSteps(rowAt(firstRevision), new Date()), two.saveSteps(rowAt(secondRevision), new Date())];
    // Part by part, alternately; the first writer publishes first.
    for (let done = [false, false]; !done[0] || !done[1]; ) done = [done[0] || !!a.next().done, done[1] || !!b.next().done];
    expect(stored(one)).toEqual({ revision: 20, payload: ['first part of 20', 'second part of 20', 'third part of 20'] });
    expect(stored(two)).toEqual(stored(one));
    expect(leftOver()).toEqual({ parts: 0 });
    one.close();
    two.close();
  });

  it('replaces a snapshot with a newer one of fewer parts, and drops every part of the old', () => {
    const store = SnapshotStore.open(file);
    store.save(rowAt(1), new Date());
    store.save({ ...rowAt(2), payload: [Buffer.from('all of 2')] }, new Date());
    expect(stored(store)).toEqual({ revision: 2, payload: ['all of 2'] });
    expect(leftOver()).toEqual({ parts: 0 });
    store.close();
  });

  it('drops the parts of a write that stopped before publishing, once they are old, at the next open', () => {
    const store = SnapshotStore.open(file);
    const longAgo = new Date(Date.now() - 60 * 60 * 1000);
    const stopped = store.saveSteps(rowAt(5), longAgo);
    stopped.next();
    stopped.next();
    const recent = store.saveSteps(rowAt(6), new Date());
    recent.next();
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS parts FROM snapshot_parts').get()).toEqual({ parts: 3 });
    db.close();
    const reopened = SnapshotStore.open(file);
    // The recent one may still be under way in another process: it stays.
    expect(leftOver()).toEqual({ parts: 1 });
    expect(stored(reopened)).toBeUndefined();
    finished(reopened.saveSteps(rowAt(7), new Date()));
    expect(stored(reopened)?.revision).toBe(7);
    reopened.close();
  });
});
