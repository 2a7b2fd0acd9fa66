import type { SkipReason } from '../../src/core/dataset';
import type { FeatureMatrix } from '../../src/core/features/feature-matrix';

/** What the dataset worker computes for one entry: its facts and MFCC, or why it was skipped. */
export type EntryFeatures =
  | { readonly kind: 'featurised'; readonly durationSeconds: number; readonly fingerprint: string; readonly mfcc: FeatureMatrix }
  | { readonly kind: 'skipped'; readonly skip: SkipReason };

/** EntryFeatures as stored: plain data that structured clone (IndexedDB, postMessage) copies exactly. */
export type CachedFeatures =
  | { readonly kind: 'featurised'; readonly durationSeconds: number; readonly fingerprint: string; readonly frames: number; readonly bins: number; readonly data: Float32Array }
  | { readonly kind: 'skipped'; readonly skip: SkipReason };

/** The MFCC is copied: its array may be a view of a larger buffer that must not be stored whole. */
export function toCached(features: EntryFeatures): CachedFeatures {
  if (features.kind === 'skipped') return { kind: 'skipped', skip: { kind: features.skip.kind, message: features.skip.message } };
  const { durationSeconds, fingerprint, mfcc } = features;
  return { kind: 'featurised', durationSeconds, fingerprint, frames: mfcc.frames, bins: mfcc.bins, data: mfcc.data.slice() };
}

/** Null when the stored value is not one this code wrote (an older layout, damaged data): a miss. */
export function fromCached(value: unknown): EntryFeatures | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'skipped' && isRecord(value.skip) && typeof value.skip.message === 'string') {
    return { kind: 'skipped', skip: value.skip as unknown as SkipReason };
  }
  if (value.kind !== 'featurised' || !(value.data instanceof Float32Array)) return null;
  const { durationSeconds, fingerprint, frames, bins, data } = value;
  if (typeof durationSeconds !== 'number' || typeof fingerprint !== 'string' || typeof frames !== 'number' || typeof bins !== 'number') return null;
  if (frames * bins !== data.length) return null;
  return { kind: 'featurised', durationSeconds, fingerprint, mfcc: { data, frames, bins } };
}

/** Bytes a stored value takes, roughly: its samples plus its text at two bytes a character and a little for the record. */
export function cachedSize(value: CachedFeatures): number {
  const RECORD_OVERHEAD = 64;
  if (value.kind === 'skipped') return RECORD_OVERHEAD + 2 * (value.skip.kind.length + value.skip.message.length);
  return RECORD_OVERHEAD + value.data.byteLength + 2 * value.fingerprint.length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
