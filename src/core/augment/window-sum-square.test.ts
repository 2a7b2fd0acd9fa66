import { describe, expect, it } from 'vitest';
import { periodicHann } from '../features/hann-window';
import { SeededRandom } from '../random/seeded-random';
import { normaliseByWindowSum } from './window-sum-square';

/** librosa's istft normalisation, literally: window_sumsquare by overlap-adding w² frame by frame. */
function reference(sum: Float64Array, scale: number, fftSize: number, hop: number, frameCount: number): Float32Array {
  const squared = periodicHann(fftSize).map((w) => w * w);
  const windowSum = new Float64Array(fftSize + hop * (frameCount - 1));
  for (let t = 0; t < frameCount; t++) for (let m = 0; m < fftSize; m++) windowSum[t * hop + m] += squared[m];
  return Float32Array.from(sum, (value, i) => {
    const w = windowSum[i + fftSize / 2] ?? 0;
    return w > 1.1754943508222875e-38 ? value / (scale * w) : value / scale;
  });
}

describe('normaliseByWindowSum (istft with window_sumsquare)', () => {
  it('matches overlap-adding the squared window, for every frame count and length', () => {
    const random = new SeededRandom(11);
    const cases: [number, number][] = [[1, 10], [2, 100], [3, 3000], [4, 1536], [5, 2049], [6, 2560], [10, 1], [100, 30000], [181, 92610], [227, 115762], [50, 40000]];
    for (const [frameCount, length] of cases) {
      const sum = Float64Array.from({ length }, () => random.gaussian());
      const out = normaliseByWindowSum(sum, 2048, 2048, 512, frameCount);
      const expected = reference(sum, 2048, 2048, 512, frameCount);
      let worst = 0;
      for (let i = 0; i < length; i++) worst = Math.max(worst, Math.abs(out[i] - expected[i]) / Math.max(1e-30, Math.abs(expected[i])));
      expect(worst, `${frameCount} frames, ${length} samples`).toBeLessThan(1e-7);
    }
  });

  it('rejects a hop that does not divide the FFT size', () => {
    expect(() => normaliseByWindowSum(new Float64Array(10), 1, 2048, 500, 3)).toThrow(RangeError);
  });
});
