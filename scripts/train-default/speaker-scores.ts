// Node only: a model's scores on groups of held-out speakers of ../shared/corpora, through the one
// prediction path (the same code the app predicts with), for the model card's per-corpus table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { decodeAudioFile } from '../../src/core/audio/decode-audio-file';
import { conformAudio } from '../../src/core/audio/load-audio';
import { isLabelled } from '../../src/core/dataset/file-labelling';
import { labelFromName } from '../../src/core/dataset/label-file';
import { classificationReport, confusionMatrix } from '../../src/core/metrics';
import { calibrationReport, scoredConfidences } from '../../src/core/metrics/calibration-error';
import { artifactsFromModelJson } from '../../src/core/model-library/model-artifacts';
import type { ValidatedModel } from '../../src/core/model-library/validate-model-artifacts';
import { useWasmBackend } from '../../src/core/model/use-wasm-backend';
import { type Calibration, fitCalibration } from '../../src/core/predict/calibration';
import { argmax } from '../../src/core/predict/clip-prediction';
import { EmotionPredictor } from '../../src/core/predict/emotion-predictor';
import { applyTemperature } from '../../src/core/predict/temperature';
import { selectiveAccuracy } from '../../src/core/predict/unsure-threshold';
import { trueLabelFrom } from '../../src/core/predict/true-label';

export interface SpeakerGroupScore {
  readonly group: string;
  readonly speakers: readonly string[];
  readonly files: number;
  readonly uar: number;
  readonly accuracy: number;
  /** With the model's calibration: expected calibration error, share answered (not "unsure") and their accuracy. */
  readonly ece: number;
  readonly answered: number;
  readonly answeredAccuracy: number;
}

interface GroupProbabilities {
  readonly group: string;
  readonly speakers: readonly string[];
  readonly rows: number[][];
  readonly truth: number[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * The model's scores on each group's speakers (files whose label the model knows), and its
 * calibration: the model's own, or, for a model saved without one, fitted here on the groups whose
 * name starts with "validation" (the speakers that chose its epoch; the test groups choose nothing).
 */
export async function speakerScores(root: string, model: ValidatedModel, groups: Readonly<Record<string, readonly string[]>>): Promise<{ scores: SpeakerGroupScore[]; calibration: Calibration }> {
  const probabilities = await groupProbabilities(root, model, groups);
  const validation = probabilities.filter((group) => group.group.startsWith('validation'));
  const calibration = model.metadata.calibration ?? fitCalibration(validation.flatMap((group) => group.rows), validation.flatMap((group) => group.truth));
  const scores = probabilities.map(({ group, speakers, rows, truth }): SpeakerGroupScore => {
    const calibrated = rows.map((row) => applyTemperature(row, calibration.temperature));
    const predictions = calibrated.map(argmax);
    const report = classificationReport(confusionMatrix(truth, predictions, model.metadata.labels));
    const scored = scoredConfidences(calibrated, truth);
    const { answered, accuracy } = selectiveAccuracy(scored, calibration.unsureBelow);
    return { group, speakers, files: rows.length, uar: report.unweightedAverageRecall, accuracy: report.accuracy, ece: calibrationReport(scored).expectedCalibrationError, answered, answeredAccuracy: accuracy };
  });
  return { scores, calibration };
}

/** The model's uncalibrated probabilities for every file of each group. */
async function groupProbabilities(root: string, model: ValidatedModel, groups: Readonly<Record<string, readonly string[]>>): Promise<GroupProbabilities[]> {
  await useWasmBackend({ wasmPaths: join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'), threads: 1 });
  const corpora = join(root, '../shared/corpora');
  const predictor = new EmotionPredictor(await tf.loadLayersModel(tf.io.fromMemory(artifactsFromModelJson(model.modelJson, model.weights))), { ...model.metadata, calibration: undefined });
  const labels = model.metadata.labels;
  const files = walk(corpora).filter((path) => path.endsWith('.flac')).map((path) => {
    const corpus = relative(corpora, path).split('/')[0];
    const labelling = labelFromName(relative(join(corpora, corpus), path));
    return { path, speaker: isLabelled(labelling) ? labelling.speaker : null, truth: trueLabelFrom(labelling, labels) };
  });
  const scores: GroupProbabilities[] = [];
  try {
    for (const [group, speakers] of Object.entries(groups)) {
      const chosen = files.filter((file) => file.speaker !== null && speakers.includes(file.speaker) && file.truth?.kind === 'known');
      const truth: number[] = [];
      const rows: number[][] = [];
      for (const file of chosen) {
        const audio = conformAudio(await decodeAudioFile(new Uint8Array(readFileSync(file.path)), file.path), predictor.config.sampleRate);
        rows.push([...(await predictor.predictClip(audio.samples)).probabilities]);
        truth.push(labels.indexOf(file.truth!.label));
      }
      scores.push({ group, speakers, rows, truth });
    }
  } finally {
    predictor.dispose();
  }
  return scores;
}
