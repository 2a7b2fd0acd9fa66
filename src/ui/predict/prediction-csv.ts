import { csvText } from '../../core/csv/csv-text';
import { answerText, type ClipAnswer } from '../../core/predict/clip-answer';
import type { TrueLabel } from '../../core/predict/true-label';

/** What the CSV needs of one row: the file's name and its prediction, or why it has none. */
export type CsvPredictionRow =
  | {
      readonly fileName: string;
      readonly labels: readonly string[];
      readonly probabilities: readonly number[];
      readonly predicted: number;
      readonly answer: ClipAnswer;
      readonly truth: TrueLabel | null;
      readonly duration: number;
      readonly windows: number;
    }
  | { readonly fileName: string; readonly problem: string };

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Whether the prediction matches the label the name tells: null when there is no known label to compare. */
export function isCorrect(truth: TrueLabel | null, predictedLabel: string): boolean | null {
  return truth?.kind === 'known' ? truth.label === predictedLabel : null;
}

/**
 * One line per file: the answer shown (emotion, "unsure: a or b", "no speech found"), the top class, its probability, true emotion (when the name tells one), whether they
 * match, and every class's probability in the model's label order; unreadable files say why.
 */
export function predictionCsv(rows: readonly CsvPredictionRow[], labels: readonly string[]): string {
  const header = ['file', 'answer', 'predicted', 'confidence', 'true_emotion', 'correct', 'duration_s', 'windows', ...labels.map((label) => `p_${label}`), 'problem'];
  return csvText(
    header,
    rows.map((row) => {
      if ('problem' in row) return [row.fileName, null, null, null, null, null, null, null, ...labels.map(() => null), row.problem];
      const predicted = row.labels[row.predicted];
      const correct = isCorrect(row.truth, predicted);
      return [
        row.fileName,
        answerText(row.answer),
        predicted,
        round(row.probabilities[row.predicted], 4),
        row.truth?.label ?? null,
        correct === null ? null : correct ? 'yes' : 'no',
        round(row.duration, 3),
        row.windows,
        ...labels.map((label) => {
          const index = row.labels.indexOf(label);
          return index < 0 ? null : round(row.probabilities[index], 4);
        }),
        null,
      ];
    }),
  );
}
