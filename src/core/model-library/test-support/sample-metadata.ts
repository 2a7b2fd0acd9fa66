import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../../features/feature-config';
import type { EvaluationMetrics } from '../evaluation-metrics';
import { MODEL_METADATA_VERSION, type ModelMetadata } from '../model-metadata';

export const THESIS_LABELS = ['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness', 'surprise'];

/** Features for a tiny test model: 4 MFCCs over 8 frames (3584 samples at hop 512, centred). */
export const TINY_FEATURE_CONFIG: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, nMels: 8, nMfcc: 4, fixedLength: 3584 };

/** Metrics where each class got `correct` of its `support` items right and the rest went to the next class. */
export function sampleMetrics(labels: readonly string[], support = 10, correct = 7): EvaluationMetrics {
  const n = labels.length;
  const confusionMatrix = labels.map((_, row) => labels.map((__, column) => (column === row ? correct : column === (row + 1) % n ? support - correct : 0)));
  const recall = correct / support;
  return {
    accuracy: recall,
    unweightedAverageRecall: recall,
    macroF1: recall,
    classes: labels.map((label) => ({ label, precision: recall, recall, f1: recall, support })),
    confusionMatrix,
  };
}

/** Valid metadata for a model with these labels and features; override any field. */
export function sampleMetadata(overrides: Partial<ModelMetadata> = {}): ModelMetadata {
  const labels = overrides.labels ?? THESIS_LABELS;
  const featureConfig = overrides.featureConfig ?? DEFAULT_FEATURE_CONFIG;
  return {
    version: MODEL_METADATA_VERSION,
    id: 'model-1',
    name: 'Thesis CNN on RAVDESS',
    createdAt: '2026-11-24T05:00:00.000Z',
    labels,
    featureConfig,
    normalisation: {
      mean: Array.from({ length: featureConfig.nMfcc }, (_, i) => -200 / (i + 1)),
      std: Array.from({ length: featureConfig.nMfcc }, (_, i) => 50 / (i + 1)),
    },
    dataset: {
      filesPerLabel: Object.fromEntries(labels.map((label) => [label, 10])),
      speakers: ['ravdess:01', 'ravdess:02'],
      sourceArchives: ['ravdess.zip'],
    },
    split: { kind: 'speaker', seed: 1 },
    training: {
      epochsRun: 40,
      epochsAsked: 50,
      batchSize: 32,
      learningRate: 0.001,
      augmentation: { copies: 2, kinds: ['noise', 'pitch'] },
      classWeights: true,
    },
    metrics: { validation: sampleMetrics(labels) },
    backend: 'wasm',
    trainingSeconds: 312.5,
    appVersion: '0.1.0',
    ...overrides,
  };
}
