import { AudioDecodeError } from '../../src/core/audio/audio-decode-error';
import { CONTAINER_NAMES, sniffContainer } from '../../src/core/audio/container-sniffer';
import { decodeAudioFile } from '../../src/core/audio/decode-audio-file';
import { frameCount } from '../../src/core/audio/decoded-audio';
import { conformAudio } from '../../src/core/audio/load-audio';
import { audioFingerprint, type SkipReason } from '../../src/core/dataset';
import type { FeatureExtractor } from '../../src/core/features/feature-extractor';
import type { FeatureMatrix } from '../../src/core/features/feature-matrix';
import { augmentedClip } from './augmented-clip';
import type { ClipFeatures, ClipJob } from './clip-job';
import type { ClipVariant } from './clip-variant';

/** Formats a browser decodes but a worker cannot: named so the user knows what to convert. */
const BROWSER_ONLY = new Set(['mp3', 'ogg', 'mp4', 'webm']);

/**
 * Decodes a file, conforms it to the features' rate as librosa.load does, and computes the MFCC
 * of each requested copy. Whatever is wrong with the file becomes a skip with a reason.
 */
export async function featuriseClip(job: ClipJob, extractor: FeatureExtractor): Promise<ClipFeatures> {
  const container = sniffContainer(job.bytes);
  if (container === 'unknown') return skipped({ kind: 'not-audio', message: 'it is not an audio file (WAV, AIFF or FLAC).' });
  if (BROWSER_ONLY.has(container)) {
    return skipped(undecodable(`it is ${CONTAINER_NAMES[container]} audio, which the studio cannot yet read from inside a ZIP: convert it to WAV or FLAC`));
  }
  try {
    const decoded = await decodeAudioFile(job.bytes, job.name);
    if (frameCount(decoded) === 0) return skipped(undecodable('it holds no audio samples'));
    const audio = conformAudio(decoded, extractor.config.sampleRate);
    const features = job.variants.map((variant) => variantFeatures(audio.samples, variant, extractor));
    return { kind: 'featurised', durationSeconds: audio.duration, fingerprint: audioFingerprint(audio.samples), features };
  } catch (error) {
    if (error instanceof AudioDecodeError) return skipped(undecodable(error.reason));
    return skipped(undecodable(`it could not be decoded (${error instanceof Error ? error.message : String(error)})`));
  }
}

function variantFeatures(samples: Float32Array, variant: ClipVariant, extractor: FeatureExtractor): FeatureMatrix {
  if (variant.kind === 'original') return extractor.extract(samples).mfcc;
  const { sampleRate, fixedLength } = extractor.config;
  return extractor.extract(augmentedClip(samples, sampleRate, variant.spec, variant.seed, fixedLength)).mfcc;
}

function skipped(skip: SkipReason): ClipFeatures {
  return { kind: 'skipped', skip };
}

export function undecodable(reason: string): SkipReason {
  return { kind: 'undecodable', message: /[.!?]$/.test(reason) ? reason : `${reason}.` };
}
