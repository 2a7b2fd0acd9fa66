import { cachedSize, type CachedFeatures } from './cached-features';
import type { FeatureCache, FeatureCacheSize } from './feature-cache';

/** A FeatureCache in a Map, for tests and for browsers without IndexedDB; `failWrites` stands in for a full disk. */
export class MemoryFeatureCache implements FeatureCache {
  readonly #values = new Map<string, CachedFeatures>();
  failWrites: Error | null = null;

  async getMany(keys: readonly string[]): Promise<Map<string, CachedFeatures>> {
    const found = new Map<string, CachedFeatures>();
    for (const key of keys) {
      const value = this.#values.get(key);
      if (value !== undefined) found.set(key, value);
    }
    return found;
  }

  async setMany(entries: readonly (readonly [string, CachedFeatures])[]): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    for (const [key, value] of entries) this.#values.set(key, value);
  }

  async size(): Promise<FeatureCacheSize> {
    let bytes = 0;
    for (const value of this.#values.values()) bytes += cachedSize(value);
    return { entries: this.#values.size, bytes };
  }

  async clear(): Promise<void> {
    this.#values.clear();
  }
}
