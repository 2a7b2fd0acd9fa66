import * as tf from '@tensorflow/tfjs';

/** Per-sample categorical cross-entropy, as tfjs-layers computes it (clipped probabilities). */
export function crossEntropyPerSample(oneHot: tf.Tensor2D, probabilities: tf.Tensor): tf.Tensor1D {
  return tf.metrics.categoricalCrossentropy(oneHot, probabilities) as tf.Tensor1D;
}

/** The model's regularisation penalties (the dense layer's L2), summed; 0 if it has none. */
export function regularisationLoss(model: tf.LayersModel): tf.Scalar {
  const penalties = model.calculateLosses();
  return penalties.length === 0 ? tf.scalar(0) : (tf.addN(penalties) as tf.Scalar);
}

/** Number of rows whose highest probability is at the label. */
export function correctCount(probabilities: tf.Tensor, labels: tf.Tensor1D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(probabilities, 1), labels), 'float32'));
}
