import type * as tf from '@tensorflow/tfjs';
import { balancedClassWeights } from '../../src/core/dataset/class-weights';
import type { FeatureStandardiser } from '../../src/core/features/feature-standardiser';
import { createThesisCnn } from '../../src/core/model/thesis-cnn';
import { trainModel } from '../../src/core/model/train-model';
import type { EarlyStoppingOptions, EpochMetrics, TrainingCheckpoint, TrainingResult as LoopResult } from '../../src/core/model/training-types';
import type { BackendReport, EpochFigures, SavedModel, TrainingResult, TrainRequest, TrainingWorkerResponse } from '../protocol';
import { type PackedFeatures, rowCount } from '../training-data/packed-features';
import { fitCalibration } from '../../src/core/predict/calibration';
import { evaluateRows, evaluateSide, predictPacked, probabilityRows } from './predict-packed';
import { fitStandardiser, standardiseInPlace } from './standardise-packed';
import type { EarlyStoppingSettings } from './training-settings';

/** Batch reports per second at most: enough for a live bar and curve. */
const BATCH_REPORTS_PER_SECOND = 10;

/** What a run needs from its worker: where to report, whether it was cancelled, how to keep checkpoints and the model. */
export interface TrainingHost {
  report(response: TrainingWorkerResponse): void;
  readonly signal: AbortSignal;
  /** Whether checkpoints are kept, so that a reload can resume the run. */
  readonly resumable: boolean;
  keepCheckpoint(checkpoint: TrainingCheckpoint): Promise<void>;
  saveModel(model: tf.Sequential, facts: TrainedModelFacts): Promise<SavedModel>;
}

/** What the model library keeps about a run besides the weights. */
export interface TrainedModelFacts {
  readonly request: TrainRequest;
  readonly backend: BackendReport;
  readonly standardiser: FeatureStandardiser;
  readonly result: Omit<TrainingResult, 'model'>;
}

/**
 * One training run in the worker: standardise the features with the training side's statistics,
 * train the thesis CNN with class weights and early stopping, evaluate every side, keep the model.
 */
export async function runTraining(
  request: TrainRequest,
  backend: BackendReport,
  host: TrainingHost,
  resumeFrom: TrainingCheckpoint | null = null,
): Promise<TrainingResult | 'cancelled'> {
  const { data, labels, settings } = request;
  // A resumed run's time counts the epochs before the interruption too.
  const earlierMs = resumeFrom?.history.reduce((sum, epoch) => sum + epoch.trainMs + epoch.validationMs, 0) ?? 0;
  const started = performance.now() - earlierMs;
  const standardiser = fitStandardiser(data.train);
  for (const side of [data.train, data.validation, data.test]) standardiseInPlace(side, standardiser);
  const hasValidation = rowCount(data.validation) > 0;
  const batchesPerEpoch = Math.ceil(rowCount(data.train) / settings.batchSize);
  host.report({
    type: 'training-started',
    id: request.id,
    backend,
    trainRows: rowCount(data.train),
    validationRows: rowCount(data.validation),
    batchesPerEpoch,
    resumable: host.resumable,
    resumedAfterEpoch: resumeFrom?.epoch ?? 0,
  });
  for (const metrics of resumeFrom?.history ?? []) host.report({ type: 'training-epoch', id: request.id, figures: epochFigures(metrics) });

  const model = createThesisCnn({ numClasses: labels.length, learningRate: settings.learningRate, seed: settings.seed, inputShape: [data.train.frames, data.train.bins] });
  try {
    const loop = await trainModel(model, { features: data.train.x, labels: data.train.labels }, {
      batchSize: settings.batchSize,
      epochs: settings.epochs,
      learningRate: settings.learningRate,
      seed: settings.seed,
      classWeights: settings.classWeights ? balancedClassWeights(data.train.labels, labels).weights : undefined,
      validation: hasValidation ? { features: data.validation.x, labels: data.validation.labels } : undefined,
      labelSmoothing: settings.labelSmoothing ?? 0,
      // A run journalled before averaging and masking existed resumes as it started, without them.
      weightAveraging: (settings.weightAveraging ?? 0) > 0 ? { decay: settings.weightAveraging } : undefined,
      masking: settings.masking ?? undefined,
      earlyStopping: hasValidation && settings.earlyStopping !== null ? earlyStoppingOptions(settings.earlyStopping) : undefined,
      signal: host.signal,
      onBatchEnd: throttledBatchReport(request.id, host),
      onEpochEnd: async (metrics, checkpoint) => {
        host.report({ type: 'training-epoch', id: request.id, figures: epochFigures(metrics) });
        await host.keepCheckpoint(checkpoint);
      },
      resumeFrom: resumeFrom ?? undefined,
    });
    if (loop.stopReason === 'cancelled') return 'cancelled';
    const result = await evaluateRun(model, request, loop, (performance.now() - started) / 1000);
    return { ...result, model: await host.saveModel(model, { request, backend, standardiser, result }) };
  } finally {
    model.dispose();
  }
}

async function evaluateRun(model: tf.Sequential, request: TrainRequest, loop: LoopResult, seconds: number): Promise<Omit<TrainingResult, 'model'>> {
  const { data, labels } = request;
  // Calibration is fitted on the validation speakers, the ones that chose the epoch: the test side chooses nothing.
  // The validation side is predicted once: its probabilities fit the calibration and are then scored with it.
  const validationRows = rowCount(data.validation) > 0 ? probabilityRows(await predictPacked(model, data.validation), labels.length) : null;
  const calibration = validationRows === null ? null : fitCalibration(validationRows, Array.from(data.validation.labels));
  const evaluate = async (side: PackedFeatures) => (rowCount(side) > 0 ? evaluateSide(model, side, labels, calibration ?? undefined) : null);
  const train = await evaluateSide(model, data.train, labels, calibration ?? undefined);
  const validation = validationRows === null ? null : evaluateRows(validationRows, data.validation.labels, labels, calibration ?? undefined);
  return {
    calibration,
    epochsRun: loop.history.length,
    bestEpoch: loop.weightsFromEpoch + 1,
    stoppedEarly: loop.stopReason === 'early-stopped',
    seconds,
    train,
    validation,
    test: await evaluate(data.test),
  };
}

function epochFigures(metrics: EpochMetrics): EpochFigures {
  return {
    epoch: metrics.epoch + 1,
    loss: metrics.loss,
    accuracy: metrics.accuracy,
    validationLoss: metrics.valLoss ?? null,
    validationAccuracy: metrics.valAccuracy ?? null,
    validationUar: metrics.valUar ?? null,
    seconds: (metrics.trainMs + metrics.validationMs) / 1000,
    samplesPerSecond: metrics.samplesPerSecond,
  };
}

function throttledBatchReport(id: number, host: TrainingHost): (metrics: { epoch: number; batch: number; batchesPerEpoch: number; loss: number; accuracy: number }) => void {
  let last = -Infinity;
  return ({ epoch, batch, batchesPerEpoch, loss, accuracy }) => {
    const now = performance.now();
    if (now - last < 1000 / BATCH_REPORTS_PER_SECOND && batch !== batchesPerEpoch - 1) return;
    last = now;
    host.report({ type: 'training-batch', id, epoch: epoch + 1, batch, loss, accuracy });
  };
}

/** A run journalled before UAR monitoring existed carries only a patience: it resumes as it started, on the loss. */
function earlyStoppingOptions(settings: Partial<EarlyStoppingSettings> & { readonly patience: number }): EarlyStoppingOptions {
  return { patience: settings.patience, monitor: settings.monitor ?? 'loss', minEpochs: settings.minEpochs ?? 0 };
}
