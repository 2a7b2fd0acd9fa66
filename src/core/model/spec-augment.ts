import type { SeededRandom } from '../random/seeded-random';

/**
 * SpecAugment's masking (Park et al. 2019) on a standardised feature matrix: bands of
 * coefficients and spans of frames set to 0, the training mean. It keeps the model from leaning
 * on any one coefficient or moment, which is what lets it carry over to voices it never heard.
 */
export interface MaskingOptions {
  /** Masks across coefficients per sample, each up to `maxCoefficients` wide. */
  readonly coefficientMasks: number;
  readonly maxCoefficients: number;
  /** Masks across frames per sample, each up to `maxFrames` long. */
  readonly frameMasks: number;
  readonly maxFrames: number;
}

export const DEFAULT_MASKING: MaskingOptions = { coefficientMasks: 2, maxCoefficients: 8, frameMasks: 2, maxFrames: 20 };

/**
 * Masks one sample in place: `sample` holds `frames` rows of `bins` values (time-major, as the
 * model's input). Each mask's width is drawn from 0..max and its start from anywhere in the
 * matrix; a mask that runs past the end is cut there.
 */
export function maskSample(sample: Float32Array, frames: number, bins: number, options: MaskingOptions, random: SeededRandom): void {
  for (let m = 0; m < options.coefficientMasks; m++) {
    const width = random.nextInt(options.maxCoefficients + 1);
    const start = random.nextInt(bins);
    const end = Math.min(bins, start + width);
    for (let frame = 0; frame < frames; frame++) sample.fill(0, frame * bins + start, frame * bins + end);
  }
  for (let m = 0; m < options.frameMasks; m++) {
    const width = random.nextInt(options.maxFrames + 1);
    const start = random.nextInt(frames);
    sample.fill(0, start * bins, Math.min(frames, start + width) * bins);
  }
}

export function maskingProblems(options: MaskingOptions): string[] {
  const counts = [options.coefficientMasks, options.maxCoefficients, options.frameMasks, options.maxFrames];
  return counts.every((n) => Number.isInteger(n) && n >= 0 && n <= 1000) ? [] : ['Mask counts and widths must be whole numbers from 0 to 1000.'];
}
