import { describe, expect, it } from 'vitest';
import { librosaReference, readFixture, referenceNames } from '../../fixtures/fixtures';
import { loadAudio } from '../audio/load-audio';
import { DEFAULT_FEATURE_CONFIG } from './feature-config';
import { FeatureExtractor } from './feature-extractor';

const extractor = new FeatureExtractor({ ...DEFAULT_FEATURE_CONFIG, fixedLength: null });
const rows: string[] = [];

/** Max and mean |ours - librosa| of the MFCC, over a [coef][frame] reference. */
function mfccDifference(data: Float32Array, bins: number, reference: number[][]) {
  let max = 0;
  let sum = 0;
  let count = 0;
  reference.forEach((row, k) =>
    row.forEach((value, t) => {
      const d = Math.abs(data[t * bins + k] - value);
      max = Math.max(max, d);
      sum += d;
      count++;
    }),
  );
  return { max, mean: sum / count };
}

describe('native-rate files through our reader and resampler match librosa.load + mfcc', () => {
  for (const name of referenceNames()) {
    it(name, async () => {
      const reference = librosaReference(name);
      const audio = await loadAudio(readFixture(`audio/${name}.wav`), name, DEFAULT_FEATURE_CONFIG.sampleRate);
      expect(audio.sourceRate).toBe(reference.source.native_sr);
      expect(audio.samples.length).toBe(reference.n_samples);
      const { mfcc } = extractor.extract(audio.samples);
      const { max, mean } = mfccDifference(mfcc.data, mfcc.bins, reference.mfcc);
      rows.push(`${name.padEnd(30)} ${String(audio.sourceRate).padStart(6)} Hz  max ${max.toFixed(4)}  mean ${mean.toFixed(5)}`);
      // The issue asks for max <= 1.0 from 22.05 kHz up (soxr_vhq vs soxr_hq differ by 0.17). Our
      // resampler follows soxr_hq's own design, measured at <= 0.0051 on every file, 16 kHz included,
      // which is the references' rounding to 5 significant digits: hold it to 0.05.
      expect(max).toBeLessThanOrEqual(0.05);
    });
  }
  it('prints the figures', () => console.log(`|dMFCC| vs librosa from native-rate files:\n${rows.join('\n')}`));
});
