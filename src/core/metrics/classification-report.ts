import { type ClassMetrics, classMetrics } from './class-metrics';
import type { ConfusionMatrix } from './confusion-matrix';
import { safeRatio } from './safe-ratio';

/**
 * Per-class scores and their summaries. Which classes each average spans (scikit-learn's choices):
 * - `unweightedAverageRecall` (UAR): the mean recall over classes with support, as
 *   `balanced_accuracy_score`; a class with no true items has no recall to average.
 * - `macroF1`: the mean F1 over classes that are true or predicted at least once, as
 *   `f1_score(average='macro')` without `labels=`; predicting a class that has no true items is a
 *   mistake that counts as an F1 of 0.
 * - `weightedAverageRecall`: recalls weighted by support; it always equals `accuracy`.
 * With no items at all every figure is 0 (`zero_division=0`).
 */
export interface ClassificationReport {
  readonly classes: readonly ClassMetrics[];
  readonly total: number;
  readonly accuracy: number;
  readonly unweightedAverageRecall: number;
  readonly weightedAverageRecall: number;
  readonly macroF1: number;
  /** Labels averaged into the UAR (those with support). */
  readonly recallAveragedOver: readonly string[];
  /** Labels averaged into the macro F1 (those with support or predictions). */
  readonly f1AveragedOver: readonly string[];
}

export function classificationReport(matrix: ConfusionMatrix): ClassificationReport {
  const classes = classMetrics(matrix);
  const total = sum(classes.map((metrics) => metrics.support));
  const correct = sum(matrix.counts.map((row, index) => row[index]));
  const supported = classes.filter((metrics) => metrics.support > 0);
  const occurring = classes.filter((metrics) => metrics.support > 0 || metrics.predicted > 0);
  return {
    classes,
    total,
    accuracy: safeRatio(correct, total),
    unweightedAverageRecall: mean(supported.map((metrics) => metrics.recall)),
    weightedAverageRecall: safeRatio(sum(classes.map((metrics) => metrics.recall * metrics.support)), total),
    macroF1: mean(occurring.map((metrics) => metrics.f1)),
    recallAveragedOver: supported.map((metrics) => metrics.label),
    f1AveragedOver: occurring.map((metrics) => metrics.label),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mean(values: readonly number[]): number {
  return safeRatio(sum(values), values.length);
}
