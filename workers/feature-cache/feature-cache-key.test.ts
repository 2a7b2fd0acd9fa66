import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG } from '../../src/core/features/feature-config';
import { featureCacheKey, featureConfigKey } from './feature-cache-key';

const configKey = featureConfigKey(DEFAULT_FEATURE_CONFIG);

describe('featureConfigKey', () => {
  it('is the same for equal configs whatever their key order, and differs when a parameter differs', () => {
    const reordered = Object.fromEntries(Object.entries(DEFAULT_FEATURE_CONFIG).reverse()) as typeof DEFAULT_FEATURE_CONFIG;
    expect(featureConfigKey(reordered)).toBe(configKey);
    expect(featureConfigKey({ ...DEFAULT_FEATURE_CONFIG, nMfcc: 13 })).not.toBe(configKey);
    expect(featureConfigKey({ ...DEFAULT_FEATURE_CONFIG, fixedLength: null })).not.toBe(configKey);
  });
});

describe('featureCacheKey', () => {
  const content = { crc32: 0xdeadbeef, uncompressedSize: 19_244 };

  it('depends on content identity, config and variant only', () => {
    const key = featureCacheKey(content, configKey);
    expect(key).toBe(featureCacheKey({ ...content }, configKey, 'original'));
    expect(key).toContain('deadbeef');
    expect(featureCacheKey({ ...content, crc32: 1 }, configKey)).not.toBe(key);
    expect(featureCacheKey({ ...content, uncompressedSize: 19_245 }, configKey)).not.toBe(key);
    expect(featureCacheKey(content, featureConfigKey({ ...DEFAULT_FEATURE_CONFIG, hopLength: 256 }))).not.toBe(key);
    expect(featureCacheKey(content, configKey, 'noise:snr=10;seed=1')).not.toBe(key);
  });

  it('reads a CRC-32 with the top bit set as unsigned', () => {
    expect(featureCacheKey({ crc32: -1, uncompressedSize: 4 }, configKey)).toBe(featureCacheKey({ crc32: 0xffffffff, uncompressedSize: 4 }, configKey));
  });
});
