import * as tf from '@tensorflow/tfjs';
import { createThesisCnn } from '../../model/thesis-cnn';
import { modelJsonFromArtifacts } from '../model-artifacts';
import { savedArtifacts } from '../saved-artifacts';
import type { ModelJson } from '../model-json';
import type { ModelMetadata } from '../model-metadata';
import { sampleMetadata, TINY_FEATURE_CONFIG } from './sample-metadata';

/** A tiny classifier over 8 frames × 4 MFCCs with 3 labels: Conv1D, BatchNormalization, MaxPooling1D, Flatten, Dense. */
export function createTinyModel(units = 3): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [8, 4] }));
  model.add(tf.layers.conv1d({ filters: 3, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.maxPooling1d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  return model;
}

export const TINY_LABELS = ['anger', 'happiness', 'sadness'];

export function tinyMetadata(overrides: Partial<ModelMetadata> = {}): ModelMetadata {
  return sampleMetadata({ labels: TINY_LABELS, featureConfig: TINY_FEATURE_CONFIG, id: 'tiny-1', name: 'Tiny', ...overrides });
}

export interface SavedModelFiles {
  readonly modelJson: ModelJson;
  readonly weights: Uint8Array;
}

/** The tiny model as model.json (with metadata) and weights; the tfjs model is disposed. */
export async function tinyModelFiles(metadata = tinyMetadata()): Promise<SavedModelFiles> {
  const model = createTinyModel(metadata.labels.length);
  try {
    return modelJsonFromArtifacts(await savedArtifacts(model), metadata);
  } finally {
    model.dispose();
  }
}

/** The thesis CNN (seeded) as model.json (with 7-label metadata) and its ~1.4 MB of weights. */
export async function thesisModelFiles(metadata = sampleMetadata()): Promise<SavedModelFiles> {
  const model = createThesisCnn({ numClasses: metadata.labels.length, seed: 7 });
  try {
    return modelJsonFromArtifacts(await savedArtifacts(model), metadata);
  } finally {
    model.dispose();
  }
}
