import * as tf from '@tensorflow/tfjs';
import type { SeededRandom } from '../random/seeded-random';
import { maskSample, type MaskingOptions } from './spec-augment';
import type { LabelledFeatures } from './training-types';

/** One batch as tensors; dispose with `disposeBatch`. */
export interface Batch {
  x: tf.Tensor;
  oneHot: tf.Tensor2D;
  labels: tf.Tensor1D;
  sampleWeights: tf.Tensor1D;
  size: number;
}

/** Copies chosen samples out of the in-memory features into batch tensors. */
export class BatchBuilder {
  private readonly sampleSize: number;

  constructor(
    private readonly data: LabelledFeatures,
    private readonly inputShape: readonly number[],
    private readonly numClasses: number,
    private readonly classWeights: readonly number[] | undefined,
    /** Label smoothing ε: targets become (1 - ε) on the label and ε / classes everywhere (0: plain one-hot). */
    private readonly labelSmoothing = 0,
  ) {
    if (!(labelSmoothing >= 0 && labelSmoothing < 1)) throw new Error(`label smoothing must be in [0, 1), got ${labelSmoothing}`);
    this.sampleSize = inputShape.reduce((a, b) => a * b, 1);
    const count = data.labels.length;
    if (data.features.length !== count * this.sampleSize) {
      throw new Error(`features hold ${data.features.length} values, expected ${count} samples × ${this.sampleSize}`);
    }
    for (let i = 0; i < count; i++) {
      const label = data.labels[i];
      if (!Number.isInteger(label) || label < 0 || label >= numClasses) throw new Error(`label ${label} of sample ${i} is not a class index below ${numClasses}`);
    }
  }

  get sampleCount(): number {
    return this.data.labels.length;
  }

  /** The samples at `indices`; with `masking`, each copy is masked (the stored features never are). */
  build(indices: readonly number[], masking?: { options: MaskingOptions; random: SeededRandom }): Batch {
    const size = indices.length;
    const x = new Float32Array(size * this.sampleSize);
    const oneHot = new Float32Array(size * this.numClasses).fill(this.labelSmoothing / this.numClasses);
    const labels = new Int32Array(size);
    const weights = new Float32Array(size);
    indices.forEach((sample, row) => {
      const label = this.data.labels[sample];
      x.set(this.data.features.subarray(sample * this.sampleSize, (sample + 1) * this.sampleSize), row * this.sampleSize);
      if (masking) maskSample(x.subarray(row * this.sampleSize, (row + 1) * this.sampleSize), this.inputShape[0], this.inputShape[1], masking.options, masking.random);
      oneHot[row * this.numClasses + label] += 1 - this.labelSmoothing;
      labels[row] = label;
      weights[row] = this.classWeights?.[label] ?? 1;
    });
    return {
      x: tf.tensor(x, [size, ...this.inputShape]),
      oneHot: tf.tensor2d(oneHot, [size, this.numClasses]),
      labels: tf.tensor1d(labels, 'int32'),
      sampleWeights: tf.tensor1d(weights),
      size,
    };
  }
}

export function disposeBatch(batch: Batch): void {
  tf.dispose([batch.x, batch.oneHot, batch.labels, batch.sampleWeights]);
}
