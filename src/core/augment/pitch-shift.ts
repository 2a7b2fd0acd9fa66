import { resample } from '../audio/resampler';
import type { DspBackend } from '../dsp/wasm/dsp-kernel';
import { timeStretch } from './time-stretch';

/**
 * librosa.effects.pitch_shift(y, sr=sr, n_steps=semitones, bins_per_octave=12, res_type='soxr_hq')
 * (librosa 0.11): rate = 2^(-semitones / 12); the clip is time-stretched by rate, resampled from
 * sr / rate to sr (soxr HQ) and cut or zero-padded to its original length. Both steps run on
 * `backend` (see timeStretch and resample).
 */
export function pitchShift(samples: Float32Array, sampleRate: number, semitones: number, backend: DspBackend = 'auto'): Float32Array {
  if (!Number.isFinite(semitones)) throw new RangeError(`semitones must be finite (got ${semitones})`);
  const rate = 2 ** (-semitones / 12);
  const shifted = resample(timeStretch(samples, rate, backend), sampleRate / rate, sampleRate, backend);
  if (shifted.length === samples.length) return shifted;
  const out = new Float32Array(samples.length);
  out.set(shifted.subarray(0, Math.min(shifted.length, samples.length)));
  return out;
}
