/*
 * The one message protocol between the page and the studio's workers. Every request carries a
 * `type` and an `id`; every response echoes the `id` of the request it answers. New kinds of work
 * add a member to WorkerRequest and its answer to WorkerResponse.
 */
import type { FeatureConfig } from '../src/core/features/feature-config';
import type { FeatureMatrix } from '../src/core/features/feature-matrix';

/** Audio as the page hands it over: a file's bytes, or samples the page decoded with the browser's decoder. */
export type AudioSource =
  | { readonly kind: 'bytes'; readonly bytes: ArrayBuffer }
  | {
      readonly kind: 'decoded';
      readonly channels: Float32Array[];
      readonly sampleRate: number;
      readonly sourceFormat: string;
    };

/** Decode (when given bytes), resample and featurise one file. */
export interface AnalyseRequest {
  readonly type: 'analyse';
  readonly id: number;
  readonly fileName: string;
  readonly source: AudioSource;
}

export type WorkerRequest = AnalyseRequest;

/** Facts about an analysed file. */
export interface AudioInfo {
  readonly fileName: string;
  /** "WAV PCM 16-bit", "Ogg Vorbis, decoded by the browser", ... */
  readonly sourceFormat: string;
  /** The file's own sample rate, in Hz. */
  readonly sourceRate: number;
  readonly channels: number;
  /** Seconds of audio in the file. */
  readonly duration: number;
  /** The rate the features were computed at, in Hz. */
  readonly sampleRate: number;
}

/** Milliseconds spent in each step; decodeMs is 0 when the page decoded the file. */
export interface AnalysisTimings {
  readonly decodeMs: number;
  readonly resampleMs: number;
  readonly featuresMs: number;
}

export interface AnalysisResponse {
  readonly type: 'analysis';
  readonly id: number;
  readonly info: AudioInfo;
  /** The parameters the features were computed with. */
  readonly config: FeatureConfig;
  readonly logMel: FeatureMatrix;
  readonly mfcc: FeatureMatrix;
  readonly timings: AnalysisTimings;
}

/**
 * A request that could not be done. `message` is a sentence for the user; `unsupported` means the
 * worker cannot decode this format but the page's browser decoder may.
 */
export interface FailureResponse {
  readonly type: 'failure';
  readonly id: number;
  readonly message: string;
  readonly unsupported: boolean;
}

export type WorkerResponse = AnalysisResponse | FailureResponse;

/** The buffers a message can hand over without copying (a SharedArrayBuffer is shared, never transferred). */
export function transferList(message: WorkerRequest | WorkerResponse): ArrayBuffer[] {
  const buffers = buffersOf(message);
  return [...new Set(buffers.filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer))];
}

function buffersOf(message: WorkerRequest | WorkerResponse): ArrayBufferLike[] {
  switch (message.type) {
    case 'analyse':
      return message.source.kind === 'bytes' ? [message.source.bytes] : message.source.channels.map((c) => c.buffer);
    case 'analysis':
      return [message.logMel.data.buffer, message.mfcc.data.buffer];
    case 'failure':
      return [];
  }
}
