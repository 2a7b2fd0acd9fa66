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
import { EmotionPredictor } from '../predict/emotion-predictor';
import { LiveEngine, type LiveUpdate } from './live-engine';

const LABELS = ['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness', 'surprise'];
let predictor: EmotionPredictor;
let speech: Float32Array;

beforeAll(async () => {
  await useNodeWasmBackend();
  const decoded = await decodeAudioFile(new Uint8Array(readFileSync(new URL('../../fixtures/audio/speech_6s_48k.wav', import.meta.url))), 's.wav');
  speech = decoded.channels[0];
  expect(decoded.sampleRate).toBe(48000);
  const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);
  const normalisation = FeatureStandardiser.fit([extractor.extract(conformAudio(decoded, 22050).samples).mfcc]).toJSON();
  predictor = new EmotionPredictor(createThesisCnn({ numClasses: 7, seed: 9 }), { labels: LABELS, featureConfig: DEFAULT_FEATURE_CONFIG, normalisation });
});

afterAll(() => predictor.dispose());

/** Streams `input` in blocks like the worklet's, updating whenever a hop is due. */
async function stream(engine: LiveEngine, input: Float32Array, block = 2048): Promise<LiveUpdate[]> {
  const updates: LiveUpdate[] = [];
  for (let start = 0; start < input.length; start += block) {
    engine.push(input.subarray(start, start + block));
    if (engine.due) updates.push(await engine.update());
  }
  return updates;
}

describe('LiveEngine', () => {
  it('predicts each window exactly as a file of the same samples is predicted, and silence as silence', async () => {
    const input = new Float32Array(speech.length + 3 * 48000);
    input.set(speech);
    const engine = new LiveEngine(predictor, 48000, { hopSeconds: 0.5, voiceThresholdDb: -45 });
    const updates = await stream(engine, input);
    expect(updates.length).toBeGreaterThanOrEqual(17);
    expect(engine.windowFrames).toBe(Math.floor((92672 * 48000) / 22050));
    for (const update of updates.filter((u) => u.voiced)) {
      const offline = await predictor.predictClip(conformAudio({ channels: [input.slice(update.windowStart, update.windowEnd)], sampleRate: 48000, sourceFormat: 'x' }, 22050).samples);
      expect(offline.windows).toHaveLength(1);
      update.probabilities!.forEach((p, c) => expect(Math.abs(p - offline.probabilities[c])).toBeLessThan(1e-6));
      expect(update.windowEnd - update.windowStart).toBeLessThanOrEqual(engine.windowFrames);
    }
    const last = updates.at(-1)!;
    expect(last.voiced).toBe(false);
    expect(last.probabilities).toBeNull();
    expect(last.levelDb).toBe(Number.NEGATIVE_INFINITY);
    expect(updates.slice(0, 8).some((u) => u.voiced)).toBe(true);
    expect(updates.every((u, i) => u.index === i && u.skipped === 0)).toBe(true);
  });

  it('updates every hop of input frames, skipping (and counting) hops it fell behind on', async () => {
    const engine = new LiveEngine(predictor, 48000, { hopSeconds: 0.25, voiceThresholdDb: -200 });
    engine.push(speech.subarray(0, 12000));
    expect(engine.due).toBe(true);
    const first = await engine.update();
    expect([first.windowStart, first.windowEnd, first.skipped]).toEqual([0, 12000, 0]);
    engine.push(speech.subarray(12000, 12000 + 48000));
    const late = await engine.update();
    expect(late.skipped).toBe(3);
    expect(engine.due).toBe(false);
  });

  it('leaves no tensors behind', async () => {
    const engine = new LiveEngine(predictor, 48000);
    await stream(engine, speech.subarray(0, 48000));
    const before = tf.memory().numTensors;
    await stream(engine, speech);
    expect(tf.memory().numTensors).toBe(before);
  });
});
