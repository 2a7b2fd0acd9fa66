import * as tf from '@tensorflow/tfjs';
import type { TensorSnapshot } from './training-types';

/** Copies of all the model's weights (trainable and batch-norm statistics), in model order. */
export function snapshotModelWeights(model: tf.LayersModel): TensorSnapshot[] {
  return model.weights.map((weight) => snapshotTensor(weight.name, weight.read()));
}

export function restoreModelWeights(model: tf.LayersModel, snapshots: readonly TensorSnapshot[]): void {
  if (snapshots.length !== model.weights.length) throw new Error(`snapshot has ${snapshots.length} weights, the model ${model.weights.length}`);
  const tensors = snapshots.map(toTensor);
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/** The optimiser's state (Adam: iteration count and both moment estimates). */
export async function snapshotOptimizer(optimizer: tf.Optimizer): Promise<TensorSnapshot[]> {
  const named = await optimizer.getWeights();
  const snapshots = named.map(({ name, tensor }) => snapshotTensor(name, tensor));
  // getWeights returns the optimiser's own variables plus a fresh iteration-count tensor.
  tf.dispose(named.map(({ tensor }) => tensor).filter((tensor) => !(tensor instanceof tf.Variable)));
  return snapshots;
}

export async function restoreOptimizer(optimizer: tf.Optimizer, snapshots: readonly TensorSnapshot[]): Promise<void> {
  const named = snapshots.map((s) => ({ name: s.name, tensor: toTensor(s) }));
  await optimizer.setWeights(named);
  tf.dispose(named.map(({ tensor }) => tensor));
}

function snapshotTensor(name: string, tensor: tf.Tensor): TensorSnapshot {
  const dtype = tensor.dtype === 'int32' ? 'int32' : 'float32';
  const values = dtype === 'int32' ? Int32Array.from(tensor.dataSync()) : Float32Array.from(tensor.dataSync());
  return { name, shape: [...tensor.shape], dtype, values };
}

function toTensor(snapshot: TensorSnapshot): tf.Tensor {
  return tf.tensor(snapshot.values, snapshot.shape, snapshot.dtype);
}
