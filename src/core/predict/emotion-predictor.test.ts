import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudioFile } from '../audio/decode-audio-file';
import { conformAudio } from '../audio/load-audio';
import { DEFAULT_FEATURE_CONFIG } from '../features/feature-config';
import { FeatureExtractor } from '../features/feature-extractor';
import { FeatureStandardiser } from '../features/feature-standardiser';
import { useNodeWasmBackend } from '../model/test-support/node-wasm-backend';
import { createThesisCnn } from '../model/thesis-cnn';
import { EmotionPredictor, type PredictorSpec } from './emotion-predictor';

const LABELS = ['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness', 'surprise'];
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));
const samplesOf = async (path: string) => conformAudio(await decodeAudioFile(fixture(path), path), DEFAULT_FEATURE_CONFIG.sampleRate).samples;

let predictor: EmotionPredictor;
let model: tf.LayersModel;
let spec: PredictorSpec;
const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);

beforeAll(async () => {
  await useNodeWasmBackend();
  const training = await Promise.all(['audio/tess_sad_24k.wav', 'audio/emodb_anger_22k.wav'].map(samplesOf));
  const standardiser = FeatureStandardiser.fit(training.map((s) => extractor.extract(s).mfcc));
  spec = { labels: LABELS, featureConfig: DEFAULT_FEATURE_CONFIG, normalisation: standardiser.toJSON() };
  model = createThesisCnn({ numClasses: LABELS.length, seed: 3 });
  predictor = new EmotionPredictor(model, spec);
});

afterAll(() => predictor.dispose());

/** The model on one standardised feature matrix, the plain way. */
function directProbabilities(samples: Float32Array): number[] {
  const standardiser = FeatureStandardiser.fromJSON(spec.normalisation);
  const { data, frames, bins } = standardiser.apply(extractor.extract(samples).mfcc);
  return tf.tidy(() => Array.from((model.predict(tf.tensor3d(data, [1, frames, bins])) as tf.Tensor).dataSync()));
}

describe('EmotionPredictor', () => {
  it('predicts a clip that fits the window from exactly the training features', async () => {
    const samples = await samplesOf('speech/03-01-05-02-02-02-02.wav');
    expect(samples.length).toBeLessThanOrEqual(DEFAULT_FEATURE_CONFIG.fixedLength!);
    const prediction = await predictor.predictClip(samples);
    expect(prediction.windows).toHaveLength(1);
    const direct = directProbabilities(samples);
    prediction.probabilities.forEach((p, c) => expect(p).toBeCloseTo(direct[c], 6));
    expect(prediction.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(prediction.predicted).toBe(direct.indexOf(Math.max(...direct)));
  });

  it('averages the windows of a long clip and keeps its timeline', async () => {
    const samples = await samplesOf('audio/speech_6s_48k.wav');
    const prediction = await predictor.predictClip(samples);
    const rate = DEFAULT_FEATURE_CONFIG.sampleRate;
    const window = DEFAULT_FEATURE_CONFIG.fixedLength!;
    expect(prediction.windows.length).toBe(2);
    expect(prediction.windows[0]).toMatchObject({ startSeconds: 0, endSeconds: window / rate });
    expect(prediction.windows[1].endSeconds).toBeCloseTo(samples.length / rate, 9);
    const first = directProbabilities(samples.subarray(0, window));
    const last = directProbabilities(samples.subarray(samples.length - window));
    prediction.windows[0].probabilities.forEach((p, c) => expect(p).toBeCloseTo(first[c], 6));
    prediction.probabilities.forEach((p, c) => expect(p).toBeCloseTo((first[c] + last[c]) / 2, 6));
  });

  it('gives a clip the same probabilities from WAV and from FLAC', async () => {
    const wav = await predictor.predictClip(await samplesOf('audio/ravdess_angry_48k.wav'));
    const flac = await predictor.predictClip(await samplesOf('flac/ravdess_angry_48k.flac'));
    wav.probabilities.forEach((p, c) => expect(Math.abs(p - flac.probabilities[c])).toBeLessThan(1e-5));
  });

  it('leaves no tensors behind', async () => {
    const samples = await samplesOf('audio/speech_6s_48k.wav');
    await predictor.predictClip(samples);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await predictor.predictClip(samples);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses labels that do not match the model outputs', () => {
    const other = createThesisCnn({ numClasses: 3, seed: 1 });
    expect(() => new EmotionPredictor(other, spec)).toThrow(/3 outputs but 7 labels/);
    other.dispose();
  });
});

describe('EmotionPredictor on a log-mel model', () => {
  it('feeds a model that reads the log-mel spectrogram its standardised log-mel bands', async () => {
    const config = { ...DEFAULT_FEATURE_CONFIG, modelInput: 'log-mel' as const };
    const logMel = new FeatureExtractor(config);
    const samples = await samplesOf('audio/tess_sad_24k.wav');
    expect(logMel.modelInput(samples)).toEqual(logMel.extract(samples).logMel);
    const standardiser = FeatureStandardiser.fit([logMel.modelInput(samples)]);
    const melModel = createThesisCnn({ numClasses: LABELS.length, seed: 4, inputShape: [182, config.nMels] });
    const melPredictor = new EmotionPredictor(melModel, { labels: LABELS, featureConfig: config, normalisation: standardiser.toJSON() });
    try {
      const { data, frames, bins } = standardiser.apply(logMel.extract(samples).logMel);
      expect(bins).toBe(128);
      const direct = tf.tidy(() => Array.from((melModel.predict(tf.tensor3d(data, [1, frames, bins])) as tf.Tensor).dataSync()));
      const { probabilities } = await melPredictor.predictClip(samples);
      probabilities.forEach((p, c) => expect(p).toBeCloseTo(direct[c], 5));
    } finally {
      melPredictor.dispose();
    }
  });
});
