import { describe, expect, it } from 'vitest';
import { batchPosition } from './curve-points';
import { formatLoss, formatOptional, formatPercent } from './format-score';

describe('score formatting', () => {
  it('shows rates as percentages', () => {
    expect(formatPercent(0.6123)).toBe('61.2%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(2 / 3, 0)).toBe('67%');
  });

  it('shows losses to four significant digits, and says when a run diverged', () => {
    expect(formatLoss(0.693147)).toBe('0.6931');
    expect(formatLoss(12.3456)).toBe('12.35');
    expect(formatLoss(1.2e-5)).toBe('0.000012');
    expect(formatLoss(Number.NaN)).toBe('NaN');
    expect(formatLoss(Infinity)).toBe('Infinity');
  });

  it('marks a missing value with a dash', () => {
    expect(formatOptional(null, formatLoss)).toBe('–');
    expect(formatOptional(0.5, formatPercent)).toBe('50.0%');
  });
});

describe('batchPosition', () => {
  it("puts an epoch's last batch on the epoch and the others before it", () => {
    expect(batchPosition(1, 3, 4)).toBe(1);
    expect(batchPosition(2, 0, 4)).toBe(1.25);
    expect(batchPosition(2, 1, 4)).toBe(1.5);
  });
});
