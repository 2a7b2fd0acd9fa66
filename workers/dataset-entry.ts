import { AudioDecodeError } from '../src/core/audio/audio-decode-error';
import { CONTAINER_NAMES, sniffContainer } from '../src/core/audio/container-sniffer';
import { decodeAudioFile } from '../src/core/audio/decode-audio-file';
import { frameCount } from '../src/core/audio/decoded-audio';
import { conformAudio } from '../src/core/audio/load-audio';
import { audioFingerprint, datasetItem, type DatasetItem, type FileLabelling, type SkipReason } from '../src/core/dataset';
import type { FeatureExtractor } from '../src/core/features/feature-extractor';
import type { FeatureMatrix } from '../src/core/features/feature-matrix';
import { type ZipArchive, type ZipEntry, ZipError } from '../src/core/zip';
import type { DatasetProgressCounter } from './dataset-progress-counter';
import type { EntryFeatures } from './feature-cache/cached-features';
import type { LoadFeatureCache } from './feature-cache/load-feature-cache';

/** One entry as the dataset sees it, with its MFCC when it could be computed. */
export interface FeaturisedEntry {
  readonly item: DatasetItem;
  readonly mfcc: FeatureMatrix | null;
}

/** Formats a browser decodes but a worker cannot: named so the user knows what to convert. */
const BROWSER_ONLY = new Set(['mp3', 'ogg', 'mp4', 'webm']);

/**
 * Reads, decodes and featurises one entry, or takes what an earlier load computed for the same
 * content from the cache. Whatever goes wrong (the entry's own problem, damaged data, not audio, a
 * format only the page can decode) makes a skipped item saying why.
 */
export async function featuriseEntry(
  archive: ZipArchive,
  entry: ZipEntry,
  labelling: FileLabelling,
  extractor: FeatureExtractor,
  progress: DatasetProgressCounter,
  cache: LoadFeatureCache,
): Promise<FeaturisedEntry> {
  const features = entry.problem === undefined ? await cachedOrComputed(archive, entry, extractor, progress, cache) : skipped(undecodable(entry.problem));
  progress.count(features.kind);
  if (features.kind === 'skipped') return { item: datasetItem(entry.path, labelling, features.skip), mfcc: null };
  const { durationSeconds, fingerprint, mfcc } = features;
  return { item: datasetItem(entry.path, labelling, { durationSeconds, fingerprint }), mfcc };
}

async function cachedOrComputed(
  archive: ZipArchive,
  entry: ZipEntry,
  extractor: FeatureExtractor,
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
  const features = await decodeAndFeaturise(bytes, entry, extractor, progress);
  await cache.keep(entry, features);
  return features;
}

async function readEntry(archive: ZipArchive, entry: ZipEntry): Promise<Uint8Array | SkipReason> {
  try {
    return await archive.read(entry);
  } catch (error) {
    // 'unreadable' means the dropped file itself is gone (moved, deleted): one message for the
    // whole load, not one per remaining entry.
    if (error instanceof ZipError && error.kind !== 'unreadable') return undecodable(error.reason);
    throw error;
  }
}

async function decodeAndFeaturise(bytes: Uint8Array, entry: ZipEntry, extractor: FeatureExtractor, progress: DatasetProgressCounter): Promise<EntryFeatures> {
  const container = sniffContainer(bytes);
  if (container === 'unknown') return skipped({ kind: 'not-audio', message: 'it is not an audio file (WAV, AIFF or FLAC).' });
  if (BROWSER_ONLY.has(container)) {
    return skipped(undecodable(`it is ${CONTAINER_NAMES[container]} audio, which the studio cannot yet read from inside a ZIP: convert it to WAV or FLAC`));
  }
  try {
    const decoded = await decodeAudioFile(bytes, entry.name);
    if (frameCount(decoded) === 0) return skipped(undecodable('it holds no audio samples'));
    progress.count('decoded');
    const audio = conformAudio(decoded, extractor.config.sampleRate);
    const { mfcc } = extractor.extract(audio.samples);
    return { kind: 'featurised', durationSeconds: audio.duration, fingerprint: audioFingerprint(audio.samples), mfcc };
  } catch (error) {
    if (error instanceof AudioDecodeError) return skipped(undecodable(error.reason));
    return skipped(undecodable(`it could not be decoded (${error instanceof Error ? error.message : String(error)})`));
  }
}

function skipped(skip: SkipReason): EntryFeatures {
  return { kind: 'skipped', skip };
}

function undecodable(reason: string): SkipReason {
  return { kind: 'undecodable', message: /[.!?]$/.test(reason) ? reason : `${reason}.` };
}
