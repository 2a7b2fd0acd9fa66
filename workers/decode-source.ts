import { decodeAudioFile } from '../src/core/audio/decode-audio-file';
import type { DecodedAudio } from '../src/core/audio/decoded-audio';
import { finiteAudio } from '../src/core/audio/finite-samples';
import type { AudioSource } from './protocol';

/** Samples from the page, or bytes decoded here with the core's readers (WAV, AIFF, FLAC). */
export async function decodeSource(source: AudioSource, fileName: string): Promise<DecodedAudio> {
  if (source.kind === 'decoded') return finiteAudio(source, fileName);
  return decodeAudioFile(new Uint8Array(source.bytes), fileName);
}
