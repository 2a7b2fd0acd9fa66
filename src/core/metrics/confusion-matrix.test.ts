import { describe, expect, it } from 'vitest';
import { confusionMatrix, rowNormalised } from './confusion-matrix';

describe('confusionMatrix', () => {
  it("matches scikit-learn's documented example", () => {
    // sklearn.metrics.confusion_matrix docs: y_true = [2, 0, 2, 2, 0, 1], y_pred = [0, 0, 2, 2, 0, 2].
    const matrix = confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2], ['ant', 'bird', 'cat']);
    expect(matrix.counts).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
    expect(matrix.labels).toEqual(['ant', 'bird', 'cat']);
  });

  it('keeps rows and columns for labels that never occur, and accepts typed arrays', () => {
    const matrix = confusionMatrix(Int32Array.of(0, 0), Uint8Array.of(0, 1), ['a', 'b', 'c']);
    expect(matrix.counts).toEqual([
      [1, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('gives an all-zero matrix for no items', () => {
    expect(confusionMatrix([], [], ['a', 'b']).counts).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('refuses unpaired inputs and indices that name no label', () => {
    expect(() => confusionMatrix([0, 1], [0], ['a', 'b'])).toThrow(/2 true labels but 1 predictions/);
    expect(() => confusionMatrix([0, 2], [0, 0], ['a', 'b'])).toThrow(/Item 1: true label index 2/);
    expect(() => confusionMatrix([0], [-1], ['a', 'b'])).toThrow(/prediction index -1/);
    expect(() => confusionMatrix([0.5], [0], ['a', 'b'])).toThrow(RangeError);
  });
});

describe('rowNormalised', () => {
  it('divides each row by its total and leaves an empty row at 0', () => {
    const matrix = confusionMatrix([0, 0, 0, 0, 2], [0, 0, 0, 1, 2], ['a', 'b', 'c']);
    expect(rowNormalised(matrix)).toEqual([
      [0.75, 0.25, 0],
      [0, 0, 0],
      [0, 0, 1],
    ]);
  });
});
