import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = Array.from({ length: 5 }, ((r) => () => r.next())(new SeededRandom(42)));
    const b = Array.from({ length: 5 }, ((r) => () => r.next())(new SeededRandom(42)));
    const c = Array.from({ length: 5 }, ((r) => () => r.next())(new SeededRandom(43)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('is uniform in [0, 1) and its gaussians have mean 0 and variance 1', () => {
    const random = new SeededRandom(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = random.next();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const g = random.gaussian();
      s1 += g;
      s2 += g * g;
    }
    expect(s1 / n).toBeCloseTo(0, 1);
    expect(s2 / n).toBeCloseTo(1, 1);
  });

  it('derives independent, repeatable streams per label', () => {
    expect(SeededRandom.derive(1, 'a.wav').next()).toBe(SeededRandom.derive(1, 'a.wav').next());
    expect(SeededRandom.derive(1, 'a.wav').next()).not.toBe(SeededRandom.derive(1, 'b.wav').next());
  });

  it('shuffles as a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new SeededRandom(3).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
  });
});
