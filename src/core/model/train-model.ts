import * as tf from '@tensorflow/tfjs';
import { BatchBuilder, disposeBatch } from './batch-builder';
import { recordEpoch, shouldStop, type EarlyStoppingState } from './early-stopping';
import { EpochPlan } from './epoch-plan';
import { evaluate } from './evaluate';
import { dropoutLayerCount } from './forward-pass';
import { maskingProblems } from './spec-augment';
import { trainStep } from './training-step';
import type { EpochMetrics, LabelledFeatures, StopReason, TensorSnapshot, TrainingCheckpoint, TrainingResult, TrainOptions } from './training-types';
import { WeightAverage } from './weight-average';
import { restoreModelWeights, restoreOptimizer, snapshotModelWeights, snapshotOptimizer } from './weights-snapshot';
import { yieldToEventLoop } from './yield-to-event-loop';

/**
 * Trains a sequential classifier (the thesis CNN) on in-memory features with Adam: shuffled
 * batches, class weights, validation, early stopping with best-weight restore, cancellation and
 * a checkpoint after every epoch from which `resumeFrom` continues exactly.
 */
export async function trainModel(model: tf.Sequential, data: LabelledFeatures, options: TrainOptions): Promise<TrainingResult> {
  validateOptions(options);
  const inputShape = model.inputs[0].shape.slice(1) as number[];
  const numClasses = model.outputs[0].shape[1] as number;
  const train = new BatchBuilder(data, inputShape, numClasses, options.classWeights, options.labelSmoothing ?? 0);
  const validation = options.validation && new BatchBuilder(options.validation, inputShape, numClasses, undefined);
  const optimizer = tf.train.adam(options.learningRate);
  let average: WeightAverage | undefined;
  try {
    const run = await startOrResume(model, optimizer, options);
    average = options.weightAveraging && new WeightAverage(model, options.weightAveraging.decay, options.resumeFrom?.weightAverage);
    const modelToKeep = (): TensorSnapshot[] => average?.weights(model) ?? snapshotModelWeights(model);
    for (let epoch = run.epoch; epoch < options.epochs; epoch++) {
      const outcome = await trainEpoch(model, optimizer, train, epoch, options, average);
      if (outcome === 'cancelled') return finish(model, run, 'cancelled', options);
      const evaluation = (): ReturnType<typeof timedEvaluation> => timedEvaluation(model, validation, options.batchSize);
      const metrics = { ...outcome, ...(average ? average.withAveragedWeights(model, evaluation) : evaluation()) };
      run.history.push(metrics);
      if (options.earlyStopping && metrics.valLoss !== undefined) {
        const figures = { loss: metrics.valLoss, uar: metrics.valUar ?? Number.NaN };
        run.stopping = recordEpoch(run.stopping, epoch, figures, options.earlyStopping, modelToKeep);
      }
      run.epoch = epoch + 1;
      run.checkpoint = await makeCheckpoint(model, optimizer, run, options.seed, average);
      await options.onEpochEnd?.(metrics, run.checkpoint);
      if (options.earlyStopping && shouldStop(run.stopping, options.earlyStopping, run.epoch)) return finish(model, run, 'early-stopped', options, average);
      if (options.signal?.aborted) return finish(model, run, 'cancelled', options);
    }
    return finish(model, run, 'completed', options, average);
  } finally {
    optimizer.dispose();
    average?.dispose();
  }
}

/** What the loop carries from epoch to epoch. */
interface RunState {
  epoch: number;
  history: EpochMetrics[];
  stopping: EarlyStoppingState;
  checkpoint: TrainingCheckpoint | null;
}

async function startOrResume(model: tf.Sequential, optimizer: tf.Optimizer, options: TrainOptions): Promise<RunState> {
  const from = options.resumeFrom;
  if (from === undefined) return { epoch: 0, history: [], stopping: { best: null, epochsWithoutImprovement: 0 }, checkpoint: null };
  if (from.version !== 1) throw new Error(`unknown checkpoint version ${String(from.version)}`);
  if (from.seed !== options.seed) throw new Error(`the checkpoint was trained with seed ${from.seed}, not ${options.seed}`);
  restoreModelWeights(model, from.modelWeights);
  await restoreOptimizer(optimizer, from.optimizerWeights);
  return {
    epoch: from.epoch,
    history: [...from.history],
    stopping: { best: from.best, epochsWithoutImprovement: from.epochsWithoutImprovement },
    checkpoint: from,
  };
}

type EpochOutcome = Pick<EpochMetrics, 'epoch' | 'loss' | 'accuracy' | 'trainMs' | 'samplesPerSecond'>;

async function trainEpoch(
  model: tf.Sequential, optimizer: tf.Optimizer, train: BatchBuilder, epoch: number, options: TrainOptions, average: WeightAverage | undefined,
): Promise<EpochOutcome | 'cancelled'> {
  const plan = new EpochPlan(options.seed, epoch, train.sampleCount);
  const dropouts = dropoutLayerCount(model);
  const batchesPerEpoch = Math.ceil(train.sampleCount / options.batchSize);
  const start = performance.now();
  let lossSum = 0;
  let correct = 0;
  for (let b = 0; b < batchesPerEpoch; b++) {
    await yieldToEventLoop();
    if (options.signal?.aborted) return 'cancelled';
    const batchStart = performance.now();
    const indices = plan.order.slice(b * options.batchSize, (b + 1) * options.batchSize);
    const batch = train.build(indices, options.masking && { options: options.masking, random: plan.maskRandom });
    const step = trainStep(model, optimizer, batch, plan.dropoutSeeds(dropouts));
    average?.update(model);
    const size = batch.size;
    disposeBatch(batch);
    lossSum += step.loss * size;
    correct += step.correct;
    options.onBatchEnd?.({ epoch, batch: b, batchesPerEpoch, loss: step.loss, accuracy: step.correct / size, ms: performance.now() - batchStart });
  }
  const trainMs = performance.now() - start;
  const count = train.sampleCount;
  return { epoch, loss: lossSum / count, accuracy: correct / count, trainMs, samplesPerSecond: (count / trainMs) * 1000 };
}

function timedEvaluation(model: tf.Sequential, validation: BatchBuilder | undefined, batchSize: number): Pick<EpochMetrics, 'valLoss' | 'valAccuracy' | 'valUar' | 'validationMs'> {
  if (validation === undefined) return { validationMs: 0 };
  const start = performance.now();
  const { loss, accuracy, uar } = evaluate(model, validation, batchSize);
  return { valLoss: loss, valAccuracy: accuracy, valUar: uar, validationMs: performance.now() - start };
}

async function makeCheckpoint(model: tf.Sequential, optimizer: tf.Optimizer, run: RunState, seed: number, average: WeightAverage | undefined): Promise<TrainingCheckpoint> {
  return {
    ...(average && { weightAverage: average.snapshot(model) }),
    version: 1,
    epoch: run.epoch,
    seed,
    modelWeights: snapshotModelWeights(model),
    optimizerWeights: await snapshotOptimizer(optimizer),
    best: run.stopping.best,
    epochsWithoutImprovement: run.stopping.epochsWithoutImprovement,
    history: [...run.history],
  };
}

/**
 * Ends the run: with early stopping, the best epoch's weights go back into the model; with weight
 * averaging, the model keeps the average (of the best epoch, or of the last).
 */
function finish(model: tf.Sequential, run: RunState, stopReason: StopReason, options: TrainOptions, average?: WeightAverage): TrainingResult {
  const lastEpoch = run.epoch - 1;
  const best = run.stopping.best;
  const restore = stopReason !== 'cancelled' && options.earlyStopping && (options.earlyStopping.restoreBestWeights ?? true);
  if (restore && best !== null && (best.epoch !== lastEpoch || average !== undefined)) {
    restoreModelWeights(model, best.weights);
    return { stopReason, history: run.history, weightsFromEpoch: best.epoch, checkpoint: run.checkpoint };
  }
  if (stopReason !== 'cancelled') average?.copyInto(model);
  return { stopReason, history: run.history, weightsFromEpoch: lastEpoch, checkpoint: run.checkpoint };
}

function validateOptions(options: TrainOptions): void {
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) throw new Error(`batch size must be a positive integer, got ${options.batchSize}`);
  if (!Number.isInteger(options.epochs) || options.epochs < 0) throw new Error(`epochs must be a whole number, got ${options.epochs}`);
  if (!(options.learningRate > 0)) throw new Error(`learning rate must be positive, got ${options.learningRate}`);
  if (options.earlyStopping && options.validation === undefined) throw new Error('early stopping monitors the validation set: pass validation data');
  if (options.masking && maskingProblems(options.masking).length > 0) throw new Error(maskingProblems(options.masking).join(' '));
  const decay = options.weightAveraging?.decay;
  if (decay !== undefined && !(decay > 0 && decay < 1)) throw new Error(`weight averaging decay must be between 0 and 1, got ${decay}`);
}
