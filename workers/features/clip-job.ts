import type { SkipReason } from '../../src/core/dataset';
import type { FeatureMatrix } from '../../src/core/features/feature-matrix';
import type { ClipVariant } from './clip-variant';

/** One file's bytes and the copies of it to featurise. */
export interface ClipJob {
  /** The file's name, for messages. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly variants: readonly ClipVariant[];
}

/** What a ClipJob gives: the clip's facts and one MFCC per variant, in order; or why the file cannot be used. */
export type ClipFeatures =
  | { readonly kind: 'featurised'; readonly durationSeconds: number; readonly fingerprint: string; readonly features: readonly FeatureMatrix[] }
  | { readonly kind: 'skipped'; readonly skip: SkipReason };
