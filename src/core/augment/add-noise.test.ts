import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random';
import { addNoiseAtSnr } from './add-noise';
import { voiced } from './test-signals';

const SR = 22050;

function measuredSnrDb(clean: Float32Array, noisy: Float32Array): number {
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < clean.length; i++) {
    signal += clean[i] * clean[i];
    noise += (noisy[i] - clean[i]) ** 2;
  }
  return 10 * Math.log10(signal / noise);
}

describe('addNoiseAtSnr', () => {
  it('adds noise at exactly 20 dB SNR over the clip (within 0.5 dB; measured within 1e-4 dB)', () => {
    const clean = voiced(SR, 92610);
    const snr = measuredSnrDb(clean, addNoiseAtSnr(clean, 20, new SeededRandom(1)));
    expect(Math.abs(snr - 20)).toBeLessThan(0.5);
    expect(Math.abs(snr - 20)).toBeLessThan(1e-4);
  });

  it('hits any SNR, for short and long clips alike', () => {
    for (const [snrDb, length] of [[-5, 500], [0, 3000], [15, 92610], [30, 92610], [42.5, 10000]]) {
      const clean = voiced(SR, length);
      expect(measuredSnrDb(clean, addNoiseAtSnr(clean, snrDb, new SeededRandom(length)))).toBeCloseTo(snrDb, 3);
    }
  });

  it('is the same for the same seed and different for another', () => {
    const clean = voiced(SR, 5000);
    const a = addNoiseAtSnr(clean, 20, SeededRandom.derive(42, 'clip-1#noise'));
    expect(addNoiseAtSnr(clean, 20, SeededRandom.derive(42, 'clip-1#noise'))).toEqual(a);
    const b = addNoiseAtSnr(clean, 20, SeededRandom.derive(43, 'clip-1#noise'));
    expect(b).not.toEqual(a);
  });

  it('adds white Gaussian noise: mean 0, flat spectrum, normal tails', () => {
    const silentish = new Float32Array(200000).fill(1e-3);
    const noise = addNoiseAtSnr(silentish, 0, new SeededRandom(9)).map((value) => value - 1e-3);
    const n = noise.length;
    const mean = noise.reduce((sum, value) => sum + value, 0) / n;
    const variance = noise.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n;
    const sigma = Math.sqrt(variance);
    expect(Math.abs(mean) / sigma).toBeLessThan(0.01);
    const beyond = (k: number) => noise.filter((value) => Math.abs(value - mean) > k * sigma).length / n;
    expect(beyond(1)).toBeCloseTo(0.3173, 2);
    expect(beyond(2)).toBeCloseTo(0.0455, 2);
    expect(beyond(3)).toBeGreaterThan(0.0018);
    expect(beyond(3)).toBeLessThan(0.0036);
    let lagOne = 0;
    for (let i = 1; i < n; i++) lagOne += (noise[i] - mean) * (noise[i - 1] - mean);
    expect(Math.abs(lagOne / (n * variance))).toBeLessThan(0.01);
  });

  it('leaves a silent clip unchanged, and never changes its input', () => {
    expect(addNoiseAtSnr(new Float32Array(100), 20, new SeededRandom(1))).toEqual(new Float32Array(100));
    const clean = voiced(SR, 1000);
    const copy = clean.slice();
    const noisy = addNoiseAtSnr(clean, 10, new SeededRandom(1));
    expect(clean).toEqual(copy);
    expect(noisy).not.toBe(clean);
  });

  it('rejects a non-finite SNR', () => {
    expect(() => addNoiseAtSnr(voiced(SR, 10), Number.NaN, new SeededRandom(1))).toThrow(RangeError);
  });

  it('gives the same samples and leaves the stream at the same draw on the wasm kernel and in TypeScript', () => {
    for (const [seed, length] of [[1, 92610], [2, 4097], [3, 1], [4, 0], [0xffffffff, 300000]]) {
      const clean = voiced(SR, length);
      const onKernel = new SeededRandom(seed);
      const inTypeScript = new SeededRandom(seed);
      expect(addNoiseAtSnr(clean, 20, onKernel, 'wasm-simd')).toEqual(addNoiseAtSnr(clean, 20, inTypeScript, 'js'));
      expect(onKernel.next()).toBe(inTypeScript.next());
    }
    const silent = new Float32Array(1000);
    const a = new SeededRandom(5);
    const b = new SeededRandom(5);
    expect(addNoiseAtSnr(silent, 20, a, 'wasm-simd')).toEqual(addNoiseAtSnr(silent, 20, b, 'js'));
    expect(a.next()).toBe(b.next());
  });
});
