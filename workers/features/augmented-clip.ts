import { applyAugmentation, type AugmentationSpec } from '../../src/core/augment';
import { SeededRandom } from '../../src/core/random/seeded-random';

/** librosa's STFT frame, the most a stretch reads past the samples it turns into the clip. */
const STRETCH_MARGIN = 2048;

/**
 * The clip with one augmentation applied, computed on only as much audio as the features will
 * keep (`keptLength` samples, or all when null): a 30-second file costs no more than a 4-second
 * one. A stretch by rate r reads r times the kept length; the other augmentations keep lengths.
 */
export function augmentedClip(samples: Float32Array, sampleRate: number, spec: AugmentationSpec, seed: number, keptLength: number | null): Float32Array {
  const needed = keptLength === null ? samples.length : spec.kind === 'stretch' ? Math.ceil(keptLength * Math.max(1, spec.rate)) + STRETCH_MARGIN : keptLength;
  const input = samples.length > needed ? samples.subarray(0, needed) : samples;
  return applyAugmentation(input, sampleRate, spec, new SeededRandom(seed));
}
