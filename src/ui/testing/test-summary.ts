import type { TestedFile, TestReport } from '../../../workers/prediction/test-report';

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
