import * as tf from '@tensorflow/tfjs';
import type { TensorSnapshot, WeightAverageSnapshot } from './training-types';
import { restoreModelWeights, snapshotModelWeights } from './weights-snapshot';

/**
 * An exponential moving average of all of a model's weights, batch-norm statistics included,
 * updated after every optimiser step (Polyak averaging, as timm's ModelEma). On small speech
 * corpora the weights of successive epochs disagree by several points of held-out recall; their
 * average is steadier and better than any single epoch picked on a small validation set.
 *
 * The decay warms up as min(decay, (1 + step) / (10 + step)), so the average forgets the random
 * initial weights within the first steps whatever the dataset's size.
 */
export class WeightAverage {
  private readonly averages: tf.Variable[];
  private steps: number;

  constructor(model: tf.LayersModel, private readonly decay: number, from?: WeightAverageSnapshot) {
    if (!(decay > 0 && decay < 1)) throw new Error(`weight averaging decay must be between 0 and 1, got ${decay}`);
    const source = from?.weights ?? snapshotModelWeights(model);
    if (source.length !== model.weights.length) throw new Error(`averaged weights hold ${source.length} tensors, the model ${model.weights.length}`);
    if (model.weights.some((weight) => weight.dtype !== 'float32')) throw new Error('weight averaging needs a model of float32 weights');
    this.averages = source.map((s) => tf.tidy(() => tf.variable(tf.tensor(s.values, s.shape, 'float32'), false)));
    this.steps = from?.steps ?? 0;
  }

  /** Folds the model's current weights into the average; call after each optimiser step. */
  update(model: tf.LayersModel): void {
    const decay = Math.min(this.decay, (1 + this.steps) / (10 + this.steps));
    tf.tidy(() => {
      model.weights.forEach((weight, i) => {
        this.averages[i].assign(tf.add(tf.mul(this.averages[i], decay), tf.mul(weight.read(), 1 - decay)));
      });
    });
    this.steps++;
  }

  /** Runs `use` with the averaged weights in the model, then puts the trained weights back. */
  withAveragedWeights<T>(model: tf.LayersModel, use: () => T): T {
    const trained = snapshotModelWeights(model);
    this.copyInto(model);
    try {
      return use();
    } finally {
      restoreModelWeights(model, trained);
    }
  }

  /** Leaves the averaged weights in the model (the end of training). */
  copyInto(model: tf.LayersModel): void {
    model.weights.forEach((weight, i) => weight.write(this.averages[i]));
  }

  /** The averaged weights as a model snapshot (named as the model's weights). */
  weights(model: tf.LayersModel): TensorSnapshot[] {
    return model.weights.map((weight, i) => ({
      name: weight.name, shape: [...this.averages[i].shape], dtype: 'float32', values: Float32Array.from(this.averages[i].dataSync()),
    }));
  }

  snapshot(model: tf.LayersModel): WeightAverageSnapshot {
    return { steps: this.steps, weights: this.weights(model) };
  }

  dispose(): void {
    tf.dispose(this.averages);
  }
}
