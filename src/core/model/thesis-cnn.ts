import * as tf from '@tensorflow/tfjs';

/** The thesis's input: 182 frames of 40 MFCCs, time-major. */
export const THESIS_INPUT_SHAPE: readonly [number, number] = [182, 40];

export interface ThesisCnnOptions {
  numClasses: number;
  learningRate?: number;
  /** Seeds every kernel initialiser, so the same seed gives the same initial weights. */
  seed?: number;
  inputShape?: readonly [number, number];
}

const DEFAULT_LEARNING_RATE = 0.001;
const DROPOUT_RATE = 0.3;
const DENSE_L2 = 0.01;

/**
 * The thesis's 1-D CNN: three Conv1D-BatchNorm-MaxPool blocks, a small dense head with L2 and
 * dropout, softmax over the classes; Adam with categorical cross-entropy.
 */
export function createThesisCnn(options: ThesisCnnOptions): tf.Sequential {
  const seeds = kernelSeeds(options.seed);
  const model = tf.sequential();
  addConvBlock(model, 256, seeds.next(), options.inputShape ?? THESIS_INPUT_SHAPE);
  addConvBlock(model, 128, seeds.next());
  model.add(tf.layers.dropout({ rate: DROPOUT_RATE }));
  addConvBlock(model, 64, seeds.next());
  model.add(tf.layers.flatten());
  model.add(
    tf.layers.dense({
      units: 64,
      activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({ l2: DENSE_L2 }),
      kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
    }),
  );
  model.add(tf.layers.dropout({ rate: DROPOUT_RATE }));
  model.add(
    tf.layers.dense({
      units: options.numClasses,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
    }),
  );
  model.compile({
    optimizer: tf.train.adam(options.learningRate ?? DEFAULT_LEARNING_RATE),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

function addConvBlock(model: tf.Sequential, filters: number, seed: number | undefined, inputShape?: readonly [number, number]): void {
  model.add(
    tf.layers.conv1d({
      ...(inputShape && { inputShape: [...inputShape] }),
      filters,
      kernelSize: 5,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
    }),
  );
  model.add(tf.layers.batchNormalization());
  // 'same' pooling: 182 -> 91 -> 46 -> 23 frames, so the dense layer sees 23 x 64 = 1472 values.
  model.add(tf.layers.maxPooling1d({ poolSize: 2, padding: 'same' }));
}

/** Distinct per-layer seeds from one seed (undefined stays undefined: tfjs then picks randomly). */
function kernelSeeds(seed: number | undefined): { next(): number | undefined } {
  let layer = 0;
  return { next: () => (seed === undefined ? undefined : seed * 31 + ++layer) };
}
