import { decodeAudioFile } from '../../src/core/audio/decode-audio-file';
import { conformAudio } from '../../src/core/audio/load-audio';
import type { AugmentationSpec } from '../../src/core/augment';
import type { FeatureConfig } from '../../src/core/features/feature-config';
import { fixLength } from '../../src/core/features/fix-length';
import { readEntry } from '../dataset-entry';
import { augmentedClip } from '../features/augmented-clip';
import type { EntrySource } from '../load-dataset';
import { TrainingDataError } from './training-data-error';

/** A clip as the model hears it and the same clip augmented, to listen to side by side. */
export interface AudioExample {
  readonly sampleRate: number;
  readonly original: Float32Array;
  readonly augmented: Float32Array;
}

/** Reads and decodes the item's file again and makes exactly the copy training would make. */
export async function augmentationExample(path: string, source: EntrySource, spec: AugmentationSpec, seed: number, config: FeatureConfig): Promise<AudioExample> {
  const bytes = await readEntry(source.archive, source.entry);
  if (!(bytes instanceof Uint8Array)) throw new TrainingDataError(`${path} could not be read again: ${bytes.message}`);
  const audio = conformAudio(await decodeAudioFile(bytes, source.entry.name), config.sampleRate);
  const kept = (samples: Float32Array) => (config.fixedLength === null ? samples : fixLength(samples, config.fixedLength));
  return {
    sampleRate: config.sampleRate,
    original: kept(audio.samples),
    augmented: kept(augmentedClip(audio.samples, config.sampleRate, spec, seed, config.fixedLength)),
  };
}
