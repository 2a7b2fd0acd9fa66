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

/** One entry as the dataset sees it, with its MFCC when it could be computed. */
export interface FeaturisedEntry {
  readonly item: DatasetItem;
  readonly mfcc: FeatureMatrix | null;
}

/** Formats a browser decodes but a worker cannot: named so the user knows what to convert. */
const BROWSER_ONLY = new Set(['mp3', 'ogg', 'mp4', 'webm']);

/**
 * Reads, decodes and featurises one entry. Whatever goes wrong (the entry's own problem, damaged
 * data, not audio, a format only the page can decode) makes a skipped item saying why.
 */
export async function featuriseEntry(
  archive: ZipArchive,
  entry: ZipEntry,
  labelling: FileLabelling,
  extractor: FeatureExtractor,
  progress: DatasetProgressCounter,
): Promise<FeaturisedEntry> {
  const outcome = await readAndFeaturise(archive, entry, extractor, progress);
  if ('kind' in outcome) progress.count('skipped');
  else progress.count('featurised');
  const audio = 'kind' in outcome ? outcome : outcome.facts;
  return { item: datasetItem(entry.path, labelling, audio), mfcc: 'kind' in outcome ? null : outcome.mfcc };
}

type Featurised = { facts: { durationSeconds: number; fingerprint: string }; mfcc: FeatureMatrix };

async function readAndFeaturise(
  archive: ZipArchive,
  entry: ZipEntry,
  extractor: FeatureExtractor,
  progress: DatasetProgressCounter,
): Promise<Featurised | SkipReason> {
  if (entry.problem !== undefined) return undecodable(entry.problem);
  let bytes: Uint8Array;
  try {
    bytes = await archive.read(entry);
  } catch (error) {
    // 'unreadable' means the dropped file itself is gone (moved, deleted): one message for the
    // whole load, not one per remaining entry.
    if (error instanceof ZipError && error.kind !== 'unreadable') return undecodable(error.reason);
    throw error;
  }
  progress.count('read');
  const container = sniffContainer(bytes);
  if (container === 'unknown') return { kind: 'not-audio', message: 'it is not an audio file (WAV, AIFF or FLAC).' };
  if (BROWSER_ONLY.has(container)) {
    return undecodable(`it is ${CONTAINER_NAMES[container]} audio, which the studio cannot yet read from inside a ZIP: convert it to WAV or FLAC`);
  }
  try {
    const decoded = await decodeAudioFile(bytes, entry.name);
    if (frameCount(decoded) === 0) return undecodable('it holds no audio samples');
    progress.count('decoded');
    const audio = conformAudio(decoded, extractor.config.sampleRate);
    const { mfcc } = extractor.extract(audio.samples);
    return { facts: { durationSeconds: audio.duration, fingerprint: audioFingerprint(audio.samples) }, mfcc };
  } catch (error) {
    if (error instanceof AudioDecodeError) return undecodable(error.reason);
    return undecodable(`it could not be decoded (${error instanceof Error ? error.message : String(error)})`);
  }
}

function undecodable(reason: string): SkipReason {
  return { kind: 'undecodable', message: /[.!?]$/.test(reason) ? reason : `${reason}.` };
}
