/** Audio as a decoder hands it over: one Float32Array per channel, in [-1, 1), at the file's own rate. */
export interface DecodedAudio {
  /** One array per channel, all of the same length. */
  readonly channels: Float32Array[];
  /** Samples per second of the source, before any resampling. */
  readonly sampleRate: number;
  /** What the samples were stored as, for reports: "WAV PCM 16-bit", "FLAC 24-bit", ... */
  readonly sourceFormat: string;
}

/** Mono audio at a known rate: what every step after decoding works on. */
export interface MonoAudio {
  readonly samples: Float32Array;
  readonly sampleRate: number;
}

export function frameCount(audio: DecodedAudio): number {
  return audio.channels.length === 0 ? 0 : audio.channels[0].length;
}
