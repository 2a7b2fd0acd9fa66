import * as tf from '@tensorflow/tfjs';
import { BatchBuilder, disposeBatch } from './batch-builder';
import { correctCount, crossEntropyPerSample, regularisationLoss } from './losses';

export interface Evaluation {
  /** Mean cross-entropy plus regularisation, as Keras reports val_loss (no class weights). */
  loss: number;
  accuracy: number;
  /** Unweighted average recall: the mean over classes present of the share of their samples predicted right. */
  uar: number;
}

/** Inference-mode loss, accuracy and unweighted average recall over all samples of `data`, a batch at a time. */
export function evaluate(model: tf.LayersModel, data: BatchBuilder, batchSize: number): Evaluation {
  const count = data.sampleCount;
  const classes = model.outputs[0].shape[1] as number;
  const support = new Float64Array(classes);
  const hits = new Float64Array(classes);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < count; start += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, count - start) }, (_, i) => start + i);
    const batch = data.build(indices);
    const [batchLoss, batchCorrect, predicted, labels] = tf.tidy(() => {
      const probabilities = model.apply(batch.x, { training: false }) as tf.Tensor;
      return [
        tf.sum(crossEntropyPerSample(batch.oneHot, probabilities)).dataSync()[0],
        correctCount(probabilities, batch.labels).dataSync()[0],
        tf.argMax(probabilities, 1).dataSync(),
        batch.labels.dataSync(),
      ] as const;
    });
    disposeBatch(batch);
    lossSum += batchLoss;
    correct += batchCorrect;
    labels.forEach((label, row) => {
      support[label]++;
      if (predicted[row] === label) hits[label]++;
    });
  }
  const penalty = tf.tidy(() => regularisationLoss(model).dataSync()[0]);
  const present = [...support.keys()].filter((c) => support[c] > 0);
  const uar = present.length === 0 ? NaN : present.reduce((sum, c) => sum + hits[c] / support[c], 0) / present.length;
  return { loss: count === 0 ? NaN : lossSum / count + penalty, accuracy: count === 0 ? NaN : correct / count, uar };
}
