import * as tf from '@tensorflow/tfjs';
import { type ClassificationReport, classificationReport, type ConfusionMatrix, confusionMatrix } from '../../src/core/metrics';
import { type CalibrationReport, calibrationReport, scoredConfidences } from '../../src/core/metrics/calibration-error';
import { type Calibration, UNCALIBRATED } from '../../src/core/predict/calibration';
import { argmax } from '../../src/core/predict/clip-prediction';
import { applyTemperature } from '../../src/core/predict/temperature';
import { selectiveAccuracy } from '../../src/core/predict/unsure-threshold';
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
  /** Reliability of the calibrated probabilities (absent in runs saved before calibration existed). */
  readonly calibration?: CalibrationReport;
  /** Share of clips answered (not "unsure") and the accuracy of those answers. */
  readonly answered?: { readonly share: number; readonly accuracy: number };
}

/** The model's probabilities of one side as rows, one per clip. */
export function probabilityRows(probabilities: Float32Array, classes: number): number[][] {
  return Array.from({ length: probabilities.length / classes }, (_, row) => Array.from(probabilities.subarray(row * classes, (row + 1) * classes)));
}

/** Confusion matrix, per-class figures, reliability and answered share of a side's probability rows. */
export function evaluateRows(rows: readonly (readonly number[])[], truth: ArrayLike<number>, labels: readonly string[], calibration: Pick<Calibration, 'temperature' | 'unsureBelow'> = UNCALIBRATED): SideEvaluation {
  const calibrated = rows.map((row) => applyTemperature(row, calibration.temperature));
  const scored = scoredConfidences(calibrated, Array.from(truth));
  const predicted = Int32Array.from(calibrated, argmax);
  const matrix = confusionMatrix(Int32Array.from(truth), predicted, labels);
  const { answered, accuracy } = selectiveAccuracy(scored, calibration.unsureBelow);
  return { matrix, report: classificationReport(matrix), calibration: calibrationReport(scored), answered: { share: answered, accuracy } };
}

/** The model's figures on one side of the split. */
export async function evaluateSide(model: tf.LayersModel, packed: PackedFeatures, labels: readonly string[], calibration?: Pick<Calibration, 'temperature' | 'unsureBelow'>): Promise<SideEvaluation> {
  return evaluateRows(probabilityRows(await predictPacked(model, packed), labels.length), packed.labels, labels, calibration);
}
