import { forEachBounded } from './bounded';

describe('forEachBounded', () => {
  /** Work that waits until released, recording how many run at once. */
  function tracked() {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    const work = async (item: number) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(item);
      running -= 1;
    };
    return { work, most: () => most, seen };
  }

  it.each([
    [5, 1, 1],
    [5, 2, 2],
    [5, 3, 3],
    [2, 4, 2],
    [0, 2, 0],
  ])('%i items with limit %i run at most %i at a time, each once', async (count, limit, expectedMost) => {
    const t = tracked();
    const items = Array.from({ length: count }, (_, i) => i);
    await forEachBounded(items, limit, t.work);
    expect(t.most()).toBe(expectedMost);
    expect([...t.seen].sort()).toEqual(items);
  });

  it('passes each item its index', async () => {
    const pairs: [string, number][] = [];
    await forEachBounded(['a', 'b', 'c'], 2, async (item, index) => {
      pairs.push([item, index]);
    });
    expect(pairs.sort()).toEqual([['a', 0], ['b', 1], ['c', 2]]);
  });

  it('finishes the started work and then throws the first failure', async () => {
    const done: number[] = [];
    await expect(
      forEachBounded([1, 2, 3, 4], 2, async (item) => {
        if (item === 2) throw new Error('nummer två');
        await new Promise((resolve) => setImmediate(resolve));
        done.push(item);
      }),
    ).rejects.toThrow('nummer två');
    expect(done).toContain(1);
  });

  it.each([0, -1, 1.5])('refuses the limit %p', async (limit) => {
    await expect(forEachBounded([1], limit, async () => undefined)).rejects.toThrow(RangeError);
  });
});
