import { describe, expect, it } from 'vitest';
import { pitchShift } from './pitch-shift';
import { maxAbsDifference, rms, tone, voiced, zeroCrossingFrequency } from './test-signals';

const SR = 22050;
const CLIP = 92610;

describe('pitchShift (librosa.effects.pitch_shift, soxr_hq)', () => {
  it('shifts a 440 Hz tone up 2 semitones to 493.88 Hz (within 0.5 %; measured within 0.001 %)', () => {
    const out = pitchShift(tone(440, SR, CLIP), SR, 2);
    const measured = zeroCrossingFrequency(out, SR, 8192, CLIP - 8192);
    expect(Math.abs(measured / 493.8833 - 1)).toBeLessThan(0.005);
    expect(Math.abs(measured / 493.8833 - 1)).toBeLessThan(1e-5);
  });

  for (const semitones of [-12, -2, -0.5, 1, 3.3, 12]) {
    it(`moves a tone by ${semitones} semitones and keeps the clip's length`, () => {
      const out = pitchShift(tone(440, SR, CLIP), SR, semitones);
      expect(out.length).toBe(CLIP);
      const expected = 440 * 2 ** (semitones / 12);
      expect(Math.abs(zeroCrossingFrequency(out, SR, 8192, CLIP - 8192) / expected - 1)).toBeLessThan(1e-4);
      expect(rms(out, 8192, CLIP - 8192) * Math.SQRT2).toBeGreaterThan(0.4);
    });
  }

  it('works at other sample rates and on short clips', () => {
    const out = pitchShift(tone(300, 16000, 16000), 16000, -1);
    expect(out.length).toBe(16000);
    expect(Math.abs(zeroCrossingFrequency(out, 16000, 3000, 13000) / (300 * 2 ** (-1 / 12)) - 1)).toBeLessThan(1e-3);
    expect(pitchShift(tone(300, SR, 500), SR, 2).length).toBe(500);
  });

  it('at 0 semitones is the rate-1 stretch: the input back to round-off', () => {
    const input = voiced(SR, CLIP);
    expect(maxAbsDifference(pitchShift(input, SR, 0), input)).toBeLessThan(1e-12);
  });

  it('is a pure function: same output every time, input untouched', () => {
    const input = voiced(SR, 30000);
    const copy = input.slice();
    const first = pitchShift(input, SR, -1.5);
    expect(pitchShift(input, SR, -1.5)).toEqual(first);
    expect(input).toEqual(copy);
  });
});
