import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudioFile } from '../../src/core/audio/decode-audio-file';
import { conformAudio } from '../../src/core/audio/load-audio';
import { DEFAULT_FEATURE_CONFIG } from '../../src/core/features/feature-config';
import { FeatureExtractor } from '../../src/core/features/feature-extractor';
import { FeatureStandardiser } from '../../src/core/features/feature-standardiser';
import { useNodeWasmBackend } from '../../src/core/model/test-support/node-wasm-backend';
import { createThesisCnn } from '../../src/core/model/thesis-cnn';
import { EmotionPredictor } from '../../src/core/predict/emotion-predictor';
import { writeStoredZip } from '../../src/core/zip/zip-writer';
import { predictFile } from './predict-file';
import { testArchives } from './test-archives';

const LABELS = ['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness', 'surprise'];
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../src/fixtures/${path}`, import.meta.url)));
let predictor: EmotionPredictor;

beforeAll(async () => {
  await useNodeWasmBackend();
  const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);
  const samples = conformAudio(await decodeAudioFile(fixture('audio/tess_sad_24k.wav'), 'tess.wav'), 22050).samples;
  const normalisation = FeatureStandardiser.fit([extractor.extract(samples).mfcc]).toJSON();
  predictor = new EmotionPredictor(createThesisCnn({ numClasses: LABELS.length, seed: 5 }), { labels: LABELS, featureConfig: DEFAULT_FEATURE_CONFIG, normalisation });
});

afterAll(() => predictor.dispose());

function testZip(): File {
  const zip = writeStoredZip([
    { path: 'Angry/ravdess_angry_48k.wav', data: fixture('audio/ravdess_angry_48k.wav') },
    { path: 'Angry/ravdess_angry_48k.flac', data: fixture('flac/ravdess_angry_48k.flac') },
    { path: 'speech/03-01-02-02-02-02-02.wav', data: fixture('speech/03-01-02-02-02-02-02.wav') },
    { path: 'speech/OAF_base_sad.wav', data: fixture('speech/OAF_base_sad.wav') },
    { path: 'long/speech_6s_48k.wav', data: fixture('audio/speech_6s_48k.wav') },
    { path: 'readme.txt', data: new TextEncoder().encode('not audio') },
  ]);
  return new File([zip as Uint8Array<ArrayBuffer>], 'test.zip');
}

describe('testArchives', () => {
  it('predicts every file through the one path: a clip in a ZIP, as WAV or FLAC, gets the probabilities it gets alone', async () => {
    const progress: number[] = [];
    const report = await testArchives([testZip()], predictor, (p) => progress.push(p.done));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    const byEntry = new Map(report.files.map((file) => [file.entry, file]));
    const alone = await predictFile({ type: 'predict', id: 1, modelId: 'm', fileName: 'ravdess_angry_48k.wav', source: { kind: 'bytes', bytes: fixture('audio/ravdess_angry_48k.wav').slice().buffer } }, predictor);
    if (alone.type !== 'prediction') throw new Error(alone.message);
    for (const entry of ['Angry/ravdess_angry_48k.wav', 'Angry/ravdess_angry_48k.flac']) {
      const outcome = byEntry.get(entry)!.outcome;
      if (outcome.kind !== 'predicted') throw new Error(`${entry} was skipped`);
      outcome.probabilities.forEach((p, c) => expect(Math.abs(p - alone.prediction.probabilities[c])).toBeLessThan(1e-5));
    }
    expect(byEntry.get('long/speech_6s_48k.wav')!.outcome).toMatchObject({ kind: 'predicted', windows: 2 });
  });

  it('labels files as training does, reports labels the model lacks, and scores only known ones', async () => {
    const report = await testArchives([testZip()], predictor, () => undefined);
    const byEntry = new Map(report.files.map((file) => [file.entry, file]));
    expect(byEntry.get('Angry/ravdess_angry_48k.wav')!.truth).toMatchObject({ kind: 'known', label: 'anger' });
    expect(byEntry.get('speech/OAF_base_sad.wav')!.truth).toMatchObject({ kind: 'known', label: 'sadness' });
    expect(byEntry.get('long/speech_6s_48k.wav')!.truth).toBeNull();
    expect(report.unknownLabels).toEqual([{ label: 'calm', files: 1 }]);
    expect(byEntry.get('readme.txt')!.outcome).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/not an audio file/) });
    const matrix = report.evaluation!.matrix;
    expect(matrix.counts.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(matrix.counts[0].reduce((a, b) => a + b, 0)).toBe(2);
    expect(report.archives).toEqual([{ name: 'test.zip', opened: true, audioFiles: 5, problems: [] }]);
  });

  it('reports a file that is not a ZIP and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const report = await testArchives([new File([new Uint8Array([1, 2, 3])], 'broken.zip')], predictor, () => undefined);
    expect(report.files).toEqual([]);
    expect(report.evaluation).toBeNull();
    expect(report.archives[0]).toMatchObject({ name: 'broken.zip', opened: false });
    expect(tf.memory().numTensors).toBe(before);
  });
});
