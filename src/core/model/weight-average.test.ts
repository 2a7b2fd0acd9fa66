import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeWasmBackend } from './test-support/node-wasm-backend';
import { WeightAverage } from './weight-average';

beforeAll(async () => {
  await useNodeWasmBackend();
});

/** A model with a trainable kernel and bias and batch-norm statistics (non-trainable weights). */
function smallModel(): tf.Sequential {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, kernelInitializer: 'ones' }), tf.layers.batchNormalization()] });
  return model;
}

function setAll(model: tf.LayersModel, value: number): void {
  const tensors = model.weights.map((w) => tf.fill(w.shape as number[], value));
  model.setWeights(tensors);
  tf.dispose(tensors);
}

function firstValues(model: tf.LayersModel): number[] {
  return model.getWeights().map((w) => w.dataSync()[0]);
}

describe('WeightAverage', () => {
  it('folds each step in with the warmed-up decay min(d, (1 + t) / (10 + t)), batch-norm statistics included', () => {
    const model = smallModel();
    setAll(model, 0);
    const average = new WeightAverage(model, 0.5);
    let expected = 0;
    [4, 8, 2].forEach((value, step) => {
      setAll(model, value);
      average.update(model);
      const decay = Math.min(0.5, (1 + step) / (10 + step));
      expected = decay * expected + (1 - decay) * value;
    });
    average.weights(model).forEach((snapshot) => snapshot.values.forEach((v) => expect(v).toBeCloseTo(expected, 5)));
    expect(model.weights).toHaveLength(6);
    average.dispose();
    model.dispose();
  });

  it('evaluates with the average and puts the trained weights back; copyInto keeps the average', () => {
    const model = smallModel();
    setAll(model, 1);
    const average = new WeightAverage(model, 0.9);
    setAll(model, 3);
    const seen = average.withAveragedWeights(model, () => firstValues(model));
    expect(seen).toEqual(model.weights.map(() => 1));
    expect(firstValues(model)).toEqual(model.weights.map(() => 3));
    average.copyInto(model);
    expect(firstValues(model)).toEqual(model.weights.map(() => 1));
    average.dispose();
    model.dispose();
  });

  it('resumes from its snapshot exactly and leaks no tensors', () => {
    const model = smallModel();
    const before = tf.memory().numTensors;
    const straight = new WeightAverage(model, 0.9);
    const first = new WeightAverage(model, 0.9);
    [2, 5].forEach((v) => {
      setAll(model, v);
      straight.update(model);
      first.update(model);
    });
    const resumed = new WeightAverage(model, 0.9, structuredClone(first.snapshot(model)));
    setAll(model, 7);
    straight.update(model);
    resumed.update(model);
    expect(resumed.weights(model).map((s) => Array.from(s.values))).toEqual(straight.weights(model).map((s) => Array.from(s.values)));
    [straight, first, resumed].forEach((a) => a.dispose());
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('refuses a decay outside (0, 1)', () => {
    const model = smallModel();
    expect(() => new WeightAverage(model, 1)).toThrow(/between 0 and 1/);
    model.dispose();
  });
});
