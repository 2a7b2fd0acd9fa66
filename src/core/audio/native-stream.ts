/** What a container header says about its first audio stream, before anything is decoded. */
export interface NativeStream {
  /** Container and codec for reports: "Ogg Vorbis", "MP4 AAC", "MP3 (MPEG-1 Layer III)", ... */
  readonly format: string;
  /** Samples per second the decoder will produce without resampling. */
  readonly sampleRate: number;
}
