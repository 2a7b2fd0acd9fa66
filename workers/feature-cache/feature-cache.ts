import type { CachedFeatures } from './cached-features';

/** How much the cache holds. */
export interface FeatureCacheSize {
  readonly entries: number;
  readonly bytes: number;
}

/**
 * Where computed features are kept between loads. The dataset worker uses IndexedDB; tests use
 * the in-memory one. Values are returned as stored; unknown keys are absent from the map.
 */
export interface FeatureCache {
  getMany(keys: readonly string[]): Promise<Map<string, CachedFeatures>>;
  setMany(entries: readonly (readonly [string, CachedFeatures])[]): Promise<void>;
  size(): Promise<FeatureCacheSize>;
  clear(): Promise<void>;
}
