import type { AugmentationSpec } from '../../src/core/augment';
import type { FeatureVariant } from '../feature-cache/feature-cache-key';

/**
 * Which copy of a clip to featurise: the clip as it is, or one augmentation of it with the seed
 * of its random draws (noise), so that every worker makes exactly the same copy.
 */
export type ClipVariant = { readonly kind: 'original' } | { readonly kind: 'augmented'; readonly spec: AugmentationSpec; readonly seed: number };

export const ORIGINAL_CLIP: ClipVariant = { kind: 'original' };

/** Bumped whenever an augmentation's output changes, so copies cached by older code are not used. */
const AUGMENTATION_VERSION = 1;

/** The feature-cache variant of a copy: its spec with keys sorted, and its seed. */
export function clipVariantKey(variant: ClipVariant): FeatureVariant {
  if (variant.kind === 'original') return 'original';
  const spec = Object.fromEntries(Object.entries(variant.spec).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `augmented-v${AUGMENTATION_VERSION}:${JSON.stringify(spec)}:seed=${variant.seed >>> 0}`;
}
