import { decodeAudioFile } from '../src/core/audio/decode-audio-file';
import type { DecodedAudio } from '../src/core/audio/decoded-audio';
import { finiteAudio } from '../src/core/audio/finite-samples';
import { AudioDecodeError } from '../src/core/audio/audio-decode-error';
import { frameCount } from '../src/core/audio/decoded-audio';
import type { LoadedAudio } from '../src/core/audio/load-audio';
import type { AudioInfo, AudioSource } from './protocol';

/** Samples from the page, or bytes decoded here with the core's readers (WAV, AIFF, FLAC). */
export async function decodeSource(source: AudioSource, fileName: string): Promise<DecodedAudio> {
  if (source.kind === 'decoded') return finiteAudio(source, fileName);
  return decodeAudioFile(new Uint8Array(source.bytes), fileName);
}

/** Facts about a conformed file, as the protocol reports them. */
export function audioInfo(fileName: string, audio: LoadedAudio): AudioInfo {
  return {
    fileName,
    sourceFormat: audio.sourceFormat,
    sourceRate: audio.sourceRate,
    channels: audio.sourceChannels,
    duration: audio.duration,
    sampleRate: audio.sampleRate,
  };
}

/** A non-empty decoded file; an AudioDecodeError when it holds no samples. */
export function nonEmpty(decoded: DecodedAudio, fileName: string): DecodedAudio {
  if (frameCount(decoded) === 0) throw new AudioDecodeError(fileName, 'it holds no audio samples', 'empty');
  return decoded;
}
