import type { AugmentationKind } from './augmentation-spec';
import type { ShiftMode } from './time-shift';

/** A closed interval [min, max] that parameters are drawn from uniformly. */
export interface ParameterRange {
  readonly min: number;
  readonly max: number;
}

/** What the Train page chooses: which augmentations to use and the ranges their parameters are drawn from. */
export interface AugmentationSettings {
  /** The augmentations in use; augmented copy i of a clip is of kind kinds[i mod kinds.length]. */
  readonly kinds: readonly AugmentationKind[];
  readonly noise: { readonly snrDb: ParameterRange };
  readonly stretch: { readonly rate: ParameterRange };
  /**
   * `step` 0 draws semitones uniformly from the range; `step` > 0 from the multiples of step within
   * it, each equally likely. A grid of at most 16 values lets the resampler reuse its filters (it
   * caches 16 rate pairs); otherwise each clip's new rate costs a filter design, ~1.2 ms.
   */
  readonly pitch: { readonly semitones: ParameterRange; readonly step: number };
  readonly shift: { readonly seconds: ParameterRange; readonly mode: ShiftMode };
}

export const DEFAULT_AUGMENTATION_SETTINGS: AugmentationSettings = {
  kinds: ['noise', 'stretch', 'pitch', 'shift'],
  noise: { snrDb: { min: 15, max: 30 } },
  stretch: { rate: { min: 0.8, max: 1.25 } },
  pitch: { semitones: { min: -2, max: 2 }, step: 0 },
  shift: { seconds: { min: -0.5, max: 0.5 }, mode: 'roll' },
};
