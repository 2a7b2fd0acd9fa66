import type { ConfusionMatrix } from './confusion-matrix';
import { safeRatio } from './safe-ratio';

/**
 * One class's scores. A ratio whose denominator is 0 is 0 (scikit-learn's `zero_division=0`):
 * precision of a class never predicted, recall of a class with no true items, and F1 of a class
 * with neither are all 0. `support` and `predicted` tell those cases apart from real zeros.
 */
export interface ClassMetrics {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Items whose true label is this class (the matrix row's total). */
  readonly support: number;
  /** Items predicted as this class (the matrix column's total). */
  readonly predicted: number;
}

export function classMetrics(matrix: ConfusionMatrix): ClassMetrics[] {
  return matrix.labels.map((label, index) => {
    const truePositives = matrix.counts[index][index];
    const support = rowTotal(matrix, index);
    const predicted = columnTotal(matrix, index);
    return {
      label,
      precision: safeRatio(truePositives, predicted),
      recall: safeRatio(truePositives, support),
      // 2·TP / (2·TP + FP + FN) is the harmonic mean of precision and recall without dividing twice.
      f1: safeRatio(2 * truePositives, support + predicted),
      support,
      predicted,
    };
  });
}

function rowTotal(matrix: ConfusionMatrix, row: number): number {
  return matrix.counts[row].reduce((sum, count) => sum + count, 0);
}

function columnTotal(matrix: ConfusionMatrix, column: number): number {
  return matrix.counts.reduce((sum, row) => sum + row[column], 0);
}
