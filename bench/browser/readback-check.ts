import * as tf from '@tensorflow/tfjs';

const INPUT = [1, 2, 3];
const EXPECTED = [1, 4, 9];

/**
 * Squares [1, 2, 3] on the current backend and reads the result back both ways: trainModel reads
 * each batch's loss with dataSync, which the WebGPU backend implements through canvases. Returns
 * null when both reads give [1, 4, 9], else what they gave.
 */
export async function checkReadback(): Promise<string | null> {
  const x = tf.tensor1d(INPUT);
  const forAsync = tf.square(x);
  const forSync = tf.square(x);
  try {
    const asyncValues = Array.from(await forAsync.data());
    const syncValues = Array.from(forSync.dataSync());
    if (matches(asyncValues) && matches(syncValues)) return null;
    return `square([1, 2, 3]) read back as [${syncValues.join(', ')}] by dataSync and [${asyncValues.join(', ')}] by data()`;
  } finally {
    tf.dispose([x, forAsync, forSync]);
  }
}

function matches(values: number[]): boolean {
  return values.length === EXPECTED.length && values.every((v, i) => Math.abs(v - EXPECTED[i]) < 1e-6);
}
