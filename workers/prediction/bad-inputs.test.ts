import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudioFile } from '../../src/core/audio/decode-audio-file';
import { conformAudio } from '../../src/core/audio/load-audio';
import { encodeWav16, wavFloat32 } from '../../src/core/audio/wav-writer';
import { DEFAULT_FEATURE_CONFIG } from '../../src/core/features/feature-config';
import { FeatureExtractor } from '../../src/core/features/feature-extractor';
import { FeatureStandardiser } from '../../src/core/features/feature-standardiser';
import { useNodeWasmBackend } from '../../src/core/model/test-support/node-wasm-backend';
import { createThesisCnn } from '../../src/core/model/thesis-cnn';
import { EmotionPredictor } from '../../src/core/predict/emotion-predictor';
import { SeededRandom } from '../../src/core/random/seeded-random';
import { writeStoredZip } from '../../src/core/zip/zip-writer';
import type { PredictRequest } from '../protocol';
import { predictFile } from './predict-file';
import { testArchives } from './test-archives';

const LABELS = ['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness', 'surprise'];
let predictor: EmotionPredictor;

beforeAll(async () => {
  await useNodeWasmBackend();
  const samples = conformAudio(await decodeAudioFile(new Uint8Array(readFileSync(new URL('../../src/fixtures/audio/tess_sad_24k.wav', import.meta.url))), 't.wav'), 22050).samples;
  const normalisation = FeatureStandardiser.fit([new FeatureExtractor(DEFAULT_FEATURE_CONFIG).extract(samples).mfcc]).toJSON();
  predictor = new EmotionPredictor(createThesisCnn({ numClasses: 7, seed: 2 }), { labels: LABELS, featureConfig: DEFAULT_FEATURE_CONFIG, normalisation });
});

afterAll(() => predictor.dispose());

const request = (fileName: string, bytes: Uint8Array): PredictRequest => ({ type: 'predict', id: 1, modelId: 'm', fileName, source: { kind: 'bytes', bytes: bytes.slice().buffer } });
const noise = (seconds: number, rate: number) => {
  const random = new SeededRandom(4);
  return Float32Array.from({ length: Math.round(seconds * rate) }, () => 0.1 * random.gaussian());
};

describe('bad inputs on the prediction path', () => {
  it('refuses NaN and infinite samples with the time of the first', async () => {
    const samples = noise(1, 16000);
    samples[8000] = Number.NaN;
    const response = await predictFile(request('nan.wav', wavFloat32([samples], 16000)), predictor);
    expect(response).toMatchObject({ type: 'failure', message: 'Could not read nan.wav: it holds samples that are not numbers (NaN or infinity), the first at 0.50 s.' });
    samples[8000] = Number.POSITIVE_INFINITY;
    expect(await predictFile(request('inf.wav', wavFloat32([samples], 16000)), predictor)).toMatchObject({ type: 'failure' });
  });

  it('says a silent file is silent instead of naming an emotion', async () => {
    const response = await predictFile(request('silence.wav', encodeWav16(new Float32Array(16000), 16000)), predictor);
    expect(response).toMatchObject({ type: 'failure', message: 'Could not read silence.wav: it is silent (no sample reaches -60 dBFS), so there is no voice to predict.' });
  });

  it('predicts a 10-minute file over its windows', async () => {
    const response = await predictFile(request('long.wav', encodeWav16(noise(600, 16000), 16000)), predictor);
    if (response.type !== 'prediction') throw new Error(response.message);
    const window = DEFAULT_FEATURE_CONFIG.fixedLength!;
    const length = Math.round(600 * 22050);
    expect(response.prediction.windows).toHaveLength(Math.ceil((length - window) / Math.round(window / 2)) + 1);
    expect(response.prediction.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(response.info.duration).toBe(600);
  });

  it('skips a silent or 0-byte file of a test ZIP with the reason, and scores the rest', async () => {
    const zip = writeStoredZip([
      { path: 'Angry/silent.wav', data: encodeWav16(new Float32Array(8000), 16000) },
      { path: 'Angry/empty.wav', data: new Uint8Array(0) },
      { path: 'Angry/noise.wav', data: encodeWav16(noise(1, 16000), 16000) },
    ]);
    const report = await testArchives([new File([zip as Uint8Array<ArrayBuffer>], 'bad.zip')], predictor, () => undefined);
    const outcomes = Object.fromEntries(report.files.map((file) => [file.entry, file.outcome]));
    expect(outcomes['Angry/silent.wav']).toEqual({ kind: 'skipped', reason: 'it is silent (no sample reaches -60 dBFS), so there is no voice to predict.' });
    expect(outcomes['Angry/empty.wav']).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/not an audio file|empty/) });
    expect(outcomes['Angry/noise.wav']).toMatchObject({ kind: 'predicted' });
    expect(report.evaluation!.report.total).toBe(1);
  });
});
