import type { SeededRandom } from '../random/seeded-random';
import { addNoiseAtSnr } from './add-noise';
import type { AugmentationSpec } from './augmentation-spec';
import { pitchShift } from './pitch-shift';
import { timeStretch } from './time-stretch';
import { shiftSeconds } from './time-shift';

/**
 * The clip with `spec` applied, as a new array (the input is never changed). Only noise draws from
 * `random`; every other augmentation is a pure function of the clip and the spec. A stretch changes
 * the length to round(n / rate); the others keep it.
 */
export function applyAugmentation(samples: Float32Array, sampleRate: number, spec: AugmentationSpec, random: SeededRandom): Float32Array {
  switch (spec.kind) {
    case 'noise':
      return addNoiseAtSnr(samples, spec.snrDb, random);
    case 'stretch':
      return timeStretch(samples, spec.rate);
    case 'pitch':
      return pitchShift(samples, sampleRate, spec.semitones);
    case 'shift':
      return shiftSeconds(samples, sampleRate, spec.seconds, spec.mode);
  }
}
