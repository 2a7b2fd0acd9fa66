import type { BackendReport, EpochFigures, TrainingContext, TrainingResult } from '../../../workers/protocol';
import type { TrainingDataProgress } from '../../../workers/training-data/training-data-progress';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings, trainingSettingsProblems } from '../../../workers/training/training-settings';
import type { DatasetSession } from '../dataset/dataset-session.svelte';
import { type BatchPoint, batchPosition, type EpochPoint } from './curve-points';
import type { InterruptedRun } from '../../../workers/training/run-journal';
import type { TrainingCallbacks, TrainingClient, TrainingOutcome } from './training-client';

export type TrainingPhase = 'idle' | 'preparing' | 'training' | 'finished' | 'cancelled' | 'failed';

/** Batch losses kept for the curve: enough to show the trend, few enough to redraw cheaply. */
const MAX_BATCH_POINTS = 2000;

/**
 * One training run as the Train page shows it: the settings, the data being prepared, the epochs
 * so far, and the result. The work happens in the dataset and training workers.
 */
export class TrainingSession {
  settings = $state.raw<TrainingSettings>(DEFAULT_TRAINING_SETTINGS);
  phase = $state<TrainingPhase>('idle');
  dataProgress = $state.raw<TrainingDataProgress | null>(null);
  backend = $state.raw<BackendReport | null>(null);
  rows = $state.raw<{ train: number; validation: number; batchesPerEpoch: number } | null>(null);
  epochs = $state.raw<readonly EpochFigures[]>([]);
  batches = $state.raw<readonly BatchPoint[]>([]);
  /** Where the run is now: 1-based epoch, 0-based batch. */
  position = $state.raw<{ epoch: number; batch: number } | null>(null);
  startedAt = $state(0);
  result = $state.raw<TrainingResult | null>(null);
  failure = $state('');
  /** Epochs a resumed run had done before this page started it again; 0 for a new run. */
  resumedAfterEpoch = $state(0);
  /** Whether this run keeps checkpoints that a reload can resume from. */
  resumable = $state(false);
  /** A run that a closed or reloaded tab interrupted, offered for resuming. */
  interrupted = $state.raw<InterruptedRun | null>(null);

  readonly problems: string[] = $derived(trainingSettingsProblems(this.settings));
  readonly curvePoints: readonly EpochPoint[] = $derived(
    this.epochs.map(({ epoch, loss, accuracy, validationLoss, validationAccuracy, validationUar }) => ({ epoch, loss, accuracy, validationLoss, validationAccuracy, validationUar })),
  );
  readonly running: boolean = $derived(this.phase === 'preparing' || this.phase === 'training');

  readonly #dataset: DatasetSession;
  #client: Promise<TrainingClient> | null = null;
  #runId: number | null = null;

  constructor(dataset: DatasetSession) {
    this.#dataset = dataset;
  }

  /** Prepares the split's features (with augmented copies of the training side) and trains on them. */
  async start(): Promise<void> {
    const split = this.#dataset.trainingSides();
    if (split === null || this.problems.length > 0 || this.running) return;
    this.#reset();
    this.phase = 'preparing';
    try {
      const data = await this.#dataset.prepareTraining(split.sides, this.settings.seed, (progress) => (this.dataProgress = progress));
      if (this.phase !== 'preparing') return;
      this.phase = 'training';
      const client = await this.#loadClient();
      await this.#follow(client.train(data, split.labels, this.settings, this.#context(), this.#callbacks()));
    } catch (error) {
      this.#failed(error);
    } finally {
      this.#runId = null;
    }
  }

  /** Looks for a run that a closed or reloaded tab interrupted. */
  async checkInterrupted(): Promise<void> {
    try {
      this.interrupted = await (await this.#loadClient()).interruptedRun();
    } catch {
      this.interrupted = null;
    }
  }

  /** Continues the interrupted run from its last finished epoch. */
  async resume(): Promise<void> {
    const run = this.interrupted;
    if (run === null || this.running) return;
    this.#reset();
    this.interrupted = null;
    this.settings = { ...this.settings, epochs: run.epochsAsked };
    this.phase = 'training';
    try {
      await this.#follow((await this.#loadClient()).resume(this.#callbacks()));
    } catch (error) {
      this.#failed(error);
    } finally {
      this.#runId = null;
    }
  }

  async discardInterrupted(): Promise<void> {
    this.interrupted = await (await this.#loadClient()).interruptedRun(true);
  }

  async #follow(run: { runId: number; outcome: Promise<TrainingOutcome> }): Promise<void> {
    this.#runId = run.runId;
    const outcome = await run.outcome;
    if (outcome === 'cancelled') this.phase = 'cancelled';
    else {
      this.result = outcome;
      this.phase = 'finished';
    }
  }

  #callbacks(): TrainingCallbacks {
    return {
      onStarted: (started) => {
        this.backend = started.backend;
        this.resumable = started.resumable;
        this.rows = { train: started.trainRows, validation: started.validationRows, batchesPerEpoch: started.batchesPerEpoch };
        this.startedAt = performance.now();
        this.resumedAfterEpoch = started.resumedAfterEpoch;
      },
      onBatch: ({ epoch, batch, loss }) => this.#addBatch(epoch, batch, loss),
      onEpoch: (figures) => (this.epochs = [...this.epochs, figures]),
    };
  }

  #failed(error: unknown): void {
    if (this.phase === 'cancelled') return;
    this.phase = 'failed';
    this.failure = error instanceof Error ? error.message : String(error);
  }

  cancel(): void {
    if (this.phase === 'preparing') this.phase = 'cancelled';
    else if (this.#runId !== null) void this.#client?.then((client) => client.cancel(this.#runId as number));
  }

  dispose(): void {
    void this.#client?.then((client) => client.dispose());
    this.#client = null;
  }

  #addBatch(epoch: number, batch: number, loss: number): void {
    this.position = { epoch, batch };
    const perEpoch = this.rows?.batchesPerEpoch ?? 1;
    const points = [...this.batches, { epoch: batchPosition(epoch, batch, perEpoch), loss }];
    this.batches = points.length > MAX_BATCH_POINTS ? points.filter((_, index) => index % 2 === 0) : points;
  }

  #reset(): void {
    this.dataProgress = null;
    this.backend = null;
    this.rows = null;
    this.epochs = [];
    this.batches = [];
    this.position = null;
    this.resumedAfterEpoch = 0;
    this.result = null;
    this.failure = '';
  }

  #context(): TrainingContext {
    const dataset = this.#dataset;
    const preview = dataset.splitPreview;
    const sides = 'split' in preview ? preview.split.summary.sides : null;
    return {
      sources: dataset.fileNames,
      splitKind: dataset.splitSettings.kind,
      splitSeed: dataset.splitSettings.seed,
      augmentationCopies: dataset.augmentation.copies,
      augmentationKinds: dataset.augmentation.settings.kinds,
      files: { train: sides?.train.files ?? 0, validation: sides?.validation.files ?? 0, test: sides?.test.files ?? 0 },
      trainFilesPerLabel: { ...(sides?.train.filesByLabel ?? {}) },
      speakers: dataset.report.speakers.flatMap(({ speaker }) => (speaker === null ? [] : [speaker])),
      trainingSpeakers: [...(sides?.train.speakers ?? [])],
    };
  }

  #loadClient(): Promise<TrainingClient> {
    this.#client ??= import('./training-client').then(({ TrainingClient }) => new TrainingClient());
    return this.#client;
  }
}
