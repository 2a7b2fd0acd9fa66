import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createThesisCnn } from './thesis-cnn';

describe('createThesisCnn', () => {
  let model: tf.Sequential | null = null;
  afterEach(() => {
    model?.dispose();
    model = null;
  });

  it('has the thesis architecture: per-layer parameter counts for 7 classes', async () => {
    await tf.setBackend('cpu');
    model = createThesisCnn({ numClasses: 7 });
    const counted = model.layers.map((layer) => [layer.getClassName(), layer.countParams()]).filter(([, params]) => params !== 0);
    expect(counted).toEqual([
      ['Conv1D', 51_456], ['BatchNormalization', 1_024],
      ['Conv1D', 163_968], ['BatchNormalization', 512],
      ['Conv1D', 41_024], ['BatchNormalization', 256],
      ['Dense', 94_272], ['Dense', 455],
    ]);
    expect(model.countParams()).toBe(352_967);
    expect(model.layers.map((layer) => layer.getClassName())).toEqual([
      'Conv1D', 'BatchNormalization', 'MaxPooling1D', 'Conv1D', 'BatchNormalization', 'MaxPooling1D', 'Dropout',
      'Conv1D', 'BatchNormalization', 'MaxPooling1D', 'Flatten', 'Dense', 'Dropout', 'Dense',
    ]);
    expect(model.outputs[0].shape).toEqual([null, 7]);
  });

  it('gives the same initial weights for the same seed, different ones for another', async () => {
    await tf.setBackend('cpu');
    const firstKernel = (seed: number): Float32Array => {
      const m = createThesisCnn({ numClasses: 3, seed, inputShape: [16, 4] });
      const values = m.getWeights()[0].dataSync() as Float32Array;
      m.dispose();
      return values;
    };
    expect(firstKernel(5)).toEqual(firstKernel(5));
    expect(firstKernel(5)).not.toEqual(firstKernel(6));
  });
});
