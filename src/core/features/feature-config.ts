/**
 * Every parameter of the feature pipeline, named as librosa names it. A trained model carries the
 * config it was trained with, so features are always computed the way that model expects.
 */
export interface FeatureConfig {
  /** Rate the audio is resampled to before anything else (librosa.load's `sr`). */
  readonly sampleRate: number;
  /** Samples per FFT frame (`n_fft`). A power of two. */
  readonly nFft: number;
  /** Samples between frame starts (`hop_length`). */
  readonly hopLength: number;
  /** Window applied to each frame (`window`): the periodic Hann window, as scipy's get_window. */
  readonly window: 'hann';
  /** Frames are centred on t * hop by padding nFft / 2 zeros at both ends (`center=True, pad_mode='constant'`). */
  readonly center: boolean;
  /** Number of mel bands (`n_mels`). */
  readonly nMels: number;
  /** Lowest and highest band edges in Hz (`fmin`, `fmax`); `fmax` null means sampleRate / 2. */
  readonly fMin: number;
  readonly fMax: number | null;
  /** Mel scale: 'slaney' (librosa's default, htk=False) or 'htk'. */
  readonly melScale: 'slaney' | 'htk';
  /** Band normalisation: 'slaney' divides each triangle by its width in Hz (area 1); null leaves peaks at 1. */
  readonly melNorm: 'slaney' | null;
  /** Exponent of the magnitude spectrum (`power`): 2 for power, 1 for magnitude. */
  readonly power: number;
  /** power_to_db: 10 log10(max(amin, S) / ref), floored at (maximum over the clip - topDb). */
  readonly dbReference: number;
  readonly dbAmin: number;
  /** null disables the floor. */
  readonly topDb: number | null;
  /** Number of cepstral coefficients kept (`n_mfcc`); DCT-II with orthonormal scaling. */
  readonly nMfcc: number;
  /** Every clip is zero-padded at the end or cut to this many samples before featurising; null keeps its length. */
  readonly fixedLength: number | null;
  /**
   * What the model reads: the MFCC (frames × nMfcc, the thesis's input) or the log-mel spectrogram
   * in dB (frames × nMels). Absent means MFCC, as every model saved before it existed.
   */
  readonly modelInput?: ModelInputKind;
}

export type ModelInputKind = 'mfcc' | 'log-mel';

/** Bins per frame of the model's input. */
export function modelInputBins(config: FeatureConfig): number {
  return config.modelInput === 'log-mel' ? config.nMels : config.nMfcc;
}

/** The model's input as a user reads it: "40 MFCCs", "128 log-mel bands". */
export function modelInputName(config: FeatureConfig): string {
  return config.modelInput === 'log-mel' ? `${config.nMels} log-mel bands` : `${config.nMfcc} MFCCs`;
}

/** The thesis's features: librosa 0.11's MFCC defaults with 40 coefficients on 4.2 s (182 frames) of audio. */
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = Object.freeze({
  sampleRate: 22050,
  nFft: 2048,
  hopLength: 512,
  window: 'hann',
  center: true,
  nMels: 128,
  fMin: 0,
  fMax: null,
  melScale: 'slaney',
  melNorm: 'slaney',
  power: 2,
  dbReference: 1,
  dbAmin: 1e-10,
  topDb: 80,
  nMfcc: 40,
  fixedLength: 92_672,
});

/** Frames librosa's centred STFT yields for `length` samples. */
export function frameCount(config: FeatureConfig, length: number): number {
  const padded = config.center ? length + 2 * Math.floor(config.nFft / 2) : length;
  return padded < config.nFft ? 0 : 1 + Math.floor((padded - config.nFft) / config.hopLength);
}

export function upperFrequency(config: FeatureConfig): number {
  return config.fMax ?? config.sampleRate / 2;
}
