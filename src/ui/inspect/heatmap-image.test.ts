import { describe, expect, it } from 'vitest';
import type { FeatureMatrix } from '../../core/features/feature-matrix';
import { COOL_WARM, MAGMA } from './colormaps';
import { decibelScale, heatmapPixels, symmetricScale } from './heatmap-image';

/** 3 frames x 2 bins, time-major: frame t holds [bin 0, bin 1]. */
const matrix: FeatureMatrix = { data: Float32Array.from([0, 10, 5, 10, 10, 10]), frames: 3, bins: 2 };

function rgbAt(pixels: Uint8ClampedArray, width: number, x: number, y: number): number[] {
  const i = (y * width + x) * 4;
  return [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
}

describe('heatmapPixels', () => {
  it('puts time on x and bin 0 on the bottom row, opaque', () => {
    const pixels = heatmapPixels(matrix, { low: 0, high: 10 }, MAGMA);
    expect(pixels.length).toBe(3 * 2 * 4);
    const low = [...MAGMA.table.subarray(0, 3), 255];
    const high = [...MAGMA.table.subarray(255 * 3, 256 * 3), 255];
    expect(rgbAt(pixels, 3, 0, 1)).toEqual(low); // frame 0, bin 0: bottom-left
    expect(rgbAt(pixels, 3, 2, 1)).toEqual(high); // frame 2, bin 0
    for (let x = 0; x < 3; x++) expect(rgbAt(pixels, 3, x, 0)).toEqual(high); // bin 1: top row
  });

  it('clips values outside the scale to its ends', () => {
    const pixels = heatmapPixels(matrix, { low: 20, high: 30 }, COOL_WARM);
    expect(rgbAt(pixels, 3, 1, 0)).toEqual([...COOL_WARM.table.subarray(0, 3), 255]);
  });
});

describe('scales', () => {
  it('decibelScale spans 80 dB below the loudest value', () => {
    expect(decibelScale(matrix)).toEqual({ low: -70, high: 10 });
  });

  it('symmetricScale ignores coefficient 0 and is symmetric about zero', () => {
    const mfcc: FeatureMatrix = { data: Float32Array.from([-500, 3, -400, -7]), frames: 2, bins: 2 };
    expect(symmetricScale(mfcc)).toEqual({ low: -7, high: 7 });
  });
});
