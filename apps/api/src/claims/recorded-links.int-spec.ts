import { EventStore, SqliteEventStore } from '@parley/event-store';
import { randomUUID } from 'node:crypto';
import { RecordedLinks } from './recorded-links';

/** The links every track recorded, as the store holds them when asked (real, in-memory SQLite store). */
describe('the links recorded in every track', () => {
  let store: EventStore;
  let links: RecordedLinks;

  const record = (talksId: string, type: 'ClaimsLinked' | 'ClaimsUnlinked', eventId: string, sameAs: string) =>
    store.appendToStream(`talks-${talksId}`, [{ id: randomUUID(), type, data: { talksId, eventId, sameAs, sameAsTalksId: 'a' } }]);

  beforeEach(async () => {
    store = await SqliteEventStore.open({ filename: ':memory:' });
    links = new RecordedLinks(store);
  });

  afterEach(() => store.close());

  it('answers the links other tracks recorded through the incidents of the claims asked about, each once', async () => {
    await record('b', 'ClaimsLinked', 'b1', 'a1');
    await record('c', 'ClaimsLinked', 'c1', 'b1');
    await record('a', 'ClaimsLinked', 'a2', 'c1');
    await record('d', 'ClaimsLinked', 'd1', 'd2');
    expect(await links.elsewhere('a', ['a1'])).toEqual(expect.arrayContaining([['a1', 'b1'], ['b1', 'c1']]));
    expect(await links.elsewhere('a', ['a1'])).toHaveLength(2);
    expect(await links.elsewhere('a', ['a9'])).toEqual([]);
  });

  it('sees what was recorded since the last ask, and an unlink undoes only the link its own track recorded', async () => {
    expect(await links.elsewhere('a', ['a1'])).toEqual([]);
    await record('b', 'ClaimsLinked', 'b1', 'a1');
    await record('c', 'ClaimsLinked', 'a1', 'b1');
    expect(await links.elsewhere('a', ['a1'])).toEqual([['a1', 'b1']]);
    await record('b', 'ClaimsUnlinked', 'a1', 'b1');
    expect(await links.elsewhere('a', ['b1'])).toEqual([['a1', 'b1']]);
    await record('c', 'ClaimsUnlinked', 'b1', 'a1');
    expect(await links.elsewhere('a', ['b1'])).toEqual([]);
  });

  it('leaves out the links the asking track recorded itself', async () => {
    await record('a', 'ClaimsLinked', 'a1', 'b1');
    expect(await links.elsewhere('a', ['a1'])).toEqual([]);
    expect(await links.elsewhere('b', ['a1'])).toEqual([['a1', 'b1']]);
  });
});
