import type { MaskingOptions } from './spec-augment';

/** Samples in memory: `features` holds N samples of the model's input size (182 × 40), back to back. */
export interface LabelledFeatures {
  features: Float32Array;
  /** Class index of each sample, 0 ≤ label < number of classes. */
  labels: ArrayLike<number>;
}

/** What early stopping watches: the validation loss (lower is better) or unweighted average recall (higher is better). */
export type StoppingMonitor = 'loss' | 'uar';

export interface EarlyStoppingOptions {
  /** Epochs without a better monitored value before training stops. */
  patience: number;
  /** Default 'loss', as Keras's EarlyStopping. */
  monitor?: StoppingMonitor;
  /** Epochs always trained before stopping may happen (default 0); the best epoch is still chosen among all. */
  minEpochs?: number;
  /** How much better the monitored value must be to count (default 0). */
  minDelta?: number;
  /** Put back the weights of the best epoch when training ends (default true). */
  restoreBestWeights?: boolean;
}

export interface TrainOptions {
  batchSize: number;
  epochs: number;
  learningRate: number;
  /** Seeds the shuffling and the dropout masks (initial weights are seeded by the model). */
  seed: number;
  /** Loss weight per class index (default 1 each); the batch loss is mean(weight · cross-entropy). */
  classWeights?: readonly number[];
  /** Label smoothing ε for the training targets (default 0); validation loss uses plain targets. */
  labelSmoothing?: number;
  /** SpecAugment masking of each training sample as it is batched (default none). */
  masking?: MaskingOptions;
  /**
   * Keep an exponential moving average of the weights (decay per step, e.g. 0.999), validate and
   * early-stop on it, and end with it in the model.
   */
  weightAveraging?: { decay: number };
  validation?: LabelledFeatures;
  /** Needs `validation`: it monitors the validation loss or UAR. */
  earlyStopping?: EarlyStoppingOptions;
  signal?: AbortSignal;
  onBatchEnd?: (metrics: BatchMetrics) => void;
  /** Called after every epoch with its metrics and a checkpoint to resume from. */
  onEpochEnd?: (metrics: EpochMetrics, checkpoint: TrainingCheckpoint) => void | Promise<void>;
  /** Continue a run from a checkpoint of the same model and options (epochs counts from the start). */
  resumeFrom?: TrainingCheckpoint;
}

export interface BatchMetrics {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  loss: number;
  accuracy: number;
  /** Wall time of this batch's step, including building its tensors. */
  ms: number;
}

export interface EpochMetrics {
  /** 0-based. */
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss?: number;
  valAccuracy?: number;
  valUar?: number;
  trainMs: number;
  validationMs: number;
  samplesPerSecond: number;
}

/** A tensor's values, as plain data (structured-clonable: postMessage, IndexedDB). */
export interface TensorSnapshot {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

export interface BestEpoch {
  epoch: number;
  valLoss: number;
  /** Unweighted average recall at that epoch (absent in checkpoints written before it was kept). */
  valUar?: number;
  weights: TensorSnapshot[];
}

/** Everything needed to continue training exactly where an epoch ended. */
export interface TrainingCheckpoint {
  version: 1;
  /** Epochs completed. */
  epoch: number;
  seed: number;
  modelWeights: TensorSnapshot[];
  optimizerWeights: TensorSnapshot[];
  best: BestEpoch | null;
  epochsWithoutImprovement: number;
  history: EpochMetrics[];
  /** The weight average so far, when the run averages weights. */
  weightAverage?: WeightAverageSnapshot;
}

/** A weight average's state: the optimiser steps folded in so far and the averaged weights. */
export interface WeightAverageSnapshot {
  steps: number;
  weights: TensorSnapshot[];
}

export type StopReason = 'completed' | 'early-stopped' | 'cancelled';

export interface TrainingResult {
  stopReason: StopReason;
  history: EpochMetrics[];
  /**
   * The epoch whose weights the model holds at the end (the best one after a restore; after a
   * cancel mid-epoch the model holds that epoch's partly trained weights, the checkpoint does not).
   */
  weightsFromEpoch: number;
  /** The last epoch-end checkpoint (null if cancelled before the first epoch ended). */
  checkpoint: TrainingCheckpoint | null;
}
