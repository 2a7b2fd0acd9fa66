import type { FeatureConfig } from '../../src/core/features/feature-config';

/**
 * Which copy of an entry's audio the features are of: 'original' for the file as it is. Augmented
 * copies will name their settings here (e.g. `noise:snr=10;seed=3`), so each gets its own key.
 */
export type FeatureVariant = 'original' | (string & {});

/** Bumped whenever the cached value's layout or the feature code changes what it would compute. */
const FORMAT_VERSION = 1;

/** What identifies an entry's content: the ZIP's CRC-32 and length of its uncompressed data. */
export interface ContentIdentity {
  readonly crc32: number;
  readonly uncompressedSize: number;
}

/** The config as text with its keys sorted, so equal configs give equal strings whatever their key order. */
export function featureConfigKey(config: FeatureConfig): string {
  const entries = Object.entries(config).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}

/** The cache key of one entry's features: content identity, feature config and variant. The path is left out on purpose, so a renamed or re-zipped file still hits. */
export function featureCacheKey(content: ContentIdentity, configKey: string, variant: FeatureVariant = 'original'): string {
  const crc = (content.crc32 >>> 0).toString(16).padStart(8, '0');
  return `v${FORMAT_VERSION}|${crc}|${content.uncompressedSize}|${variant}|${configKey}`;
}
