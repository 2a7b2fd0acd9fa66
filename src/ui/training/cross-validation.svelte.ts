import { DatasetSplitError, type DatasetSplit, speakerFolds } from '../../core/dataset';
import type { ConfusionMatrix } from '../../core/metrics';
import { type CrossValidationSummary, crossValidationSummary } from '../../core/metrics/cross-validation-summary';
import type { TrainingContext } from '../../../workers/protocol';
import type { DatasetSession } from '../dataset/dataset-session.svelte';
import type { TrainingClient } from './training-client';
import type { TrainingSession } from './training-session.svelte';

/** One finished fold: the speakers it scored and how the model trained without them did. */
export interface FoldOutcome {
  readonly fold: number;
  readonly testSpeakers: readonly string[];
  readonly testFiles: number;
  readonly uar: number;
  readonly accuracy: number;
  readonly ece: number | null;
  readonly bestEpoch: number;
  readonly seconds: number;
  readonly matrix: ConfusionMatrix;
}

export type CrossValidationPhase = 'idle' | 'running' | 'finished' | 'cancelled' | 'failed';

export const DEFAULT_FOLDS = 5;
const STORAGE_PREFIX = 'ser-studio:cross-validation:';

/**
 * k-fold cross-validation by speaker on the Train page: the dataset's speakers in k folds
 * (`speakerFolds`), each fold's model trained with the page's recipe on the other folds (inner
 * validation speakers stop it early and calibrate it), scored on its own speakers and dropped.
 * Each finished fold is kept in the browser, so after a reload the same data and settings go on
 * from the next fold.
 */
export class CrossValidation {
  folds = $state(DEFAULT_FOLDS);
  phase = $state<CrossValidationPhase>('idle');
  results = $state.raw<readonly FoldOutcome[]>([]);
  /** The fold in progress (1-based) and where it is. */
  current = $state.raw<{ fold: number; step: 'preparing' | 'training'; epoch: number } | null>(null);
  warnings = $state.raw<readonly string[]>([]);
  failure = $state('');
  /** Folds finished before a reload and taken from the browser's storage. */
  resumedFolds = $state(0);
  #startedAt = 0;
  #foldsThisSession = 0;
  #runId: number | null = null;
  #client: Promise<TrainingClient> | null = null;

  readonly summary: CrossValidationSummary | null = $derived(this.results.length > 0 ? crossValidationSummary(this.results.map((result) => result.matrix)) : null);
  readonly running: boolean = $derived(this.phase === 'running');

  readonly #dataset: DatasetSession;
  readonly #training: TrainingSession;

  constructor(dataset: DatasetSession, training: TrainingSession) {
    this.#dataset = dataset;
    this.#training = training;
  }

  /** Seconds left, from the folds finished in this session; null before the first. */
  etaSeconds(now = performance.now()): number | null {
    if (this.#foldsThisSession === 0) return null;
    const perFold = (now - this.#startedAt) / 1000 / this.#foldsThisSession;
    return Math.max(0, perFold * (this.folds - this.results.length));
  }

  async start(): Promise<void> {
    if (this.running || this.#training.running) return;
    const settings = this.#training.settings;
    const labels = this.#dataset.report.labels.map(({ label }) => label);
    this.failure = '';
    let folds;
    try {
      folds = speakerFolds(this.#dataset.usable, { folds: this.folds, seed: settings.seed });
    } catch (error) {
      this.phase = 'failed';
      this.failure = error instanceof DatasetSplitError ? error.message : String(error);
      return;
    }
    const key = this.#storageKey(labels);
    this.results = storedFolds(key);
    this.resumedFolds = this.results.length;
    this.warnings = folds.warnings;
    this.phase = 'running';
    this.#startedAt = performance.now();
    this.#foldsThisSession = 0;
    try {
      for (const [index, split] of folds.folds.entries()) {
        if (this.results.some((result) => result.fold === index + 1)) continue;
        const outcome = await this.#runFold(index + 1, split, labels);
        if (outcome === null) return;
        this.results = [...this.results, outcome];
        this.#foldsThisSession++;
        storeFolds(key, this.results);
      }
      this.phase = 'finished';
      this.current = null;
      localStorage.removeItem(key);
    } catch (error) {
      this.phase = 'failed';
      this.failure = error instanceof Error ? error.message : String(error);
    } finally {
      this.#runId = null;
    }
  }

  cancel(): void {
    if (!this.running) return;
    this.phase = 'cancelled';
    this.current = null;
    if (this.#runId !== null) void this.#client?.then((client) => client.cancel(this.#runId as number));
  }

  dispose(): void {
    void this.#client?.then((client) => client.dispose());
    this.#client = null;
  }

  /** Trains and scores one fold; null when the user cancelled. */
  async #runFold(fold: number, split: DatasetSplit, labels: readonly string[]): Promise<FoldOutcome | null> {
    this.current = { fold, step: 'preparing', epoch: 0 };
    const settings = this.#training.settings;
    const data = await this.#dataset.prepareTraining(this.#dataset.sidesOf(split).sides, settings.seed, () => {});
    if (!this.running) return null;
    this.current = { fold, step: 'training', epoch: 0 };
    const client = await this.#loadClient();
    const callbacks = { onStarted: () => {}, onBatch: () => {}, onEpoch: ({ epoch }: { epoch: number }) => (this.current = { fold, step: 'training', epoch }) };
    const run = client.train(data, labels, settings, this.#context(split), callbacks, 'fold');
    this.#runId = run.runId;
    const outcome = await run.outcome;
    if (outcome === 'cancelled' || !this.running) return null;
    const test = outcome.test;
    if (test === null) throw new Error(`Fold ${fold} has no files to score.`);
    return {
      fold,
      testSpeakers: split.summary.sides.test.speakers,
      testFiles: split.summary.sides.test.files,
      uar: test.report.unweightedAverageRecall,
      accuracy: test.report.accuracy,
      ece: test.calibration?.expectedCalibrationError ?? null,
      bestEpoch: outcome.bestEpoch,
      seconds: outcome.seconds,
      matrix: test.matrix,
    };
  }

  #context(split: DatasetSplit): TrainingContext {
    const dataset = this.#dataset;
    const { train, validation, test } = split.summary.sides;
    return {
      sources: dataset.fileNames,
      splitKind: 'speaker',
      splitSeed: this.#training.settings.seed,
      augmentationCopies: dataset.augmentation.copies,
      augmentationKinds: dataset.augmentation.settings.kinds,
      files: { train: train.files, validation: validation.files, test: test.files },
      trainFilesPerLabel: { ...train.filesByLabel },
      speakers: [...train.speakers, ...validation.speakers, ...test.speakers],
      trainingSpeakers: [...train.speakers],
    };
  }

  /** The same data, labels, folds, recipe and augmentation give the same key, so a reload resumes only the very same run. */
  #storageKey(labels: readonly string[]): string {
    const dataset = this.#dataset;
    const identity = JSON.stringify([dataset.fileNames, dataset.usable.length, labels, this.folds, this.#training.settings, dataset.augmentation]);
    let hash = 2166136261;
    for (let i = 0; i < identity.length; i++) hash = Math.imul(hash ^ identity.charCodeAt(i), 16777619) >>> 0;
    return `${STORAGE_PREFIX}${hash.toString(36)}`;
  }

  #loadClient(): Promise<TrainingClient> {
    this.#client ??= import('./training-client').then(({ TrainingClient }) => new TrainingClient());
    return this.#client;
  }
}

function storedFolds(key: string): FoldOutcome[] {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as FoldOutcome[]) : [];
  } catch {
    return [];
  }
}

function storeFolds(key: string, results: readonly FoldOutcome[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(results));
  } catch {
    // Storage full or refused: the run goes on; only resuming after a reload is lost.
  }
}
