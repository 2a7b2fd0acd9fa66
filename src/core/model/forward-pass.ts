import * as tf from '@tensorflow/tfjs';

/** The model's dropout layers, in order (their masks are drawn by the training loop). */
export function dropoutLayerCount(model: tf.Sequential): number {
  return model.layers.filter(isDropout).length;
}

/**
 * The training-mode forward pass of a sequential model, layer by layer: batch norm uses (and
 * updates) batch statistics, and each Dropout layer draws its mask from the given seed. tfjs's
 * own Dropout takes its mask from Math.random (or one fixed seed, the same mask every step), so
 * a run could not be repeated or resumed exactly.
 */
export function forwardTraining(model: tf.Sequential, x: tf.Tensor, dropoutSeeds: readonly number[]): tf.Tensor {
  let output = x;
  let dropoutIndex = 0;
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    if (isDropout(layer)) {
      const { rate } = layer.getConfig() as { rate: number };
      output = tf.dropout(output, rate, undefined, dropoutSeeds[dropoutIndex++]);
    } else {
      output = layer.apply(output, { training: true }) as tf.Tensor;
    }
  }
  return output;
}

function isDropout(layer: tf.layers.Layer): boolean {
  return layer.getClassName() === 'Dropout';
}
