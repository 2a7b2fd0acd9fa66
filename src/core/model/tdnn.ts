import * as tf from '@tensorflow/tfjs';

export interface TdnnOptions {
  numClasses: number;
  /** Frames × bins of the input: 182 × 128 for 4.2 s of log-mel bands. */
  inputShape: readonly [number, number];
  /** Seeds every kernel initialiser, so the same seed gives the same initial weights. */
  seed?: number;
  learningRate?: number;
}

const WIDTH = 128;
const HIDDEN = 64;
const DROPOUT_RATE = 0.3;

/**
 * A time-delay network for voices it has not heard (docs/research/2026-12-08-speaker-folds.md):
 * Conv1D over time with the feature bins as channels (kernels 5, 3 and 3, each with batch norm and
 * ReLU, max pooling by 2 after the first two), then the mean over time, so what it learns does not
 * depend on where in the clip a cue falls; dropout, Dense 64, softmax. A chain of standard layers:
 * exports as tfjs layers and converts to Keras.
 *
 * It differs from the research's best model in two ways, both still to be measured on the folds:
 * its third convolution is not dilated (tfjs has no gradient for dilated convolutions), and it
 * pools by the mean alone (mean and max side by side need a branching topology).
 */
export function createTdnn(options: TdnnOptions): tf.Sequential {
  let layer = 0;
  const seed = () => (options.seed === undefined ? undefined : options.seed * 31 + ++layer);
  const model = tf.sequential();
  const block = (kernelSize: number, pool: boolean, inputShape?: readonly [number, number]) => {
    model.add(
      tf.layers.conv1d({
        ...(inputShape && { inputShape: [...inputShape] }),
        filters: WIDTH,
        kernelSize,
        padding: 'same',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed() }),
      }),
    );
    model.add(tf.layers.batchNormalization());
    model.add(tf.layers.activation({ activation: 'relu' }));
    if (pool) model.add(tf.layers.maxPooling1d({ poolSize: 2, padding: 'same' }));
  };
  block(5, true, options.inputShape);
  block(3, true);
  block(3, false);
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dropout({ rate: DROPOUT_RATE }));
  model.add(tf.layers.dense({ units: HIDDEN, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: seed() }) }));
  model.add(tf.layers.dropout({ rate: DROPOUT_RATE }));
  model.add(tf.layers.dense({ units: options.numClasses, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seed() }) }));
  model.compile({ optimizer: tf.train.adam(options.learningRate ?? 0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}
