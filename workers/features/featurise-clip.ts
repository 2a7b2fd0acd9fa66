import { conformAudio } from '../../src/core/audio/load-audio';
import { audioFingerprint } from '../../src/core/dataset';
import type { FeatureExtractor } from '../../src/core/features/feature-extractor';
import type { FeatureMatrix } from '../../src/core/features/feature-matrix';
import { augmentedClip } from './augmented-clip';
import type { ClipFeatures, ClipJob } from './clip-job';
import type { ClipVariant } from './clip-variant';
import { decodeClip } from './decode-clip';

export { undecodable } from './decode-clip';

/**
 * Decodes a file, conforms it to the features' rate as librosa.load does, and computes the MFCC
 * of each requested copy. Whatever is wrong with the file becomes a skip with a reason.
 */
export async function featuriseClip(job: ClipJob, extractor: FeatureExtractor): Promise<ClipFeatures> {
  const decoded = await decodeClip(job.bytes, job.name);
  if (decoded.kind === 'skipped') return decoded;
  const audio = conformAudio(decoded.audio, extractor.config.sampleRate);
  const features = job.variants.map((variant) => variantFeatures(audio.samples, variant, extractor));
  return { kind: 'featurised', durationSeconds: audio.duration, fingerprint: audioFingerprint(audio.samples), features };
}

function variantFeatures(samples: Float32Array, variant: ClipVariant, extractor: FeatureExtractor): FeatureMatrix {
  if (variant.kind === 'original') return extractor.modelInput(samples);
  const { sampleRate, fixedLength } = extractor.config;
  return extractor.modelInput(augmentedClip(samples, sampleRate, variant.spec, variant.seed, fixedLength));
}
