import { type AugmentationSettings, drawAugmentations } from '../../src/core/augment';
import { SeededRandom } from '../../src/core/random/seeded-random';
import type { ClipVariant } from '../features/clip-variant';

/** How many augmented copies of each training clip to make, and from which settings. */
export interface AugmentationPlan {
  readonly settings: AugmentationSettings;
  /** Copies per training clip; 0 trains on the clips as they are. */
  readonly copies: number;
}

/**
 * The augmented copies of one training clip. Drawn from a stream seeded by the run's seed and the
 * clip's content (not its name), so the same data and seed give the same copies, which then come
 * from the feature cache.
 */
export function planCopies(plan: AugmentationPlan, seed: number, contentKey: string): ClipVariant[] {
  const random = SeededRandom.derive(seed, `augment|${contentKey}`);
  return drawAugmentations(plan.settings, plan.copies, random).map((spec) => ({ kind: 'augmented', spec, seed: random.nextInt(0x7fffffff) }));
}
