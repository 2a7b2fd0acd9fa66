import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG } from '../../src/core/features/feature-config';
import { FeatureExtractor } from '../../src/core/features/feature-extractor';
import { readFixture } from '../../src/fixtures/fixtures';
import { decodeAudioFile } from '../../src/core/audio/decode-audio-file';
import { conformAudio } from '../../src/core/audio/load-audio';
import { applyAugmentation } from '../../src/core/augment';
import { SeededRandom } from '../../src/core/random/seeded-random';
import { augmentedClip } from './augmented-clip';
import { clipVariantKey, ORIGINAL_CLIP } from './clip-variant';
import { featuriseClip } from './featurise-clip';

const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);
const SPEECH = readFixture('speech/03-01-05-02-02-02-02.wav');

describe('featuriseClip', () => {
  it('gives one 182 x 40 MFCC per variant, the original equal to a plain extraction, copies different and repeatable', async () => {
    const variants = [
      ORIGINAL_CLIP,
      { kind: 'augmented', spec: { kind: 'noise', snrDb: 20 }, seed: 7 },
      { kind: 'augmented', spec: { kind: 'pitch', semitones: 2 }, seed: 7 },
      { kind: 'augmented', spec: { kind: 'stretch', rate: 1.2 }, seed: 7 },
    ] as const;
    const first = await featuriseClip({ name: 'a.wav', bytes: SPEECH, variants }, extractor);
    const again = await featuriseClip({ name: 'a.wav', bytes: SPEECH, variants }, extractor);
    if (first.kind !== 'featurised' || again.kind !== 'featurised') throw new Error('not featurised');
    expect(first.features.map((m) => [m.frames, m.bins])).toEqual(Array(4).fill([182, 40]));
    const audio = conformAudio(await decodeAudioFile(SPEECH, 'a.wav'), 22050);
    expect(first.durationSeconds).toBe(audio.duration);
    expect(first.features[0].data).toEqual(extractor.extract(audio.samples).mfcc.data);
    for (let i = 1; i < 4; i++) {
      expect(maxDifference(first.features[i].data, first.features[0].data)).toBeGreaterThan(1);
      expect(first.features[i].data).toEqual(again.features[i].data);
    }
  });

  it('augments only as much of a long file as the features keep, with the same kept samples as augmenting all of it', async () => {
    const audio = conformAudio(await decodeAudioFile(SPEECH, 'a.wav'), 22050).samples;
    const long = new Float32Array(audio.length * 4);
    for (let i = 0; i < 4; i++) long.set(audio, i * audio.length);
    const kept = DEFAULT_FEATURE_CONFIG.fixedLength ?? 0;
    for (const spec of [{ kind: 'stretch', rate: 1.25 }, { kind: 'stretch', rate: 0.8 }, { kind: 'pitch', semitones: -2 }] as const) {
      const whole = applyAugmentation(long, 22050, spec, new SeededRandom(1)).subarray(0, kept);
      const part = augmentedClip(long, 22050, spec, 1, kept).subarray(0, kept);
      expect(part.length).toBe(kept);
      expect(maxDifference(part, whole)).toBeLessThan(spec.kind === 'pitch' ? 2e-3 : 1e-5);
    }
  });

  it('skips a file that is not audio, saying so', async () => {
    const result = await featuriseClip({ name: 'notes.wav', bytes: new TextEncoder().encode('hello there, not audio'), variants: [ORIGINAL_CLIP] }, extractor);
    expect(result).toEqual({ kind: 'skipped', skip: { kind: 'not-audio', message: 'it is not an audio file (WAV, AIFF or FLAC).' } });
  });
});

describe('clipVariantKey', () => {
  it('names the original plainly and each copy by its spec and seed, whatever the key order', () => {
    expect(clipVariantKey(ORIGINAL_CLIP)).toBe('original');
    const a = clipVariantKey({ kind: 'augmented', spec: { kind: 'shift', seconds: 0.25, mode: 'roll' }, seed: 3 });
    const b = clipVariantKey({ kind: 'augmented', spec: { mode: 'roll', seconds: 0.25, kind: 'shift' }, seed: 3 });
    expect(a).toBe(b);
    expect(a).not.toBe(clipVariantKey({ kind: 'augmented', spec: { kind: 'shift', seconds: 0.25, mode: 'roll' }, seed: 4 }));
  });
});

function maxDifference(a: Float32Array, b: Float32Array): number {
  let most = 0;
  for (let i = 0; i < a.length; i++) most = Math.max(most, Math.abs(a[i] - b[i]));
  return most;
}
