import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './feature-config';
import { FeatureExtractor } from './feature-extractor';

/** A deterministic test signal: a chirp plus low noise, in [-0.5, 0.5]. */
function chirp(length: number, sampleRate: number): Float32Array {
  const signal = new Float32Array(length);
  let seed = 12345;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const t = i / sampleRate;
    signal[i] = 0.4 * Math.sin(2 * Math.PI * (100 * t + 800 * t * t)) + 0.1 * (seed / 0x7fffffff - 0.5);
  }
  return signal;
}

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

const CONFIGS: [string, Partial<FeatureConfig>][] = [
  ['the thesis default', {}],
  ['full length, no top_db', { fixedLength: null, topDb: null }],
  ['HTK mel, no band norm, 64 bands, 13 coefficients', { melScale: 'htk', melNorm: null, nMels: 64, nMfcc: 13 }],
  ['16 kHz, n_fft 512, hop 160, 40 bands, fmin 20, fmax 7600', { sampleRate: 16000, nFft: 512, hopLength: 160, nMels: 40, fMin: 20, fMax: 7600, fixedLength: 32000 }],
  ['no centring', { center: false, fixedLength: null }],
];

describe('the wasm SIMD kernel (float32) and the TypeScript path (float64) agree', () => {
  it.each(CONFIGS)('%s', (_name, overrides) => {
    const config = { ...DEFAULT_FEATURE_CONFIG, ...overrides };
    const fast = new FeatureExtractor(config, 'wasm-simd');
    const exact = new FeatureExtractor(config, 'js');
    for (const length of [config.nFft - 1, 12_345, 50_000, 92_672]) {
      const signal = chirp(length, config.sampleRate);
      const a = fast.extract(signal);
      const b = exact.extract(signal);
      expect(a.mfcc.frames).toBe(b.mfcc.frames);
      expect(maxAbsDifference(a.logMel.data, b.logMel.data)).toBeLessThan(0.01);
      expect(maxAbsDifference(a.mfcc.data, b.mfcc.data)).toBeLessThan(0.01);
    }
  });

  it('silence gives the amin floor everywhere, in both', () => {
    for (const backend of ['wasm-simd', 'js'] as const) {
      const { logMel, mfcc } = new FeatureExtractor(DEFAULT_FEATURE_CONFIG, backend).extract(new Float32Array(10_000));
      expect(Math.max(...logMel.data)).toBe(-100);
      expect(Math.min(...logMel.data)).toBe(-100);
      expect(mfcc.data[0]).toBeCloseTo(-100 * Math.sqrt(128), 3);
      expect(Math.abs(mfcc.data[1])).toBeLessThan(1e-3);
    }
  });

  it('a second clip does not see the first one (kernel memory is reused)', () => {
    const extractor = new FeatureExtractor({ ...DEFAULT_FEATURE_CONFIG, fixedLength: null }, 'wasm-simd');
    const short = chirp(5000, 22050);
    const before = extractor.extract(short).mfcc.data;
    extractor.extract(chirp(200_000, 22050));
    expect(maxAbsDifference(extractor.extract(short).mfcc.data, before)).toBe(0);
  });
});
