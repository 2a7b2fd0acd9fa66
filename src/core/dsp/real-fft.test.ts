import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random';
import { RealFft } from './real-fft';

function naiveDft(x: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = x.length;
  const re = new Float64Array(n / 2 + 1);
  const im = new Float64Array(n / 2 + 1);
  for (let k = 0; k <= n / 2; k++) {
    for (let t = 0; t < n; t++) {
      re[k] += x[t] * Math.cos((2 * Math.PI * k * t) / n);
      im[k] -= x[t] * Math.sin((2 * Math.PI * k * t) / n);
    }
  }
  return { re, im };
}

function randomFrame(size: number, seed: number): Float64Array {
  const random = new SeededRandom(seed);
  return Float64Array.from({ length: size }, () => random.gaussian());
}

function pack(fft: RealFft, frame: Float64Array): void {
  for (let m = 0; m < frame.length / 2; m++) {
    fft.even[m] = frame[2 * m];
    fft.odd[m] = frame[2 * m + 1];
  }
}

describe('RealFft (numpy rfft / irfft)', () => {
  for (const size of [8, 16, 32, 256, 2048]) {
    it(`forward of ${size} real samples matches a direct DFT`, () => {
      const fft = new RealFft(size);
      const frame = randomFrame(size, size);
      const expected = naiveDft(frame);
      const re = new Float64Array(size / 2 + 1);
      const im = new Float64Array(size / 2 + 1);
      pack(fft, frame);
      fft.forward(re, im);
      for (let k = 0; k <= size / 2; k++) {
        expect(re[k]).toBeCloseTo(expected.re[k], 9);
        expect(im[k]).toBeCloseTo(expected.im[k], 9);
      }
      expect(Object.is(im[0], 0) && Object.is(im[size / 2], 0)).toBe(true);
    });

    it(`inverse of ${size} bins gives N times the frame back`, () => {
      const fft = new RealFft(size);
      const frame = randomFrame(size, size + 1);
      const re = new Float64Array(size / 2 + 1);
      const im = new Float64Array(size / 2 + 1);
      pack(fft, frame);
      fft.forward(re, im);
      fft.inverseUnscaled(re, im);
      for (let m = 0; m < size / 2; m++) {
        expect(fft.even[m] / size).toBeCloseTo(frame[2 * m], 12);
        expect(fft.odd[m] / size).toBeCloseTo(frame[2 * m + 1], 12);
      }
    });
  }

  it('ignores the imaginary parts of the DC and Nyquist bins, as numpy.fft.irfft does', () => {
    const fft = new RealFft(16);
    const re = Float64Array.from({ length: 9 }, (_, k) => 1 / (k + 1));
    const im = Float64Array.from({ length: 9 }, (_, k) => (k % 3) - 1);
    fft.inverseUnscaled(re, im);
    const withImaginary = [...fft.even, ...fft.odd];
    im[0] = 0;
    im[8] = 0;
    fft.inverseUnscaled(re, im);
    expect([...fft.even, ...fft.odd]).toEqual(withImaginary);
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => new RealFft(12)).toThrow(RangeError);
    expect(() => new RealFft(4)).toThrow(RangeError);
  });
});
