import { EventStoreDBClient, jsonEvent, NotLeaderError, UnknownError } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { EventStoreDbEventStore, EventToAppend } from '@parley/event-store';
import { EsdbTestCluster, startEsdbTestCluster } from '../support/esdb/esdb-test-cluster';

const stream = (label: string) => `cluster-${label}-${randomUUID().slice(0, 8)}`;
const tested = () => jsonEvent({ type: 'Tested', data: { at: randomUUID() } });
const portEvent = (): EventToAppend => ({ id: randomUUID(), type: 'Tested', data: { at: randomUUID() } });
const direct = (port: number) => EventStoreDBClient.connectionString(`esdb://127.0.0.1:${port}?tls=false`);

describe('the clustered EventStoreDB test double, to client 6.2.1', () => {
  let cluster: EsdbTestCluster;
  const clients: EventStoreDBClient[] = [];
  const track = (client: EventStoreDBClient) => (clients.push(client), client);

  beforeEach(async () => {
    cluster = await startEsdbTestCluster();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    await cluster.stop();
  });

  const follower = () => cluster.members.find((member) => member.state() === 'follower')!;

  it("reports each member's state and liveness in gossip: a client discovering through a survivor finds the new leader", async () => {
    const { killed } = await cluster.killLeader();
    const survivor = cluster.members.find((member) => member.alive())!;
    // The client's own discovery asks the node it is given for the members and picks the leader.
    const client = track(EventStoreDBClient.connectionString(`esdb+discover://127.0.0.1:${survivor.port}?tls=false`));
    await client.appendToStream(stream('gossip'), tested());
    expect(cluster.leader()!.served.batchAppend).toBe(1);
    expect(killed.state()).toBe('dead');
    expect(cluster.members.map((member) => member.state()).sort()).toEqual(['dead', 'follower', 'leader']);
  });

  it('a follower answers a write that requires the leader with NotLeader, naming the leader; it takes one that does not', async () => {
    const client = track(direct(follower().port));
    const refused = await client.appendToStream(stream('follower'), tested(), { requiresLeader: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotLeaderError);
    expect((refused as NotLeaderError).leader).toEqual({ address: '127.0.0.1', port: cluster.leader()!.port });

    const other = track(direct(follower().port));
    await expect(other.appendToStream(stream('forwarded'), tested())).resolves.toMatchObject({ success: true });
  });

  it('after NotLeader the client reconnects to the leader named, and the next append is served there', async () => {
    const client = track(direct(follower().port));
    await client.appendToStream(stream('redirect'), tested(), { requiresLeader: true }).catch(() => undefined);
    await expect(client.appendToStream(stream('redirect'), tested(), { requiresLeader: true })).resolves.toMatchObject({ success: true });
    expect(cluster.leader()!.served.batchAppend).toBe(1);
  });

  it('on esdb+discover:// the client writes to the leader, and after killLeader to the one elected', async () => {
    const client = track(EventStoreDBClient.connectionString(cluster.discoverConnectionString));
    const name = stream('discover');
    await client.appendToStream(name, tested(), { requiresLeader: true });
    const { killed, elected } = await cluster.killLeader();
    expect(elected.index).not.toBe(killed.index);
    // The first append after the loss meets the dead channel; the client then rediscovers.
    await client.appendToStream(name, tested(), { requiresLeader: true }).catch(() => undefined);
    await client.appendToStream(name, tested(), { requiresLeader: true });
    expect(killed.served.batchAppend).toBe(1);
    expect(elected.served.batchAppend).toBeGreaterThanOrEqual(1);
    expect(cluster.log.all.filter((event) => event.streamId === name).length).toBeGreaterThanOrEqual(2);
  });

  it('restarts a stopped node as a follower of the leader elected meanwhile', async () => {
    const { killed, elected } = await cluster.killLeader();
    await cluster.restartNode(killed.index);
    expect(killed.state()).toBe('follower');
    expect(cluster.leader()).toBe(elected);
  });
});

describe('an election under way', () => {
  it('leaves no leader in gossip and answers writes "not ready" until one is elected', async () => {
    const cluster = await startEsdbTestCluster({ electionMs: 60_000 });
    const survivor = cluster.members[1];
    const client = EventStoreDBClient.connectionString(`esdb://127.0.0.1:${survivor.port}?tls=false`);
    const discovering = EventStoreDBClient.connectionString(`esdb+discover://127.0.0.1:${survivor.port}?tls=false&maxDiscoverAttempts=2`);
    const killing = cluster.killLeader().catch((e: unknown) => e);
    try {
      expect(cluster.leader()).toBeUndefined();
      expect(survivor.state()).toBe('electing');
      const error = await client.appendToStream(stream('electing'), tested()).catch((e: unknown) => e);
      // 23.10's BatchAppend reports NotReady as a status with an empty detail, which 6.2.1 cannot name.
      expect(error).toBeInstanceOf(UnknownError);
      expect((error as Error).message).toMatch(/Server Is Not Ready/);
      // Gossip shows no member in a state a client may connect to.
      await expect(discovering.appendToStream(stream('electing'), tested())).rejects.toThrow(/Failed to discover after 2 attempts/);
    } finally {
      await client.dispose();
      await discovering.dispose();
      await cluster.stop();
    }
    await expect(killing).resolves.toEqual(new Error('No live node was left to elect'));
  });
});

describe('EventStoreDbEventStore on esdb+discover:// when the leader dies', () => {
  let cluster: EsdbTestCluster;
  let store: EventStoreDbEventStore;
  const retried: unknown[] = [];

  beforeEach(async () => {
    cluster = await startEsdbTestCluster();
    retried.length = 0;
    store = EventStoreDbEventStore.connect({
      connectionString: cluster.discoverConnectionString,
      retry: { minBackoffMs: 20, maxBackoffMs: 100, onRetry: (error) => retried.push(error) },
    });
  });
  afterEach(async () => {
    await store.close();
    await cluster.stop();
  });

  it('an append the dying leader wrote but never answered is tried again on the new leader and recorded once', async () => {
    const name = stream('unanswered');
    await store.appendToStream(name, [portEvent()]);
    const killing = cluster.killLeaderAfterNextWrite();
    const appended = [portEvent(), portEvent()];

    const result = await store.appendToStream(name, appended, { expectedRevision: 0 });

    const { killed, elected } = await killing;
    expect(retried.length).toBeGreaterThan(0);
    expect(killed.served.batchAppend).toBe(2);
    expect(elected.served.batchAppend).toBeGreaterThan(0);
    expect(result.nextExpectedRevision).toBe(2);
    const stored = await store.readStream(name);
    expect(stored.map((event) => event.id)).toEqual([stored[0].id, ...appended.map((event) => event.id)]);
    expect(result.positions).toEqual(stored.slice(1).map((event) => event.position));
  });

  it('on gossip seeds (esdb://a,b,c, as docker-compose.cluster.yml) finds the new leader when the first seed is the node that died', async () => {
    const seeded = EventStoreDbEventStore.connect({ connectionString: cluster.seedsConnectionString, retry: { minBackoffMs: 20 } });
    try {
      const name = stream('seeds');
      await seeded.appendToStream(name, [portEvent()]);
      const { killed } = await cluster.killLeader();
      expect(killed.index).toBe(0);
      await expect(seeded.appendToStream(name, [portEvent()], { expectedRevision: 0 })).resolves.toMatchObject({ nextExpectedRevision: 1 });
    } finally {
      await seeded.close();
    }
  });

  it('a subscription resumes on the new leader after the last event it delivered: no gap, no duplicate', async () => {
    const name = stream('subscribed');
    await store.appendToStream(name, [portEvent(), portEvent()]);
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: [name] } });
    const events = subscription[Symbol.asyncIterator]();
    const seen = [(await events.next()).value, (await events.next()).value];

    await cluster.killLeader();
    await store.appendToStream(name, [portEvent(), portEvent()], { expectedRevision: 1 });
    seen.push((await events.next()).value, (await events.next()).value);

    expect(seen.map((event) => event.revision)).toEqual([0, 1, 2, 3]);
    await subscription.unsubscribe();
  });
});
