import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG } from '../../src/core/features/feature-config';
import type { ZipEntry } from '../../src/core/zip';
import type { FeatureCache } from './feature-cache';
import { CACHE_UNUSABLE_NOTICE, LoadFeatureCache } from './load-feature-cache';
import { MemoryFeatureCache } from './memory-feature-cache';

const entry = (name: string) => ({ path: name, name, crc32: name.length, uncompressedSize: 10 }) as unknown as ZipEntry;
const features = { kind: 'featurised', durationSeconds: 1, fingerprint: 'f', mfcc: { data: new Float32Array(4), frames: 2, bins: 2 } } as const;

/** A cache whose transactions never settle, as an incognito profile's past its quota was seen to do. */
class StuckCache extends MemoryFeatureCache implements FeatureCache {
  override setMany(): Promise<void> {
    return new Promise(() => undefined);
  }
}

describe('LoadFeatureCache', () => {
  it('gives up on a cache that never answers, with a notice, instead of stalling the load', async () => {
    const cache = new LoadFeatureCache(new StuckCache(), DEFAULT_FEATURE_CONFIG, 50);
    await cache.keep(entry('a.wav'), features);
    const started = performance.now();
    await cache.flush();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(cache.notice).toBe(CACHE_UNUSABLE_NOTICE);
    await cache.keep(entry('b.wav'), features);
    await cache.flush();
  });

  it('keeps and finds features in a cache that answers', async () => {
    const store = new MemoryFeatureCache();
    const writer = new LoadFeatureCache(store, DEFAULT_FEATURE_CONFIG, 50);
    await writer.keep(entry('a.wav'), features);
    await writer.flush();
    const reader = new LoadFeatureCache(store, DEFAULT_FEATURE_CONFIG, 50);
    await reader.prefetch([entry('a.wav')]);
    expect(reader.cached(entry('a.wav'))).toMatchObject({ kind: 'featurised', durationSeconds: 1 });
    expect(reader.notice).toBeNull();
  });
});
