import { classificationReport } from './classification-report';
import type { ConfusionMatrix } from './confusion-matrix';
import { type MeanSd, meanSd } from './fold-summary';

/** What k folds of cross-validation say together. */
export interface CrossValidationSummary {
  readonly folds: number;
  readonly uar: MeanSd;
  readonly accuracy: MeanSd;
  /** Each class's recall over the folds that hold the class. */
  readonly recall: readonly { readonly label: string; readonly recall: MeanSd }[];
  /** Every fold's test files in one matrix: each file is scored once, by the model that never heard its speaker. */
  readonly pooled: ConfusionMatrix;
}

/** Mean ± sd of each fold's UAR, accuracy and per-class recall, and the pooled confusion matrix. */
export function crossValidationSummary(matrices: readonly ConfusionMatrix[]): CrossValidationSummary {
  if (matrices.length === 0) throw new RangeError('a cross-validation summary needs at least one fold');
  const { labels } = matrices[0];
  const reports = matrices.map(classificationReport);
  const pooled = { labels: [...labels], counts: labels.map((_, row) => labels.map((__, column) => matrices.reduce((sum, matrix) => sum + matrix.counts[row][column], 0))) };
  return {
    folds: matrices.length,
    uar: meanSd(reports.map((report) => report.unweightedAverageRecall)),
    accuracy: meanSd(reports.map((report) => report.accuracy)),
    recall: labels.map((label, index) => ({ label, recall: meanSd(reports.flatMap((report) => (report.classes[index].support > 0 ? [report.classes[index].recall] : []))) })),
    pooled,
  };
}
