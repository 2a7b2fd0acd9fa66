import { describe, expect, it } from 'vitest';
import { formatMeanSd, meanSd, pairedDifference } from './fold-summary';

describe('fold summaries', () => {
  it('gives the mean and the sample standard deviation', () => {
    const { mean, sd, n } = meanSd([0.6, 0.7, 0.65, 0.55, 0.5]);
    expect(mean).toBeCloseTo(0.6, 12);
    expect(sd).toBeCloseTo(Math.sqrt(0.025 / 4), 12);
    expect(n).toBe(5);
    expect(meanSd([0.4])).toEqual({ mean: 0.4, sd: 0, n: 1 });
    expect(formatMeanSd(meanSd([0.6, 0.7]))).toBe('65.0 ± 7.1');
  });

  it('pairs recipes fold by fold: a steady gain shows though the folds spread widely', () => {
    const a = [0.5, 0.6, 0.7, 0.55, 0.65];
    const b = a.map((value) => value + 0.03);
    expect(meanSd(a).sd).toBeGreaterThan(0.05);
    const difference = pairedDifference(a, b);
    expect(difference.mean).toBeCloseTo(0.03, 12);
    expect(difference.sd).toBeCloseTo(0, 12);
    expect(() => pairedDifference([0.5], [0.5, 0.6])).toThrow('same folds');
  });
});
