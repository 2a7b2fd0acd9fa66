import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random';
import { BatchBuilder } from './batch-builder';
import { evaluate } from './evaluate';
import { useNodeWasmBackend } from './test-support/node-wasm-backend';
import { createThesisCnn } from './thesis-cnn';
import { trainModel } from './train-model';
import type { LabelledFeatures, TrainingCheckpoint, TrainOptions } from './training-types';

// A small input keeps these tests quick; the model and loop are the real ones.
const INPUT: [number, number] = [16, 6];
const CLASSES = 3;

/** Samples whose class shows as a raised band of coefficients, plus noise. */
function syntheticData(count: number, seed: number, classOf: (i: number) => number = (i) => i % CLASSES): LabelledFeatures {
  const random = new SeededRandom(seed);
  const size = INPUT[0] * INPUT[1];
  const features = new Float32Array(count * size);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = classOf(i);
    for (let j = 0; j < size; j++) features[i * size + j] = random.gaussian() + (j % INPUT[1] === (i % CLASSES) * 2 ? 1.5 : 0);
  }
  return { features, labels };
}

function newModel(seed: number): tf.Sequential {
  return createThesisCnn({ numClasses: CLASSES, seed, inputShape: INPUT });
}

function weightsOf(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => Float32Array.from(w.dataSync()));
}

function maxDifference(a: Float32Array[], b: Float32Array[]): number {
  let worst = 0;
  a.forEach((values, i) => values.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - b[i][j])))));
  return worst;
}

const base: TrainOptions = { batchSize: 8, epochs: 2, learningRate: 0.002, seed: 11 };
const data = syntheticData(40, 1);
const validation = syntheticData(12, 2);

beforeAll(async () => {
  await useNodeWasmBackend();
});

describe('trainModel on the wasm backend', () => {
  it('learns: the training loss falls', async () => {
    const model = newModel(1);
    const result = await trainModel(model, data, { ...base, epochs: 6, learningRate: 0.005 });
    expect(result.stopReason).toBe('completed');
    expect(result.history).toHaveLength(6);
    expect(result.history[5].loss).toBeLessThan(result.history[0].loss);
    model.dispose();
  });

  it('2 epochs equal 1 epoch + resume for 1 from the (structured-cloned) checkpoint', async () => {
    const straight = newModel(3);
    const straightResult = await trainModel(straight, data, { ...base, validation, classWeights: [1, 2, 0.5] });

    const first = newModel(3);
    const firstResult = await trainModel(first, data, { ...base, epochs: 1, validation, classWeights: [1, 2, 0.5] });
    const checkpoint = structuredClone(firstResult.checkpoint) as TrainingCheckpoint;
    expect(checkpoint.epoch).toBe(1);

    const resumed = newModel(99); // different initial weights: everything must come from the checkpoint
    const resumedResult = await trainModel(resumed, data, { ...base, validation, classWeights: [1, 2, 0.5], resumeFrom: checkpoint });

    // Float noise only: Adam's restored bias correction is β^t by pow, not t products (~4e-7 here).
    expect(maxDifference(weightsOf(resumed), weightsOf(straight))).toBeLessThan(1e-5);
    resumedResult.history.forEach((epoch, i) => {
      expect(epoch.loss).toBeCloseTo(straightResult.history[i].loss, 5);
      expect(epoch.valLoss).toBeCloseTo(straightResult.history[i].valLoss as number, 5);
      expect(epoch.accuracy).toBe(straightResult.history[i].accuracy);
    });
    [straight, first, resumed].forEach((m) => m.dispose());
  });

  it('stops early on the validation loss and restores the best epoch\'s weights', async () => {
    // Validation labels are a permutation of the training classes: learning makes them worse.
    const misleading = syntheticData(12, 2, (i) => (i + 1) % CLASSES);
    const model = newModel(5);
    const patience = 2;
    const result = await trainModel(model, data, { ...base, epochs: 30, learningRate: 0.01, validation: misleading, earlyStopping: { patience } });
    expect(result.stopReason).toBe('early-stopped');
    const valLosses = result.history.map((h) => h.valLoss as number);
    const bestEpoch = valLosses.indexOf(Math.min(...valLosses));
    expect(result.history).toHaveLength(bestEpoch + 1 + patience);
    expect(result.weightsFromEpoch).toBe(bestEpoch);
    const restored = evaluate(model, new BatchBuilder(misleading, INPUT, CLASSES, undefined), base.batchSize);
    expect(restored.loss).toBeCloseTo(valLosses[bestEpoch], 5);
    model.dispose();
  });

  it('stops on the validation UAR, not before minEpochs, and keeps the epoch with the best UAR', async () => {
    const misleading = syntheticData(12, 2, (i) => (i + 1) % CLASSES);
    const model = newModel(5);
    const result = await trainModel(model, data, {
      ...base, epochs: 30, learningRate: 0.01, validation: misleading, earlyStopping: { patience: 2, monitor: 'uar', minEpochs: 7 },
    });
    expect(result.stopReason).toBe('early-stopped');
    const uars = result.history.map((h) => h.valUar as number);
    uars.forEach((uar) => expect(uar).toBeGreaterThanOrEqual(0));
    const bestEpoch = uars.indexOf(Math.max(...uars));
    expect(result.history.length).toBe(Math.max(7, bestEpoch + 1 + 2));
    expect(result.weightsFromEpoch).toBe(bestEpoch);
    expect(evaluate(model, new BatchBuilder(misleading, INPUT, CLASSES, undefined), base.batchSize).uar).toBeCloseTo(uars[bestEpoch], 6);
    model.dispose();
  });

  it('smooths the training targets only: the same run with ε = 0.1 differs, its validation loss uses plain targets', async () => {
    const plain = await trainModel(newModel(12), data, { ...base, validation });
    const smoothed = await trainModel(newModel(12), data, { ...base, validation, labelSmoothing: 0.1 });
    expect(smoothed.history[0].loss).not.toBeCloseTo(plain.history[0].loss, 4);
    const builder = new BatchBuilder(validation, INPUT, CLASSES, undefined, 0.1);
    const batch = builder.build([0, 1]);
    expect(Array.from(batch.oneHot.dataSync()).map((v) => +v.toFixed(6))).toEqual(
      [0, 1].flatMap((row) => Array.from({ length: CLASSES }, (_, c) => +((c === validation.labels[row] ? 0.9 : 0) + 0.1 / CLASSES).toFixed(6))),
    );
    tf.dispose([batch.x, batch.oneHot, batch.labels, batch.sampleWeights]);
  });

  it('averages the weights: validates and keeps the average, and resumes it exactly from the checkpoint', async () => {
    const averaging = { ...base, epochs: 3, validation, weightAveraging: { decay: 0.9 } };
    const plain = newModel(4);
    const plainResult = await trainModel(plain, data, { ...averaging, weightAveraging: undefined });
    const averaged = newModel(4);
    const result = await trainModel(averaged, data, averaging);
    // The training steps are the same; validation and the final weights are the average's.
    result.history.forEach((epoch, i) => expect(epoch.loss).toBeCloseTo(plainResult.history[i].loss, 5));
    expect(result.history[2].valLoss).not.toBeCloseTo(plainResult.history[2].valLoss as number, 4);
    const kept = evaluate(averaged, new BatchBuilder(validation, INPUT, CLASSES, undefined), base.batchSize);
    expect(kept.loss).toBeCloseTo(result.history[2].valLoss as number, 5);
    expect(result.checkpoint?.weightAverage?.steps).toBe(3 * Math.ceil(data.labels.length / base.batchSize));

    const first = newModel(4);
    const firstResult = await trainModel(first, data, { ...averaging, epochs: 2 });
    const resumed = newModel(98);
    await trainModel(resumed, data, { ...averaging, resumeFrom: structuredClone(firstResult.checkpoint) as TrainingCheckpoint });
    expect(maxDifference(weightsOf(resumed), weightsOf(averaged))).toBeLessThan(1e-5);
    [plain, averaged, first, resumed].forEach((m) => m.dispose());
  });

  it('masks training batches (SpecAugment) reproducibly: the loss differs from unmasked, and a resumed run equals a straight one', async () => {
    const masking = { coefficientMasks: 1, maxCoefficients: 2, frameMasks: 1, maxFrames: 4 };
    const unmasked = newModel(13);
    const plain = await trainModel(unmasked, data, { ...base, validation });
    const straight = newModel(13);
    const masked = await trainModel(straight, data, { ...base, validation, masking });
    expect(masked.history[0].loss).not.toBeCloseTo(plain.history[0].loss, 4);
    const firstModel = newModel(13);
    const first = await trainModel(firstModel, data, { ...base, epochs: 1, validation, masking });
    const resumed = newModel(97);
    await trainModel(resumed, data, { ...base, validation, masking, resumeFrom: structuredClone(first.checkpoint) as TrainingCheckpoint });
    expect(maxDifference(weightsOf(resumed), weightsOf(straight))).toBeLessThan(1e-5);
    [unmasked, straight, firstModel, resumed].forEach((m) => m.dispose());
  });

  it('with averaging and early stopping, keeps the average of the best epoch', async () => {
    const misleading = syntheticData(12, 2, (i) => (i + 1) % CLASSES);
    const model = newModel(5);
    const result = await trainModel(model, data, {
      ...base, epochs: 30, learningRate: 0.01, validation: misleading, weightAveraging: { decay: 0.8 }, earlyStopping: { patience: 2, monitor: 'uar' },
    });
    const uars = result.history.map((h) => h.valUar as number);
    expect(result.weightsFromEpoch).toBe(uars.indexOf(Math.max(...uars)));
    expect(evaluate(model, new BatchBuilder(misleading, INPUT, CLASSES, undefined), base.batchSize).uar).toBeCloseTo(Math.max(...uars), 6);
    model.dispose();
  });

  it('cancels between batches and hands back the last epoch-end checkpoint', async () => {
    const model = newModel(6);
    const controller = new AbortController();
    const result = await trainModel(model, data, {
      ...base,
      epochs: 5,
      signal: controller.signal,
      onBatchEnd: ({ epoch, batch }) => epoch === 1 && batch === 1 && controller.abort(),
    });
    expect(result.stopReason).toBe('cancelled');
    expect(result.history).toHaveLength(1);
    expect(result.checkpoint?.epoch).toBe(1);

    controller.abort();
    const none = await trainModel(model, data, { ...base, signal: controller.signal });
    expect(none).toMatchObject({ stopReason: 'cancelled', history: [], checkpoint: null });
    model.dispose();
  });

  it('leaks no tensors across steps and epochs (engine and wasm backend)', async () => {
    const model = newModel(7);
    const before = { tensors: tf.memory().numTensors, data: tf.backend().numDataIds() };
    const perEpoch: number[][] = [];
    await trainModel(model, data, {
      ...base,
      epochs: 4,
      validation,
      earlyStopping: { patience: 10 },
      weightAveraging: { decay: 0.99 },
      onEpochEnd: () => void perEpoch.push([tf.memory().numTensors, tf.backend().numDataIds()]),
    });
    expect(new Set(perEpoch.map(([tensors]) => tensors)).size).toBe(1);
    expect(new Set(perEpoch.map(([, ids]) => ids)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before.tensors);
    expect(tf.backend().numDataIds()).toBe(before.data);
    model.dispose();
  });

  it('rejects bad input with a message', async () => {
    const model = newModel(8);
    await expect(trainModel(model, { features: new Float32Array(5), labels: [0] }, base)).rejects.toThrow(/expected 1 samples/);
    await expect(trainModel(model, { features: new Float32Array(INPUT[0] * INPUT[1]), labels: [3] }, base)).rejects.toThrow(/class index/);
    await expect(trainModel(model, data, { ...base, earlyStopping: { patience: 1 } })).rejects.toThrow(/validation/);
    await expect(trainModel(model, data, { ...base, weightAveraging: { decay: 1.5 } })).rejects.toThrow(/decay/);
    await expect(trainModel(model, data, { ...base, masking: { coefficientMasks: -1, maxCoefficients: 2, frameMasks: 1, maxFrames: 4 } })).rejects.toThrow(/Mask counts/);
    model.dispose();
  });
});
