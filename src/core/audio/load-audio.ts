import { decodeAudioFile } from './decode-audio-file';
import { type DecodedAudio, frameCount, type MonoAudio } from './decoded-audio';
import { mixToMono } from './mix-to-mono';
import { resample } from './resampler';

/** Mono audio at the target rate, with what the source was. */
export interface LoadedAudio extends MonoAudio {
  readonly sourceRate: number;
  readonly sourceChannels: number;
  readonly sourceFormat: string;
  /** Seconds of audio in the source. */
  readonly duration: number;
}

/** librosa.load(path, sr=targetRate, mono=True) for WAV, AIFF and FLAC bytes. */
export async function loadAudio(bytes: Uint8Array, fileName: string, targetRate: number): Promise<LoadedAudio> {
  return conformAudio(await decodeAudioFile(bytes, fileName), targetRate);
}

/** Mixes decoded audio to mono (mean of channels) and resamples it to targetRate. */
export function conformAudio(decoded: DecodedAudio, targetRate: number): LoadedAudio {
  const mono = mixToMono(decoded);
  return {
    samples: resample(mono, decoded.sampleRate, targetRate),
    sampleRate: targetRate,
    sourceRate: decoded.sampleRate,
    sourceChannels: decoded.channels.length,
    sourceFormat: decoded.sourceFormat,
    duration: frameCount(decoded) / decoded.sampleRate,
  };
}
