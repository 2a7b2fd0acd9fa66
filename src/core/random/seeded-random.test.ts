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

  it("keeps mulberry32's sequence (pinned values, so a faster implementation cannot change the draws)", () => {
    const draws = (seed: number) => ((r) => Array.from({ length: 4 }, () => r.next()))(new SeededRandom(seed));
    expect(draws(0)).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197, 0.1462021479383111]);
    expect(draws(42)).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693]);
    expect(draws(0xffffffff)).toEqual([0.8964226141106337, 0.189478256739676, 0.7156526781618595, 0.9440599093213677]);
  });

  it('skips ahead exactly as that many draws would', () => {
    for (const count of [0, 1, 7, 4096, 123457]) {
      const stepped = new SeededRandom(99);
      for (let i = 0; i < count; i++) stepped.next();
      const skipped = new SeededRandom(99);
      skipped.skip(count);
      expect(skipped.stateWord()).toBe(stepped.stateWord());
      expect(skipped.next()).toBe(stepped.next());
    }
  });
});
