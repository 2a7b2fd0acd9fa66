import type { ClipAnswer } from '../../src/core/predict/clip-answer';
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
      /** What a user is told: the emotion, "unsure" or "no speech found". */
      readonly answer: ClipAnswer;
      readonly windows: number;
      readonly durationSeconds: number;
    }
  | { readonly kind: 'skipped'; readonly reason: string };

export interface TestedFile {
  /** The dropped ZIP's name and the entry's path inside it. */
  readonly archive: string;
  readonly entry: string;
  readonly truth: TrueLabel | null;
  /** The speaker the name, folder or manifest tells, and whether the model trained on that voice. */
  readonly speaker: string | null;
  readonly heardSpeaker: boolean;
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
  /**
   * Over the predicted files whose true label the model knows and whose speaker it never heard;
   * null when there are none. Files of speakers it trained on are scored apart, in `heard`.
   */
  readonly evaluation: SideEvaluation | null;
  readonly heard: SideEvaluation | null;
  /** The model's "unsure" threshold on its calibrated top probability. */
  readonly unsureBelow: number;
}

export function unknownLabelTally(files: readonly TestedFile[]): UnknownLabel[] {
  const counts = new Map<string, number>();
  for (const file of files) if (file.truth?.kind === 'unknown') counts.set(file.truth.label, (counts.get(file.truth.label) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, files: count })).sort((a, b) => b.files - a.files || a.label.localeCompare(b.label));
}
