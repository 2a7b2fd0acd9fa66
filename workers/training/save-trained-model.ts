import type * as tf from '@tensorflow/tfjs';
import { openModelStore } from '../../src/browser/model-store';
import { APP_VERSION } from '../../src/core/app-version';
import { DEFAULT_FEATURE_CONFIG } from '../../src/core/features/feature-config';
import type { EvaluationMetrics } from '../../src/core/model-library/evaluation-metrics';
import { MODEL_METADATA_VERSION, type ModelMetadata } from '../../src/core/model-library/model-metadata';
import type { SavedModel } from '../protocol';
import type { SideEvaluation } from './predict-packed';
import type { TrainedModelFacts } from './run-training';

/** Keeps a trained model in the library; a failure (full disk, no storage) becomes the reason, and the run's figures stay on screen. */
export async function saveTrainedModel(model: tf.Sequential, facts: TrainedModelFacts): Promise<SavedModel> {
  try {
    const saved = await openModelStore().save(model, modelMetadata(facts));
    return { saved: true, id: saved.id, name: saved.name };
  } catch (error) {
    return { saved: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

export function modelMetadata({ request, backend, standardiser, result }: TrainedModelFacts, now = new Date()): ModelMetadata {
  const { context, settings, labels } = request;
  const validation = result.validation;
  if (validation === null) throw new Error('a model is kept only with validation scores; give the split a validation side.');
  return {
    version: MODEL_METADATA_VERSION,
    id: `m${now.getTime().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`,
    name: defaultName(labels.length, context.splitKind, now),
    createdAt: now.toISOString(),
    labels: [...labels],
    featureConfig: DEFAULT_FEATURE_CONFIG,
    normalisation: standardiser.toJSON(),
    dataset: { filesPerLabel: { ...context.trainFilesPerLabel }, speakers: [...context.speakers], trainingSpeakers: [...context.trainingSpeakers], sourceArchives: [...context.sources] },
    split: { kind: context.splitKind, seed: context.splitSeed },
    training: {
      epochsRun: result.epochsRun,
      epochsAsked: settings.epochs,
      batchSize: settings.batchSize,
      learningRate: settings.learningRate,
      augmentation: { copies: context.augmentationCopies, kinds: [...context.augmentationKinds] },
      classWeights: settings.classWeights,
      weightAveraging: settings.weightAveraging ?? 0,
      masking: settings.masking ?? null,
    },
    metrics: { validation: evaluationMetrics(validation), ...(result.test ? { test: evaluationMetrics(result.test) } : {}) },
    ...(result.calibration !== null && { calibration: result.calibration }),
    backend: backend.name,
    trainingSeconds: result.seconds,
    appVersion: APP_VERSION,
  };
}

function evaluationMetrics({ report, matrix }: SideEvaluation): EvaluationMetrics {
  return {
    accuracy: report.accuracy,
    unweightedAverageRecall: report.unweightedAverageRecall,
    macroF1: report.macroF1,
    classes: report.classes.map(({ label, precision, recall, f1, support }) => ({ label, precision, recall, f1, support })),
    confusionMatrix: matrix.counts.map((row) => [...row]),
  };
}

function defaultName(labels: number, splitKind: string, now: Date): string {
  const when = now.toISOString().slice(0, 16).replace('T', ' ');
  return `${labels} emotions, ${splitKind === 'random-leaky' ? 'random (leaky) split' : `${splitKind} split`}, ${when} UTC`;
}
