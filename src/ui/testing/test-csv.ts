import { csvText } from '../../core/csv/csv-text';
import type { TestReport } from '../../../workers/prediction/test-report';
import { answerText } from '../../core/predict/clip-answer';
import { isCorrect } from '../predict/prediction-csv';

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** One line per file of the test ZIPs: its truth, the prediction and every class's probability; skipped files say why. */
export function testCsv(report: TestReport): string {
  const { labels } = report;
  const header = ['archive', 'file', 'true_emotion', 'predicted', 'confidence', 'correct', 'duration_s', 'windows', 'answer', 'speaker', 'heard_speaker', ...labels.map((label) => `p_${label}`), 'problem'];
  return csvText(
    header,
    report.files.map(({ archive, entry, truth, outcome, speaker, heardSpeaker }) => {
      const voice = [speaker, speaker === null ? null : heardSpeaker ? 'yes' : 'no'];
      if (outcome.kind === 'skipped') return [archive, entry, truth?.label ?? null, null, null, null, null, null, null, ...voice, ...labels.map(() => null), outcome.reason];
      const predicted = labels[outcome.predicted];
      const correct = isCorrect(truth, predicted);
      return [
        archive,
        entry,
        truth?.label ?? null,
        predicted,
        round(outcome.probabilities[outcome.predicted], 4),
        correct === null ? null : correct ? 'yes' : 'no',
        round(outcome.durationSeconds, 3),
        outcome.windows,
        answerText(outcome.answer),
        ...voice,
        ...outcome.probabilities.map((p) => round(p, 4)),
        null,
      ];
    }),
  );
}
