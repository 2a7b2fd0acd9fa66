import { describe, expect, it } from 'vitest';
import { binRows, featuresFileName } from './features-json';

describe('features JSON', () => {
  it('writes time-major matrices as [bin][frame] rows, as librosa returns them', () => {
    const rows = binRows({ data: Float32Array.from([1, 2, 3, 4, 5, 6]), frames: 3, bins: 2 });
    expect(rows).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });

  it.each([
    ['clip.wav', 'clip.features.json'],
    ['take.2.final.mp3', 'take.2.final.features.json'],
    ['no-extension', 'no-extension.features.json'],
    ['.wav', 'audio.features.json'],
  ])('names the download for %s', (name, expected) => {
    expect(featuresFileName(name)).toBe(expected);
  });
});
