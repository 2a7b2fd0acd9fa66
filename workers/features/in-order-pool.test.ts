import { describe, expect, it } from 'vitest';
import { mapInOrder } from './in-order-pool';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapInOrder', () => {
  it('keeps the order of the items whatever order the work finishes in', async () => {
    const delays = [30, 5, 20, 0, 10];
    expect(await mapInOrder(delays, 3, async (delay, index) => (await tick(delay), index * 10))).toEqual([0, 10, 20, 30, 40]);
  });

  it('never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    await mapInOrder([...Array(12).keys()], 4, async () => {
      most = Math.max(most, ++running);
      await tick(2);
      running--;
    });
    expect(most).toBe(4);
  });

  it('stops starting work after a failure and rejects with it', async () => {
    const started: number[] = [];
    const run = mapInOrder([0, 1, 2, 3, 4, 5], 1, async (item) => {
      started.push(item);
      if (item === 2) throw new Error('bad item');
    });
    await expect(run).rejects.toThrow('bad item');
    expect(started).toEqual([0, 1, 2]);
  });

  it('maps nothing to nothing', async () => {
    expect(await mapInOrder([], 4, async () => 1)).toEqual([]);
  });
});
