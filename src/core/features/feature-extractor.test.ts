import { describe, expect, it } from 'vitest';
import { librosaReference, readFixture, referenceNames } from '../../fixtures/fixtures';
import { mixToMono } from '../audio/mix-to-mono';
import { readWav } from '../audio/wav-reader';
import { DEFAULT_FEATURE_CONFIG } from './feature-config';
import { FeatureExtractor } from './feature-extractor';
import type { FeatureMatrix } from './feature-matrix';

const backends = ['wasm-simd', 'js'] as const;

/** max |ours - reference| over a [row][frame] reference. */
function maxAbsDifference(ours: FeatureMatrix, reference: number[][]): number {
  expect(ours.bins).toBe(reference.length);
  expect(ours.frames).toBe(reference[0].length);
  let worst = 0;
  for (let row = 0; row < ours.bins; row++) {
    for (let t = 0; t < ours.frames; t++) {
      worst = Math.max(worst, Math.abs(ours.data[t * ours.bins + row] - reference[row][t]));
    }
  }
  return worst;
}

describe.each(backends)('features (%s) match librosa 0.11 on its own 22050 Hz signals', (backend) => {
  const fullLength = new FeatureExtractor({ ...DEFAULT_FEATURE_CONFIG, fixedLength: null }, backend);
  const thesisLength = new FeatureExtractor(DEFAULT_FEATURE_CONFIG, backend);
  const rows: string[] = [];
  for (const name of referenceNames()) {
    it(name, () => {
      const reference = librosaReference(name);
      const audio = readWav(readFixture(`audio_22050/${name}.wav`), name);
      expect(audio.sampleRate).toBe(22050);
      const samples = mixToMono(audio);
      expect(samples.length).toBe(reference.n_samples);

      const full = fullLength.extract(samples);
      const fixed = thesisLength.extract(samples);
      const mfcc = maxAbsDifference(full.mfcc, reference.mfcc);
      const logMel = maxAbsDifference(full.logMel, reference.logmel_db);
      const mfcc182 = maxAbsDifference(fixed.mfcc, reference.mfcc_182);
      rows.push(`${name.padEnd(32)} mfcc ${mfcc.toFixed(5)}  log-mel ${logMel.toFixed(5)} dB  mfcc_182 ${mfcc182.toFixed(5)}`);
      expect(fixed.mfcc.frames).toBe(182);
      expect(mfcc).toBeLessThanOrEqual(0.01);
      expect(logMel).toBeLessThanOrEqual(0.01);
      expect(mfcc182).toBeLessThanOrEqual(0.01);
    });
  }
  it('prints the figures', () => console.log(`${backend}: max |difference| vs librosa (22050 Hz input):\n${rows.join('\n')}`));
});
