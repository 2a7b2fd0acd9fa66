import type { ShiftMode } from './time-shift';

/** One concrete augmentation of a clip, as the training plan records it. */
export type AugmentationSpec =
  /** White Gaussian noise at this signal-to-noise ratio over the clip, dB. */
  | { readonly kind: 'noise'; readonly snrDb: number }
  /** librosa.effects.time_stretch by this rate: > 1 faster (shorter), < 1 slower (longer). */
  | { readonly kind: 'stretch'; readonly rate: number }
  /** librosa.effects.pitch_shift by this many semitones (up when positive); the length is kept. */
  | { readonly kind: 'pitch'; readonly semitones: number }
  /** The clip moved later (positive) or earlier by this many seconds; the length is kept. */
  | { readonly kind: 'shift'; readonly seconds: number; readonly mode: ShiftMode };

export type AugmentationKind = AugmentationSpec['kind'];
