import { describe, expect, it } from 'vitest';
import { mapLimited } from '../../../src/lib/concurrency';

/** Work that finishes only when the test says so, so the order of events is the test's, not the clock's. */
function gate() {
  const waiting = new Map<number, () => void>();
  return {
    waiting,
    work: (item: number) =>
      new Promise<number>((resolve) => {
        waiting.set(item, () => resolve(item * 10));
      }),
    release: (item: number) => waiting.get(item)?.(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('bounded concurrency', () => {
  it('runs at most `limit` items at once and answers in the items’ order', async () => {
    const g = gate();
    const done = mapLimited([1, 2, 3, 4, 5], 2, g.work);
    await settle();
    expect([...g.waiting.keys()]).toEqual([1, 2]);
    g.release(2);
    await settle();
    expect([...g.waiting.keys()]).toEqual([1, 2, 3]);
    for (const item of [1, 3, 4, 5]) {
      g.release(item);
      await settle();
    }
    expect(await done).toEqual([10, 20, 30, 40, 50]);
  });

  it('starts nothing after a failure, and throws it once the work under way has finished', async () => {
    const started: number[] = [];
    let finishSecond: () => void = () => undefined;
    const done = mapLimited([1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      if (item === 1) throw new Error('first failed');
      await new Promise<void>((resolve) => (finishSecond = resolve));
      return item;
    });
    let outcome: unknown = 'pending';
    done.catch((error: unknown) => (outcome = error));
    await settle();
    expect(outcome).toBe('pending');
    finishSecond();
    await expect(done).rejects.toThrow('first failed');
    expect(started).toEqual([1, 2]);
  });

  it('resolves an empty list at once', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});
