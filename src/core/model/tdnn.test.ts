import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG } from '../features/feature-config';
import { validateModelArtifacts } from '../model-library/validate-model-artifacts';
import { sampleMetadata } from '../model-library/test-support/sample-metadata';
import { modelJsonFromArtifacts } from '../model-library/model-artifacts';
import { savedArtifacts } from '../model-library/saved-artifacts';
import { SeededRandom } from '../random/seeded-random';
import { createTdnn } from './tdnn';
import { useNodeWasmBackend } from './test-support/node-wasm-backend';
import { trainModel } from './train-model';

const LOG_MEL = { ...DEFAULT_FEATURE_CONFIG, modelInput: 'log-mel' as const };

describe('createTdnn', () => {
  let model: tf.Sequential | null = null;
  afterEach(() => {
    model?.dispose();
    model = null;
  });

  it('has the research architecture on 182 frames of 128 log-mel bands: per-layer parameters', async () => {
    await tf.setBackend('cpu');
    model = createTdnn({ numClasses: 7, inputShape: [182, 128] });
    const counted = model.layers.map((layer) => [layer.getClassName(), layer.countParams()]).filter(([, params]) => params !== 0);
    expect(counted).toEqual([
      ['Conv1D', 82_048], ['BatchNormalization', 512],
      ['Conv1D', 49_280], ['BatchNormalization', 512],
      ['Conv1D', 49_280], ['BatchNormalization', 512],
      ['Dense', 8_256], ['Dense', 455],
    ]);
    expect(model.outputs[0].shape).toEqual([null, 7]);
  });

  it('is a chain of layers the import checks accept, with log-mel features in its metadata', async () => {
    await tf.setBackend('cpu');
    model = createTdnn({ numClasses: 7, inputShape: [182, 128], seed: 2 });
    const metadata = sampleMetadata({ featureConfig: LOG_MEL, normalisation: { mean: Array(128).fill(0), std: Array(128).fill(1) } });
    const files = modelJsonFromArtifacts(await savedArtifacts(model), metadata);
    const validated = validateModelArtifacts(files.modelJson, files.weights);
    expect(validated.metadata.featureConfig.modelInput).toBe('log-mel');
    const wrong = modelJsonFromArtifacts(await savedArtifacts(model), sampleMetadata());
    expect(() => validateModelArtifacts(wrong.modelJson, wrong.weights)).toThrow(/40 MFCCs × 182 frames/);
  });

  it('trains on the wasm backend with the app\'s loop: the loss falls and no tensor is left behind', async () => {
    await useNodeWasmBackend();
    const random = new SeededRandom(3);
    const [frames, bins, count] = [24, 16, 48];
    const features = new Float32Array(count * frames * bins);
    const labels = Int32Array.from({ length: count }, (_, i) => i % 3);
    features.forEach((_, j) => (features[j] = random.gaussian() + ((j % bins) === labels[Math.floor(j / (frames * bins))] * 4 ? 1.5 : 0)));
    model = createTdnn({ numClasses: 3, inputShape: [frames, bins], seed: 5 });
    const before = tf.memory().numTensors;
    const result = await trainModel(model, { features, labels }, { batchSize: 8, epochs: 6, learningRate: 0.005, seed: 1 });
    expect(result.history[5].loss).toBeLessThan(result.history[0].loss);
    expect(result.history.every((epoch) => Number.isFinite(epoch.loss))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
