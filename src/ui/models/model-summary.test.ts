import { describe, expect, it } from 'vitest';
import { sampleMetadata, sampleMetrics } from '../../core/model-library/test-support/sample-metadata';
import { modelFileStem, summariseModel } from './model-summary';

describe('summariseModel', () => {
  it('states scores, split and training as the model list shows them', () => {
    const metadata = sampleMetadata();
    const summary = summariseModel({ ...metadata, metrics: { validation: metadata.metrics.validation, test: sampleMetrics(metadata.labels, 8, 6) } }, 'en-GB');
    expect(summary.validation).toBe('UAR 70.0%, accuracy 70.0%');
    expect(summary.test).toBe('UAR 75.0%, accuracy 75.0%');
    expect(summary.labels).toBe('anger, disgust, fear, happiness, neutral, sadness, surprise');
    expect(summary.split).toBe('by speaker, seed 1');
    expect(summary.leaky).toBe(false);
    expect(summary.trainingTime).toBe('5 min 13 s on wasm, 40 of 50 epochs');
    expect(summary.created).toContain('2026');
    expect(summary.dataset).toBe('70 training files from ravdess.zip, 2 speakers');
  });

  it('flags the leaky random split and leaves out missing test scores', () => {
    const summary = summariseModel(sampleMetadata({ split: { kind: 'random-leaky', seed: 3 } }));
    expect(summary.split).toBe('random (leaky), seed 3');
    expect(summary.leaky).toBe(true);
    expect(summary.test).toBeNull();
  });
});

describe('modelFileStem', () => {
  it('makes a safe file name from any model name', () => {
    expect(modelFileStem('Thesis CNN #2')).toBe('thesis-cnn-2');
    expect(modelFileStem('Colère / Émotions')).toBe('colere-emotions');
    expect(modelFileStem('***')).toBe('model');
  });
});
