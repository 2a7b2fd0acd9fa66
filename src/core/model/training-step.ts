import * as tf from '@tensorflow/tfjs';
import type { Batch } from './batch-builder';
import { forwardTraining } from './forward-pass';
import { correctCount, crossEntropyPerSample, regularisationLoss } from './losses';
import { applyAdamFused } from './wasm-kernels/fused-adam';

export interface StepResult {
  loss: number;
  correct: number;
}

/**
 * One optimiser step on a batch: loss = mean(class weight · cross-entropy) + regularisation
 * (Keras's class_weight semantics). Returns the loss and how many samples were right.
 */
export function trainStep(model: tf.Sequential, optimizer: tf.Optimizer, batch: Batch, dropoutSeeds: readonly number[]): StepResult {
  let correct: tf.Scalar | null = null;
  const variables = trainableVariables(model);
  // optimizer.minimize, with Adam's update fused into one kernel per variable on wasm.
  const { value: loss, grads } = optimizer.computeGradients(() => {
    const probabilities = forwardTraining(model, batch.x, dropoutSeeds);
    correct = tf.keep(correctCount(probabilities, batch.labels));
    const dataLoss = tf.mean(tf.mul(crossEntropyPerSample(batch.oneHot, probabilities), batch.sampleWeights));
    return tf.add(dataLoss, regularisationLoss(model)) as tf.Scalar;
  }, variables);
  if (!applyAdamFused(optimizer, variables, grads)) optimizer.applyGradients(variables.map((v) => ({ name: v.name, tensor: grads[v.name] })));
  tf.dispose(grads);
  if (loss === null || correct === null) throw new Error('optimizer.computeGradients returned no loss');
  const result = { loss: loss.dataSync()[0], correct: (correct as tf.Scalar).dataSync()[0] };
  tf.dispose([loss, correct]);
  return result;
}

function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((weight) => weight.read() as tf.Variable);
}
