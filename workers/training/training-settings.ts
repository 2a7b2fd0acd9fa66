import { type MaskingOptions, maskingProblems } from '../../src/core/model/spec-augment';
import type { StoppingMonitor } from '../../src/core/model/training-types';

/** Which tfjs backend to train on: 'auto' picks the fastest real one (a software GPU is no GPU). */
export type BackendPreference = 'auto' | 'wasm' | 'webgpu' | 'webgl' | 'cpu';

/** Early stopping as the form sets it: UAR is what the studio reports and the classes weigh equally in it. */
export interface EarlyStoppingSettings {
  readonly patience: number;
  readonly monitor: StoppingMonitor;
  readonly minEpochs: number;
}

export const DEFAULT_EARLY_STOPPING: EarlyStoppingSettings = { patience: 8, monitor: 'uar', minEpochs: 10 };

/** What the user sets for one training run. */
export interface TrainingSettings {
  /** Passes over the training set: any whole number from 1, as in the thesis. */
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Seeds the initial weights and the order of batches. */
  readonly seed: number;
  /** Weights each class by n / (classes x its count), so rare emotions count as much as common ones. */
  readonly classWeights: boolean;
  /** Label smoothing ε of the training targets: 0 (plain one-hot) up to below 1. */
  readonly labelSmoothing: number;
  /**
   * Decay per step of the moving average of the weights that is validated and kept (0: off, the
   * last or best epoch's own weights). On new speakers the average beats any single epoch.
   */
  readonly weightAveraging: number;
  /** SpecAugment masking of each training sample as it is batched; null masks nothing. */
  readonly masking: MaskingOptions | null;
  /**
   * Stop when the monitored validation figure has not improved for `patience` epochs (but never
   * before `minEpochs`), keeping the best epoch's weights; null trains every epoch.
   */
  readonly earlyStopping: EarlyStoppingSettings | null;
  readonly backend: BackendPreference;
}

export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = {
  epochs: 40,
  batchSize: 32,
  learningRate: 0.001,
  seed: 1,
  classWeights: true,
  labelSmoothing: 0,
  weightAveraging: 0.999,
  masking: null,
  earlyStopping: DEFAULT_EARLY_STOPPING,
  backend: 'auto',
};

/** What is wrong with the settings, as sentences; empty when they can be used. */
export function trainingSettingsProblems(settings: TrainingSettings): string[] {
  const problems: string[] = [];
  if (!(Number.isInteger(settings.epochs) && settings.epochs >= 1)) problems.push('Epochs must be a whole number from 1.');
  if (!(Number.isInteger(settings.batchSize) && settings.batchSize >= 1 && settings.batchSize <= 1024)) problems.push('Batch size must be a whole number from 1 to 1024.');
  if (!(settings.learningRate > 0 && settings.learningRate <= 1)) problems.push('Learning rate must be above 0 and at most 1.');
  if (!Number.isInteger(settings.seed)) problems.push('Seed must be a whole number.');
  if (settings.earlyStopping !== null && !(Number.isInteger(settings.earlyStopping.patience) && settings.earlyStopping.patience >= 1)) {
    problems.push('Early stopping patience must be a whole number of epochs from 1.');
  }
  if (settings.earlyStopping !== null && !(Number.isInteger(settings.earlyStopping.minEpochs) && settings.earlyStopping.minEpochs >= 0)) {
    problems.push('The minimum number of epochs must be a whole number from 0.');
  }
  if (!(settings.labelSmoothing >= 0 && settings.labelSmoothing < 1)) problems.push('Label smoothing must be from 0 to below 1.');
  if (settings.masking !== null) problems.push(...maskingProblems(settings.masking));
  if (!(settings.weightAveraging >= 0 && settings.weightAveraging < 1)) problems.push('Weight averaging must be from 0 (off) to below 1.');
  return problems;
}
