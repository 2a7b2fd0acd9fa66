import { describe, expect, it } from 'vitest';
import { periodicHann } from '../features/hann-window';
import { StftAnalysis } from './stft-analysis';
import { voiced } from './test-signals';

/** Frame t of librosa.stft(center=True, pad_mode='constant'), by a direct DFT of the padded signal. */
function directFrame(samples: Float32Array, t: number, fftSize: number, hop: number, bin: number): [number, number] {
  const window = periodicHann(fftSize);
  let re = 0;
  let im = 0;
  for (let m = 0; m < fftSize; m++) {
    const n = t * hop - fftSize / 2 + m;
    const value = n >= 0 && n < samples.length ? window[m] * samples[n] : 0;
    re += value * Math.cos((2 * Math.PI * bin * m) / fftSize);
    im -= value * Math.sin((2 * Math.PI * bin * m) / fftSize);
  }
  return [re, im];
}

describe('StftAnalysis (librosa.stft, centred, zero padded)', () => {
  it('has 1 + floor(n / hop) frames', () => {
    for (const n of [1, 511, 512, 513, 2048, 92610]) expect(new StftAnalysis(new Float32Array(n), 2048, 512).frameCount).toBe(1 + Math.floor(n / 512));
  });

  it('gives the windowed DFT of each frame, edge frames padded with zeros', () => {
    const samples = voiced(22050, 5000);
    const analysis = new StftAnalysis(samples, 256, 64);
    const re = new Float64Array(129);
    const im = new Float64Array(129);
    for (const t of [0, 1, 2, 40, analysis.frameCount - 2, analysis.frameCount - 1]) {
      analysis.spectrum(t, re, im);
      for (const bin of [0, 1, 17, 64, 128]) {
        const [expectedRe, expectedIm] = directFrame(samples, t, 256, 64, bin);
        expect(re[bin]).toBeCloseTo(expectedRe, 10);
        expect(im[bin]).toBeCloseTo(expectedIm, 10);
      }
    }
  });
});
