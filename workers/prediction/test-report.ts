import type { TrueLabel } from '../../src/core/predict/true-label';
import type { ArchiveOutcome } from '../protocol';
import type { SideEvaluation } from '../training/predict-packed';

/** What became of one file of a test ZIP. */
export type TestOutcome =
  | {
      readonly kind: 'predicted';
      /** Averaged over the clip's windows, in the order of the model's labels. */
      readonly probabilities: readonly number[];
      readonly predicted: number;
      readonly windows: number;
      readonly durationSeconds: number;
    }
  | { readonly kind: 'skipped'; readonly reason: string };

export interface TestedFile {
  /** The dropped ZIP's name and the entry's path inside it. */
  readonly archive: string;
  readonly entry: string;
  readonly truth: TrueLabel | null;
  readonly outcome: TestOutcome;
}

export interface TestProgress {
  readonly done: number;
  readonly total: number;
  readonly etaSeconds: number | null;
}

/** A label the files tell but the model has no class for, and how many files carry it. */
export interface UnknownLabel {
  readonly label: string;
  readonly files: number;
}

export interface TestReport {
  readonly labels: readonly string[];
  readonly files: readonly TestedFile[];
  readonly archives: readonly ArchiveOutcome[];
  readonly unknownLabels: readonly UnknownLabel[];
  /** Over the predicted files whose true label the model knows; null when there are none. */
  readonly evaluation: SideEvaluation | null;
}

export function unknownLabelTally(files: readonly TestedFile[]): UnknownLabel[] {
  const counts = new Map<string, number>();
  for (const file of files) if (file.truth?.kind === 'unknown') counts.set(file.truth.label, (counts.get(file.truth.label) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, files: count })).sort((a, b) => b.files - a.files || a.label.localeCompare(b.label));
}
