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
import { artifactsFromModelJson } from '../../src/core/model-library/model-artifacts';
import type { ValidatedModel } from '../../src/core/model-library/validate-model-artifacts';
import { useWasmBackend } from '../../src/core/model/use-wasm-backend';
import { EmotionPredictor } from '../../src/core/predict/emotion-predictor';
import { trueLabelFrom } from '../../src/core/predict/true-label';

export interface SpeakerGroupScore {
  readonly group: string;
  readonly speakers: readonly string[];
  readonly files: number;
  readonly uar: number;
  readonly accuracy: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** UAR and accuracy of the model on each group's speakers (files whose label the model knows). */
export async function speakerScores(root: string, model: ValidatedModel, groups: Readonly<Record<string, readonly string[]>>): Promise<SpeakerGroupScore[]> {
  await useWasmBackend({ wasmPaths: join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'), threads: 1 });
  const corpora = join(root, '../shared/corpora');
  const predictor = new EmotionPredictor(await tf.loadLayersModel(tf.io.fromMemory(artifactsFromModelJson(model.modelJson, model.weights))), model.metadata);
  const labels = model.metadata.labels;
  const files = walk(corpora).filter((path) => path.endsWith('.flac')).map((path) => {
    const corpus = relative(corpora, path).split('/')[0];
    const labelling = labelFromName(relative(join(corpora, corpus), path));
    return { path, speaker: isLabelled(labelling) ? labelling.speaker : null, truth: trueLabelFrom(labelling, labels) };
  });
  const scores: SpeakerGroupScore[] = [];
  try {
    for (const [group, speakers] of Object.entries(groups)) {
      const chosen = files.filter((file) => file.speaker !== null && speakers.includes(file.speaker) && file.truth?.kind === 'known');
      const truths: number[] = [];
      const predictions: number[] = [];
      for (const file of chosen) {
        const audio = conformAudio(await decodeAudioFile(new Uint8Array(readFileSync(file.path)), file.path), predictor.config.sampleRate);
        predictions.push((await predictor.predictClip(audio.samples)).predicted);
        truths.push(labels.indexOf(file.truth!.label));
      }
      const report = classificationReport(confusionMatrix(truths, predictions, labels));
      scores.push({ group, speakers, files: chosen.length, uar: report.unweightedAverageRecall, accuracy: report.accuracy });
    }
  } finally {
    predictor.dispose();
  }
  return scores;
}
