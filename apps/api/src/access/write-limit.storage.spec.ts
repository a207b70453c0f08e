import { WriteLimitStorage } from './write-limit.storage';

describe('WriteLimitStorage', () => {
  const minute = 60_000;

  it('counts a key’s writes and blocks the one past the limit until the window ends', async () => {
    const storage = new WriteLimitStorage();
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await storage.increment('analyst', minute, 3, minute, 'default'));

    expect(hits.map((hit) => [hit.totalHits, hit.isBlocked])).toEqual([[1, false], [2, false], [3, false], [4, true]]);
    expect(hits[3].timeToBlockExpire).toBeGreaterThan(0);
    expect(hits[3].timeToBlockExpire).toBeLessThanOrEqual(60);
  });

  it('keeps keys apart', async () => {
    const storage = new WriteLimitStorage();
    await storage.increment('analyst', minute, 1, minute, 'default');

    await expect(storage.increment('editor', minute, 1, minute, 'default')).resolves.toMatchObject({ totalHits: 1, isBlocked: false });
    await expect(storage.increment('analyst', minute, 1, minute, 'default')).resolves.toMatchObject({ isBlocked: true });
  });

  it('starts a key afresh once its window has passed', async () => {
    jest.useFakeTimers();
    try {
      const storage = new WriteLimitStorage();
      await storage.increment('analyst', 1_000, 1, 1_000, 'default');
      await expect(storage.increment('analyst', 1_000, 1, 1_000, 'default')).resolves.toMatchObject({ isBlocked: true });

      jest.advanceTimersByTime(1_001);

      await expect(storage.increment('analyst', 1_000, 1, 1_000, 'default')).resolves.toMatchObject({ totalHits: 1, isBlocked: false });
    } finally {
      jest.useRealTimers();
    }
  });
});
