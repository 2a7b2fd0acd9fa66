import { describe, expect, it } from 'vitest';
import { balancedClassWeights } from './class-weights';

describe('balancedClassWeights', () => {
  it("matches scikit-learn's compute_class_weight example", () => {
    // Docs: y = [1, 1, 1, 1, 0, 0] gives [1.5, 0.75]: 6 / (2 * 2) and 6 / (2 * 4).
    expect(balancedClassWeights([1, 1, 1, 1, 0, 0], ['0', '1'])).toEqual({ weights: [1.5, 0.75], absentLabels: [] });
  });

  it('gives every class the same total weight, averaging 1 over the items', () => {
    const indices = [0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
    const { weights } = balancedClassWeights(Int32Array.from(indices), ['anger', 'fear', 'neutral']);
    // 20 items, 3 classes of 7, 2 and 11: 20/21, 20/6 and 20/33.
    expect(weights[0]).toBeCloseTo(20 / 21, 15);
    expect(weights[1]).toBeCloseTo(20 / 6, 15);
    expect(weights[2]).toBeCloseTo(20 / 33, 15);
    expect(weights[0] * 7).toBeCloseTo(weights[1] * 2, 14);
    expect(weights[1] * 2).toBeCloseTo(weights[2] * 11, 14);
    expect(indices.reduce((sum, index) => sum + weights[index], 0)).toBeCloseTo(indices.length, 12);
  });

  it('weights a balanced set 1 everywhere', () => {
    expect(balancedClassWeights([2, 1, 0, 0, 1, 2], ['a', 'b', 'c']).weights).toEqual([1, 1, 1]);
  });

  it('gives absent classes weight 0, reports them and counts only the present ones', () => {
    // 'fear' and 'surprise' have no training items: 6 items over 2 present classes of 2 and 4.
    const result = balancedClassWeights([0, 0, 3, 3, 3, 3], ['anger', 'fear', 'surprise', 'neutral']);
    expect(result.weights).toEqual([1.5, 0, 0, 0.75]);
    expect(result.absentLabels).toEqual(['fear', 'surprise']);
  });

  it('refuses an empty training set and indices that name no label', () => {
    expect(() => balancedClassWeights([], ['a', 'b'])).toThrow(/without training items/);
    expect(() => balancedClassWeights([0, 2], ['a', 'b'])).toThrow(/Item 1: label index 2/);
    expect(() => balancedClassWeights([1.5], ['a', 'b'])).toThrow(RangeError);
  });
});
