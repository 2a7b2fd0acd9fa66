import { describe, expect, it } from 'vitest';
import { burstAt, onsetIndex, tone } from './test-signals';
import { type ShiftMode, shiftSamples, shiftSeconds } from './time-shift';

const SR = 22050;

describe('shiftSamples / shiftSeconds', () => {
  it('moves the onset of a burst after silence by the set amount, both ways, in both modes', () => {
    const clip = burstAt(10000, 30000, SR);
    for (const mode of ['roll', 'zero-fill'] as const) {
      for (const offset of [1, 2205, 11025, -1, -5000, -9999]) {
        const out = shiftSamples(clip, offset, mode);
        expect(out.length).toBe(clip.length);
        expect(onsetIndex(out), `${mode} ${offset}`).toBe(10000 + offset);
      }
    }
  });

  it('converts seconds to samples (positive = later), rounding ties to even', () => {
    const clip = burstAt(10000, 30000, SR);
    // 0.25 s · 22050 Hz = 5512.5 samples → 5512
    expect(onsetIndex(shiftSeconds(clip, SR, 0.25, 'zero-fill'))).toBe(10000 + 5512);
    expect(onsetIndex(shiftSeconds(clip, SR, -0.1, 'roll'))).toBe(10000 - 2205);
    expect(onsetIndex(shiftSeconds(clip, 16000, 0.5, 'roll'))).toBe(18000);
  });

  it("'roll' wraps around like np.roll; 'zero-fill' drops what moves past the ends and fills the gap with zeros", () => {
    const clip = Float32Array.from([1, 2, 3, 4, 5]);
    const cases: [ShiftMode, number, number[]][] = [
      ['roll', 2, [4, 5, 1, 2, 3]],
      ['roll', -2, [3, 4, 5, 1, 2]],
      ['roll', 7, [4, 5, 1, 2, 3]],
      ['roll', -12, [3, 4, 5, 1, 2]],
      ['roll', 0, [1, 2, 3, 4, 5]],
      ['zero-fill', 2, [0, 0, 1, 2, 3]],
      ['zero-fill', -2, [3, 4, 5, 0, 0]],
      ['zero-fill', 9, [0, 0, 0, 0, 0]],
      ['zero-fill', -9, [0, 0, 0, 0, 0]],
    ];
    for (const [mode, offset, expected] of cases) expect([...shiftSamples(clip, offset, mode)], `${mode} ${offset}`).toEqual(expected);
  });

  it('keeps the energy when rolling, returns a new array and never changes its input', () => {
    const clip = tone(440, SR, 4000);
    const copy = clip.slice();
    const out = shiftSamples(clip, 123, 'roll');
    expect(out).not.toBe(clip);
    expect([...out].sort()).toEqual([...clip].sort());
    expect(clip).toEqual(copy);
    expect(shiftSamples(new Float32Array(0), 5, 'roll')).toEqual(new Float32Array(0));
  });

  it('rejects a fractional number of samples', () => {
    expect(() => shiftSamples(tone(440, SR, 10), 1.5, 'roll')).toThrow(RangeError);
  });
});
