import { describe, expect, it } from 'vitest';
import { predictionWindows } from './prediction-windows';

describe('predictionWindows', () => {
  it('gives one window, the clip as it is, when the clip fits', () => {
    expect(predictionWindows(100, 100, 50)).toEqual([{ start: 0, end: 100 }]);
    expect(predictionWindows(30, 100, 50)).toEqual([{ start: 0, end: 30 }]);
  });

  it('slides by the hop and ends the last window at the clip end', () => {
    expect(predictionWindows(101, 100, 50)).toEqual([{ start: 0, end: 100 }, { start: 1, end: 101 }]);
    expect(predictionWindows(250, 100, 50)).toEqual([
      { start: 0, end: 100 },
      { start: 50, end: 150 },
      { start: 100, end: 200 },
      { start: 150, end: 250 },
    ]);
    expect(predictionWindows(260, 100, 50).at(-1)).toEqual({ start: 160, end: 260 });
  });

  it('covers every sample with full windows', () => {
    for (const length of [101, 149, 150, 151, 999, 1000]) {
      const spans = predictionWindows(length, 100, 50);
      expect(spans.every((s) => s.end - s.start === 100 && s.start >= 0 && s.end <= length)).toBe(true);
      expect(spans.at(-1)!.end).toBe(length);
      spans.slice(1).forEach((s, i) => expect(s.start - spans[i].end).toBeLessThanOrEqual(0));
    }
  });

  it('refuses a zero window or hop', () => {
    expect(() => predictionWindows(10, 0, 5)).toThrow(RangeError);
    expect(() => predictionWindows(10, 5, 0)).toThrow(RangeError);
  });
});
