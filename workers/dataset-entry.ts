import { datasetItem, type DatasetItem, type FileLabelling, type SkipReason } from '../src/core/dataset';
import type { FeatureMatrix } from '../src/core/features/feature-matrix';
import { type ZipArchive, type ZipEntry, ZipError } from '../src/core/zip';
import type { DatasetProgressCounter } from './dataset-progress-counter';
import type { EntryFeatures } from './feature-cache/cached-features';
import type { LoadFeatureCache } from './feature-cache/load-feature-cache';
import { ORIGINAL_CLIP } from './features/clip-variant';
import { undecodable } from './features/featurise-clip';
import type { Featuriser } from './features/featuriser';

/** One entry as the dataset sees it, with its MFCC when it could be computed. */
export interface FeaturisedEntry {
  readonly item: DatasetItem;
  readonly mfcc: FeatureMatrix | null;
}

/**
 * Reads, decodes and featurises one entry, or takes what an earlier load computed for the same
 * content from the cache. Whatever goes wrong (the entry's own problem, damaged data, not audio, a
 * format only the page can decode) makes a skipped item saying why.
 */
export async function featuriseEntry(
  archive: ZipArchive,
  entry: ZipEntry,
  labelling: FileLabelling,
  featuriser: Featuriser,
  progress: DatasetProgressCounter,
  cache: LoadFeatureCache,
): Promise<FeaturisedEntry> {
  const features = entry.problem === undefined ? await cachedOrComputed(archive, entry, featuriser, progress, cache) : skipped(undecodable(entry.problem));
  progress.count(features.kind);
  if (features.kind === 'skipped') return { item: datasetItem(entry.path, labelling, features.skip), mfcc: null };
  const { durationSeconds, fingerprint, mfcc } = features;
  return { item: datasetItem(entry.path, labelling, { durationSeconds, fingerprint }), mfcc };
}

async function cachedOrComputed(
  archive: ZipArchive,
  entry: ZipEntry,
  featuriser: Featuriser,
  progress: DatasetProgressCounter,
  cache: LoadFeatureCache,
): Promise<EntryFeatures> {
  const cached = cache.cached(entry);
  if (cached !== null) {
    progress.count('fromCache');
    return cached;
  }
  const bytes = await readEntry(archive, entry);
  if (!(bytes instanceof Uint8Array)) return skipped(bytes);
  progress.count('read');
  const clip = await featuriser.featurise({ name: entry.name, bytes, variants: [ORIGINAL_CLIP] });
  const features: EntryFeatures = clip.kind === 'skipped' ? clip : { kind: 'featurised', durationSeconds: clip.durationSeconds, fingerprint: clip.fingerprint, mfcc: clip.features[0] };
  if (features.kind === 'featurised') progress.count('decoded');
  await cache.keep(entry, features);
  return features;
}

/** An entry's bytes, or why they cannot be had; a dropped file that is gone fails the whole load. */
export async function readEntry(archive: ZipArchive, entry: ZipEntry): Promise<Uint8Array | SkipReason> {
  try {
    return await archive.read(entry);
  } catch (error) {
    // 'unreadable' means the dropped file itself is gone (moved, deleted): one message for the
    // whole load, not one per remaining entry.
    if (error instanceof ZipError && error.kind !== 'unreadable') return undecodable(error.reason);
    throw error;
  }
}

function skipped(skip: SkipReason): EntryFeatures {
  return { kind: 'skipped', skip };
}
