import * as tf from '@tensorflow/tfjs';
import { BatchBuilder, disposeBatch } from './batch-builder';
import { correctCount, crossEntropyPerSample, regularisationLoss } from './losses';

export interface Evaluation {
  /** Mean cross-entropy plus regularisation, as Keras reports val_loss (no class weights). */
  loss: number;
  accuracy: number;
}

/** Inference-mode loss and accuracy over all samples of `data`, a batch at a time. */
export function evaluate(model: tf.LayersModel, data: BatchBuilder, batchSize: number): Evaluation {
  const count = data.sampleCount;
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < count; start += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, count - start) }, (_, i) => start + i);
    const batch = data.build(indices);
    const [batchLoss, batchCorrect] = tf.tidy(() => {
      const probabilities = model.apply(batch.x, { training: false }) as tf.Tensor;
      return [tf.sum(crossEntropyPerSample(batch.oneHot, probabilities)).dataSync()[0], correctCount(probabilities, batch.labels).dataSync()[0]];
    });
    disposeBatch(batch);
    lossSum += batchLoss;
    correct += batchCorrect;
  }
  const penalty = tf.tidy(() => regularisationLoss(model).dataSync()[0]);
  return { loss: count === 0 ? NaN : lossSum / count + penalty, accuracy: count === 0 ? NaN : correct / count };
}
