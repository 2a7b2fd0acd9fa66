import type { FeatureMatrix } from './feature-matrix';

/** The standardiser as JSON: one mean and one standard deviation per coefficient, plain arrays. */
export interface FeatureStandardiserJson {
  readonly mean: number[];
  readonly std: number[];
}

/** Running per-coefficient count, mean and sum of squared deviations (float64). */
interface Moments {
  count: number;
  readonly mean: Float64Array;
  readonly squaredDeviations: Float64Array;
}

/**
 * Per-coefficient standardisation, as scikit-learn's StandardScaler: z = (x - mean) / std, with the
 * population standard deviation (ddof 0) of each coefficient (MFCC bin) over every frame of every
 * training matrix. A coefficient that is constant in the training data gets a std of 1, so it
 * becomes x - mean instead of a division by zero.
 */
export class FeatureStandardiser {
  readonly mean: Float64Array;
  readonly std: Float64Array;

  private constructor(mean: Float64Array, std: Float64Array) {
    this.mean = mean;
    this.std = std;
  }

  get bins(): number {
    return this.mean.length;
  }

  /**
   * Fits on time-major matrices with the same number of bins (any number of frames). Each matrix's
   * moments come from two passes and are merged with Chan et al.'s pairwise update, which stays
   * accurate where the one-pass sum of squares loses every digit (values far from 0, many frames).
   */
  static fit(matrices: Iterable<FeatureMatrix>): FeatureStandardiser {
    let total: Moments | null = null;
    for (const matrix of matrices) {
      checkShape(matrix, total?.mean.length ?? matrix.bins);
      if (matrix.frames === 0) continue;
      const moments = matrixMoments(matrix);
      total = total === null ? moments : mergeMoments(total, moments);
    }
    if (total === null) throw new RangeError('Cannot standardise features from no frames: the training set is empty.');
    return new FeatureStandardiser(total.mean, standardDeviations(total));
  }

  /** Parses `toJSON`'s form from untrusted JSON; throws on a wrong shape, a non-finite value or a negative std. */
  static fromJSON(json: unknown, expectedBins?: number): FeatureStandardiser {
    if (typeof json !== 'object' || json === null) throw new TypeError('Feature standardiser: expected an object with "mean" and "std".');
    const { mean, std } = json as Record<string, unknown>;
    const means = finiteNumbers(mean, 'mean');
    const stds = finiteNumbers(std, 'std');
    if (means.length === 0 || means.length !== stds.length) {
      throw new RangeError(`Feature standardiser: "mean" has ${means.length} values and "std" ${stds.length}; they must match and not be empty.`);
    }
    if (expectedBins !== undefined && means.length !== expectedBins) {
      throw new RangeError(`Feature standardiser: ${means.length} coefficients, but the features have ${expectedBins}.`);
    }
    const negative = stds.findIndex((value) => value < 0);
    if (negative >= 0) throw new RangeError(`Feature standardiser: "std" at ${negative} is negative (${stds[negative]}).`);
    return new FeatureStandardiser(Float64Array.from(means), Float64Array.from(stds, (value) => (value === 0 ? 1 : value)));
  }

  /** A new, standardised matrix (computed in float64, stored as float32); the input is left as it was. */
  apply(matrix: FeatureMatrix): FeatureMatrix {
    checkShape(matrix, this.bins);
    const data = new Float32Array(matrix.data.length);
    for (let index = 0; index < data.length; index++) {
      const bin = index % matrix.bins;
      data[index] = (matrix.data[index] - this.mean[bin]) / this.std[bin];
    }
    return { data, frames: matrix.frames, bins: matrix.bins };
  }

  toJSON(): FeatureStandardiserJson {
    return { mean: Array.from(this.mean), std: Array.from(this.std) };
  }
}

function checkShape(matrix: FeatureMatrix, bins: number): void {
  if (matrix.bins !== bins) throw new RangeError(`Feature matrix has ${matrix.bins} coefficients, expected ${bins}.`);
  if (matrix.data.length !== matrix.frames * matrix.bins) {
    throw new RangeError(`Feature matrix holds ${matrix.data.length} values, not ${matrix.frames} frames x ${matrix.bins} coefficients.`);
  }
}

function matrixMoments({ data, frames, bins }: FeatureMatrix): Moments {
  const mean = new Float64Array(bins);
  for (let index = 0; index < data.length; index++) mean[index % bins] += data[index];
  for (let bin = 0; bin < bins; bin++) mean[bin] /= frames;
  const deviations = new Float64Array(bins);
  const squaredDeviations = new Float64Array(bins);
  for (let index = 0; index < data.length; index++) {
    const deviation = data[index] - mean[index % bins];
    deviations[index % bins] += deviation;
    squaredDeviations[index % bins] += deviation * deviation;
  }
  // The corrected two-pass form: subtracting (Σd)²/n removes the rounding error left in the mean.
  for (let bin = 0; bin < bins; bin++) squaredDeviations[bin] -= (deviations[bin] * deviations[bin]) / frames;
  return { count: frames, mean, squaredDeviations };
}

/** Chan, Golub and LeVeque's update; merges `next` into `total` and returns it. */
function mergeMoments(total: Moments, next: Moments): Moments {
  const count = total.count + next.count;
  for (let bin = 0; bin < total.mean.length; bin++) {
    const delta = next.mean[bin] - total.mean[bin];
    total.mean[bin] += (delta * next.count) / count;
    total.squaredDeviations[bin] += next.squaredDeviations[bin] + (delta * delta * total.count * next.count) / count;
  }
  total.count = count;
  return total;
}

function standardDeviations({ count, mean, squaredDeviations }: Moments): Float64Array {
  return Float64Array.from(squaredDeviations, (sum, bin) => {
    const variance = Math.max(sum / count, 0);
    return isConstant(variance, mean[bin], count) ? 1 : Math.sqrt(variance);
  });
}

/** scikit-learn's `_is_constant_feature`: a variance within the rounding error of computing it is 0. */
function isConstant(variance: number, mean: number, count: number): boolean {
  const upperBound = count * Number.EPSILON * variance + (count * mean * Number.EPSILON) ** 2;
  return variance <= upperBound;
}

function finiteNumbers(value: unknown, name: string): number[] {
  if (!Array.isArray(value)) throw new TypeError(`Feature standardiser: "${name}" must be an array of numbers.`);
  const bad = value.findIndex((entry) => typeof entry !== 'number' || !Number.isFinite(entry));
  if (bad >= 0) throw new RangeError(`Feature standardiser: "${name}" at ${bad} is not a finite number (${String(value[bad])}).`);
  return value as number[];
}
