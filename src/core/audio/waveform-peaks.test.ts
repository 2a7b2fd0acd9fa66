import { describe, expect, it } from 'vitest';
import { waveformPeaks } from './waveform-peaks';

describe('waveformPeaks', () => {
  it('takes the min and max of each column', () => {
    const samples = Float32Array.from([0, 1, -1, 0.5, -0.25, 0.25, 0.75, -0.5]);
    const peaks = waveformPeaks(samples, 8, 4);
    expect(Array.from(peaks.min)).toEqual([0, -1, -0.25, -0.5]);
    expect(Array.from(peaks.max)).toEqual([1, 0.5, 0.25, 0.75]);
    expect(peaks.duration).toBe(1);
  });

  it('covers every sample when columns do not divide the length', () => {
    const samples = new Float32Array(10);
    samples[9] = 0.9;
    const peaks = waveformPeaks(samples, 10, 3);
    expect(peaks.max[2]).toBeCloseTo(0.9, 6);
  });

  it('gives at most one column per sample, and none for silence of length 0', () => {
    expect(waveformPeaks(Float32Array.from([0.1, 0.2]), 2, 100).min.length).toBe(2);
    expect(waveformPeaks(new Float32Array(0), 2, 100).min.length).toBe(0);
  });
});
