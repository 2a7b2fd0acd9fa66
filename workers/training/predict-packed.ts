import * as tf from '@tensorflow/tfjs';
import { type ClassificationReport, classificationReport, type ConfusionMatrix, confusionMatrix } from '../../src/core/metrics';
import { type PackedFeatures, rowCount } from '../training-data/packed-features';

/** Rows per forward pass: large enough to keep the backend busy, small enough to bound memory. */
const PREDICT_BATCH = 64;

/** The model's class probabilities for every row, rows x classes, computed in batches. */
export async function predictPacked(model: tf.LayersModel, packed: PackedFeatures): Promise<Float32Array> {
  const rows = rowCount(packed);
  const size = packed.frames * packed.bins;
  const chunks: Float32Array[] = [];
  for (let start = 0; start < rows; start += PREDICT_BATCH) {
    const count = Math.min(PREDICT_BATCH, rows - start);
    const probabilities = tf.tidy(() => {
      const x = tf.tensor3d(packed.x.subarray(start * size, (start + count) * size), [count, packed.frames, packed.bins]);
      return model.predict(x) as tf.Tensor;
    });
    chunks.push((await probabilities.data()) as Float32Array);
    probabilities.dispose();
  }
  const all = new Float32Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  chunks.reduce((offset, chunk) => (all.set(chunk, offset), offset + chunk.length), 0);
  return all;
}

/** The most probable class of each row. */
export function argmaxRows(probabilities: Float32Array, classes: number): Int32Array {
  const rows = probabilities.length / classes;
  const predicted = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[row * classes + c] > probabilities[row * classes + best]) best = c;
    predicted[row] = best;
  }
  return predicted;
}

export interface SideEvaluation {
  readonly matrix: ConfusionMatrix;
  readonly report: ClassificationReport;
}

/** Confusion matrix and per-class figures of the model on one side of the split. */
export async function evaluateSide(model: tf.LayersModel, packed: PackedFeatures, labels: readonly string[]): Promise<SideEvaluation> {
  const predicted = argmaxRows(await predictPacked(model, packed), labels.length);
  const matrix = confusionMatrix(packed.labels, predicted, labels);
  return { matrix, report: classificationReport(matrix) };
}
