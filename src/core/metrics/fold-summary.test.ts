import { describe, expect, it } from 'vitest';
import { confusionMatrix } from './confusion-matrix';
import { crossValidationSummary } from './cross-validation-summary';
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

describe('crossValidationSummary', () => {
  it('averages the folds\' figures and pools their matrices', () => {
    const labels = ['anger', 'sadness'];
    // Fold 1: 3 of 4 right (anger 2/2, sadness 1/2); fold 2: 2 of 4 right (anger 1/2, sadness 1/2).
    const folds = [
      confusionMatrix([0, 0, 1, 1], [0, 0, 1, 0], labels),
      confusionMatrix([0, 0, 1, 1], [0, 1, 1, 0], labels),
    ];
    const summary = crossValidationSummary(folds);
    expect(summary.folds).toBe(2);
    expect(summary.accuracy.mean).toBeCloseTo(0.625, 12);
    expect(summary.uar.mean).toBeCloseTo(0.625, 12);
    expect(summary.uar.sd).toBeCloseTo(Math.sqrt(0.125 ** 2 * 2), 12);
    expect(summary.recall.map(({ label, recall }) => [label, recall.mean])).toEqual([['anger', 0.75], ['sadness', 0.5]]);
    expect(summary.pooled.counts).toEqual([[3, 1], [2, 2]]);
    expect(() => crossValidationSummary([])).toThrow('at least one fold');
  });
});
