import type { FeatureMatrix } from '../../core/features/feature-matrix';
import type { Colormap } from './colormaps';

/** The values mapped to the two ends of a colour scale; values beyond are clipped. */
export interface HeatmapScale {
  readonly low: number;
  readonly high: number;
}

/**
 * RGBA pixels of a frames-wide, bins-high image: time runs left to right and bin 0 (the lowest
 * coefficient or mel band) is the bottom row, as spectrograms are read.
 */
export function heatmapPixels(matrix: FeatureMatrix, scale: HeatmapScale, map: Colormap): Uint8ClampedArray<ArrayBuffer> {
  const { data, frames, bins } = matrix;
  const pixels = new Uint8ClampedArray(frames * bins * 4);
  const span = scale.high - scale.low || 1;
  for (let t = 0; t < frames; t++) {
    for (let b = 0; b < bins; b++) {
      const level = Math.round(((data[t * bins + b] - scale.low) / span) * 255);
      const entry = Math.min(255, Math.max(0, Number.isNaN(level) ? 0 : level)) * 3;
      const pixel = ((bins - 1 - b) * frames + t) * 4;
      pixels[pixel] = map.table[entry];
      pixels[pixel + 1] = map.table[entry + 1];
      pixels[pixel + 2] = map.table[entry + 2];
      pixels[pixel + 3] = 255;
    }
  }
  return pixels;
}

/** From `range` dB below the loudest cell to the loudest: what librosa's top_db keeps. */
export function decibelScale(matrix: FeatureMatrix, range = 80): HeatmapScale {
  let high = -Infinity;
  for (const value of matrix.data) high = Math.max(high, value);
  return Number.isFinite(high) ? { low: high - range, high } : { low: -range, high: 0 };
}

/**
 * Symmetric about zero, wide enough for every bin from `firstBin` on. Coefficient 0 (the frame's
 * overall level) is an order of magnitude larger than the rest and would wash them out, so it is
 * left to clip.
 */
export function symmetricScale(matrix: FeatureMatrix, firstBin = 1): HeatmapScale {
  const { data, frames, bins } = matrix;
  let peak = 0;
  for (let t = 0; t < frames; t++) {
    for (let b = Math.min(firstBin, bins - 1); b < bins; b++) peak = Math.max(peak, Math.abs(data[t * bins + b]));
  }
  const limit = peak > 0 ? peak : 1;
  return { low: -limit, high: limit };
}
