import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random';
import { fillStandardNormal } from './standard-normal';

/** P(|Z| > z) for a standard normal, by the complementary error function (Abramowitz-Stegun 7.1.26). */
function twoSidedTail(z: number): number {
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return poly * Math.exp(-x * x);
}

describe('fillStandardNormal (ziggurat)', () => {
  const n = 1_000_000;
  const draws = new Float64Array(n);
  fillStandardNormal(draws, new SeededRandom(2024));

  it('has mean 0, variance 1, skewness 0 and kurtosis 3', () => {
    let m1 = 0, m2 = 0, m3 = 0, m4 = 0;
    for (const x of draws) {
      m1 += x;
      m2 += x * x;
      m3 += x ** 3;
      m4 += x ** 4;
    }
    expect(Math.abs(m1 / n)).toBeLessThan(0.005);
    expect(Math.abs(m2 / n - 1)).toBeLessThan(0.005);
    expect(Math.abs(m3 / n)).toBeLessThan(0.015);
    expect(Math.abs(m4 / n - 3)).toBeLessThan(0.04);
  });

  it('puts the right share beyond 1, 2, 3 and the tail start 3.44 (within 5 standard errors)', () => {
    for (const z of [1, 2, 3, 3.442619855899, 4]) {
      const expected = twoSidedTail(z);
      let beyond = 0;
      for (const x of draws) if (Math.abs(x) > z) beyond++;
      const observed = beyond / n;
      expect(Math.abs(observed - expected), `|x| > ${z}`).toBeLessThan(5 * Math.sqrt((expected * (1 - expected)) / n));
    }
  });

  it('is symmetric and the same for the same seed', () => {
    let negative = 0;
    for (const x of draws) if (x < 0) negative++;
    expect(Math.abs(negative / n - 0.5)).toBeLessThan(0.0025);
    const again = new Float64Array(10_000);
    fillStandardNormal(again, new SeededRandom(2024));
    expect(again).toEqual(draws.subarray(0, 10_000));
  });
});
