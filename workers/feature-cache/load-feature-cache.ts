import type { FeatureConfig } from '../../src/core/features/feature-config';
import type { ZipEntry } from '../../src/core/zip';
import { type EntryFeatures, fromCached, toCached, type CachedFeatures } from './cached-features';
import type { FeatureCache } from './feature-cache';
import { featureCacheKey, featureConfigKey, type FeatureVariant } from './feature-cache-key';

/** One copy of one entry's features: the entry and which variant of its audio. */
export interface EntryVariant {
  readonly entry: ZipEntry;
  readonly variant: FeatureVariant;
}

/** Entries written per transaction: few enough to lose little if the tab closes, many enough to be cheap. */
const WRITE_BATCH = 32;

export const CACHE_FULL_NOTICE =
  'The feature cache is full (the browser gave it no more storage), so some features of this load were not kept: the next load of these files computes them again. Clear the feature cache or free disk space.';
export const CACHE_UNUSABLE_NOTICE = 'The feature cache could not be used, so features of this load were computed and not kept.';

/**
 * Longest wait for one cache transaction. In an incognito (in-memory) profile, a write past its
 * quota was seen to never settle (no error, no completion); a load must not wait on it forever.
 */
export const CACHE_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * One load's use of the feature cache: looks up an archive's entries before they are read and
 * keeps what was computed, in batches. The cache never fails a load: its errors become `notice`
 * and the rest of the load goes without it.
 */
export class LoadFeatureCache {
  readonly #cache: FeatureCache | null;
  readonly #configKey: string;
  #found = new Map<string, EntryFeatures>();
  #batch: [string, CachedFeatures][] = [];
  #notice: string | null = null;
  readonly #timeoutMs: number;

  constructor(cache: FeatureCache | null, config: FeatureConfig, timeoutMs = CACHE_TRANSACTION_TIMEOUT_MS) {
    this.#cache = cache;
    this.#configKey = featureConfigKey(config);
    this.#timeoutMs = timeoutMs;
  }

  /** A sentence for the user when the cache could not be read or written; null when all went well. */
  get notice(): string | null {
    return this.#notice;
  }

  /** Looks up all these entries at once, so each one's `cached` answers without waiting. */
  prefetch(entries: readonly ZipEntry[], variant: FeatureVariant = 'original'): Promise<void> {
    return this.prefetchVariants(entries.map((entry) => ({ entry, variant })));
  }

  /** Looks up all these copies at once, replacing what an earlier prefetch found. */
  async prefetchVariants(copies: readonly EntryVariant[]): Promise<void> {
    if (!this.#usable()) return;
    try {
      const stored = await settleWithin(this.#cache!.getMany(copies.map(({ entry, variant }) => this.#key(entry, variant))), this.#timeoutMs);
      this.#found = new Map();
      for (const [key, value] of stored) {
        const features = fromCached(value);
        if (features !== null) this.#found.set(key, features);
      }
    } catch (error) {
      this.#giveUp(error);
    }
  }

  cached(entry: ZipEntry, variant: FeatureVariant = 'original'): EntryFeatures | null {
    return this.#found.get(this.#key(entry, variant)) ?? null;
  }

  async keep(entry: ZipEntry, features: EntryFeatures, variant: FeatureVariant = 'original'): Promise<void> {
    if (!this.#usable()) return;
    this.#batch.push([this.#key(entry, variant), toCached(features)]);
    if (this.#batch.length >= WRITE_BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.#batch;
    this.#batch = [];
    if (!this.#usable() || batch.length === 0) return;
    try {
      await settleWithin(this.#cache!.setMany(batch), this.#timeoutMs);
    } catch (error) {
      this.#giveUp(error);
    }
  }

  #usable(): boolean {
    return this.#cache !== null && this.#notice === null;
  }

  #key(entry: ZipEntry, variant: FeatureVariant): string {
    return featureCacheKey(entry, this.#configKey, variant);
  }

  #giveUp(error: unknown): void {
    this.#batch = [];
    this.#notice = isQuotaError(error) ? CACHE_FULL_NOTICE : CACHE_UNUSABLE_NOTICE;
  }
}

function isQuotaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'QuotaExceededError';
}

/** The promise's outcome, or a rejection once `ms` have passed without one. */
function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The feature cache did not answer within ${ms / 1000} s.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
