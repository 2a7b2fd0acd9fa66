import type { TestedFile, TestReport } from '../../../workers/prediction/test-report';
import type { SideEvaluation } from '../../../workers/training/predict-packed';
import { formatPercent } from '../training/format-score';

/** What the page says of a finished test before the results are opened. */
export interface TestSummary {
  /** Files predicted and scored (their label is a class of the model). */
  readonly scored: number;
  readonly skipped: number;
  /** Predicted but with no label the model knows (none in the name, or one it lacks). */
  readonly unscored: number;
  readonly misclassified: readonly TestedFile[];
}

export function testSummary(report: TestReport): TestSummary {
  let scored = 0;
  let skipped = 0;
  let unscored = 0;
  const misclassified: TestedFile[] = [];
  for (const file of report.files) {
    if (file.outcome.kind === 'skipped') skipped++;
    else if (file.truth?.kind !== 'known') unscored++;
    else {
      scored++;
      if (report.labels[file.outcome.predicted] !== file.truth.label) misclassified.push(file);
    }
  }
  return { scored, skipped, unscored, misclassified };
}

/**
 * The sentence after "Tested N files of X": the scores of speakers the model never heard first,
 * those of speakers it trained on apart, and how often it answered rather than "unsure".
 */
export function testHeadline(report: TestReport): string {
  const { evaluation, heard } = report;
  const heardSpeakers = [...new Set(report.files.flatMap((file) => (file.heardSpeaker && file.speaker !== null ? [file.speaker] : [])))];
  const heardText = heard ? `${heard.report.total} ${heard.report.total === 1 ? 'file is' : 'files are'} of ${heardSpeakers.length === 1 ? 'a speaker' : `${heardSpeakers.length} speakers`} the model trained on` : '';
  if (evaluation === null && heard === null) return '';
  if (evaluation === null && heard !== null) {
    return `: every scored file is of a speaker the model trained on, so accuracy ${formatPercent(heard.report.accuracy)} and unweighted average recall ${formatPercent(heard.report.unweightedAverageRecall)} measure voices it has heard, not new ones${answeredText(heard)}`;
  }
  const scores = evaluation as SideEvaluation;
  const apart = heard ? `; ${heardText}, scored apart (unweighted average recall ${formatPercent(heard.report.unweightedAverageRecall)})` : '';
  return `: accuracy ${formatPercent(scores.report.accuracy)}, unweighted average recall ${formatPercent(scores.report.unweightedAverageRecall)} on ${scores.report.total} scored ${heard ? 'files of speakers it never heard' : 'files'}${answeredText(scores)}${apart}`;
}

function answeredText(evaluation: SideEvaluation): string {
  const answered = evaluation.answered;
  if (answered === undefined || answered.share >= 1) return '';
  return `; it named an emotion for ${formatPercent(answered.share)} of them (the rest "unsure" or "no speech found"), right on ${formatPercent(answered.accuracy)} of those`;
}
