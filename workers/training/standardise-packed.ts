import { FeatureStandardiser } from '../../src/core/features/feature-standardiser';
import type { FeatureMatrix } from '../../src/core/features/feature-matrix';
import { type PackedFeatures, rowCount } from '../training-data/packed-features';

/** Each row of a packed side as a matrix view (no copy). */
export function* packedRows(packed: PackedFeatures): Generator<FeatureMatrix> {
  const size = packed.frames * packed.bins;
  for (let row = 0; row < rowCount(packed); row++) yield { data: packed.x.subarray(row * size, (row + 1) * size), frames: packed.frames, bins: packed.bins };
}

/** Per-coefficient statistics of the training rows (originals and augmented copies), as the model's input normalisation. */
export function fitStandardiser(train: PackedFeatures): FeatureStandardiser {
  return FeatureStandardiser.fit(packedRows(train));
}

/** Standardises every row in place: the packed buffers are the worker's own, and a copy would double the memory. */
export function standardiseInPlace(packed: PackedFeatures, standardiser: FeatureStandardiser): void {
  const { x, bins } = packed;
  if (standardiser.bins !== bins) throw new Error(`The normalisation has ${standardiser.bins} coefficients, the features ${bins}.`);
  const scale = Float64Array.from(standardiser.std, (std) => 1 / std);
  for (let i = 0; i < x.length; i += bins) {
    for (let bin = 0; bin < bins; bin++) x[i + bin] = (x[i + bin] - standardiser.mean[bin]) * scale[bin];
  }
}
