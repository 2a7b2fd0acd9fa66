import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random';
import { BatchBuilder, disposeBatch } from './batch-builder';
import { DEFAULT_MASKING, maskingProblems, maskSample } from './spec-augment';

const FRAMES = 182;
const BINS = 40;

/** Which coefficients are zero in every frame, and which frames are zero in every coefficient. */
function maskedLines(sample: Float32Array): { bins: number[]; frames: number[] } {
  const bins = Array.from({ length: BINS }, (_, b) => b).filter((b) => Array.from({ length: FRAMES }, (_, f) => sample[f * BINS + b]).every((v) => v === 0));
  const frames = Array.from({ length: FRAMES }, (_, f) => f).filter((f) => sample.subarray(f * BINS, (f + 1) * BINS).every((v) => v === 0));
  return { bins, frames };
}

describe('maskSample (SpecAugment)', () => {
  it('zeroes whole coefficient bands and whole frame spans within the widths asked, nothing else', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const sample = new Float32Array(FRAMES * BINS).fill(1);
      maskSample(sample, FRAMES, BINS, DEFAULT_MASKING, new SeededRandom(seed));
      const { bins, frames } = maskedLines(sample);
      expect(bins.length).toBeLessThanOrEqual(2 * 8);
      expect(frames.length).toBeLessThanOrEqual(2 * 20);
      // Every zero lies in a masked band or span.
      sample.forEach((v, i) => {
        if (v === 0) expect(bins.includes(i % BINS) || frames.includes(Math.floor(i / BINS))).toBe(true);
      });
    }
  });

  it('masks something on most samples and draws the same masks from the same seed', () => {
    const masked = (seed: number) => {
      const sample = new Float32Array(FRAMES * BINS).fill(1);
      maskSample(sample, FRAMES, BINS, DEFAULT_MASKING, new SeededRandom(seed));
      return sample;
    };
    const zeroShares = Array.from({ length: 100 }, (_, seed) => masked(seed).filter((v) => v === 0).length / (FRAMES * BINS));
    expect(zeroShares.filter((share) => share > 0).length).toBeGreaterThan(90);
    // Expected share: 1 - (1 - ~8/40)(1 - ~20/182) ≈ 0.28 at most widths, about half that on average.
    const mean = zeroShares.reduce((a, b) => a + b, 0) / zeroShares.length;
    expect(mean).toBeGreaterThan(0.1);
    expect(mean).toBeLessThan(0.3);
    expect(masked(7)).toEqual(masked(7));
    expect(masked(7)).not.toEqual(masked(8));
  });

  it('masks the batch copies only, never the stored features', () => {
    const features = new Float32Array(3 * FRAMES * BINS).fill(2);
    const builder = new BatchBuilder({ features, labels: [0, 1, 0] }, [FRAMES, BINS], 2, undefined);
    const batch = builder.build([0, 1, 2], { options: DEFAULT_MASKING, random: new SeededRandom(3) });
    const values = batch.x.dataSync();
    expect(values.some((v) => v === 0)).toBe(true);
    expect(features.every((v) => v === 2)).toBe(true);
    disposeBatch(batch);
  });

  it('refuses negative or fractional counts', () => {
    expect(maskingProblems(DEFAULT_MASKING)).toEqual([]);
    expect(maskingProblems({ ...DEFAULT_MASKING, maxFrames: -1 })).toHaveLength(1);
    expect(maskingProblems({ ...DEFAULT_MASKING, coefficientMasks: 1.5 })).toHaveLength(1);
  });
});
