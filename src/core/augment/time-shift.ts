import { roundHalfEven } from './round-half-even';

/** What fills the start (or end) a shift uncovers: the samples shifted out ('roll', as np.roll) or zeros. */
export type ShiftMode = 'roll' | 'zero-fill';

/**
 * The clip moved by `offset` samples, positive = later, keeping its length: sample i goes to
 * i + offset. 'roll' wraps around (np.roll(y, offset)); 'zero-fill' drops what moves past either
 * end and fills the gap with zeros.
 */
export function shiftSamples(samples: Float32Array, offset: number, mode: ShiftMode): Float32Array {
  if (!Number.isInteger(offset)) throw new RangeError(`shift must be a whole number of samples (got ${offset})`);
  const n = samples.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  if (mode === 'roll') {
    const k = ((offset % n) + n) % n;
    out.set(samples.subarray(0, n - k), k);
    out.set(samples.subarray(n - k), 0);
  } else if (offset >= 0) {
    out.set(samples.subarray(0, Math.max(0, n - offset)), Math.min(offset, n));
  } else {
    out.set(samples.subarray(Math.min(-offset, n)), 0);
  }
  return out;
}

/** shiftSamples by `seconds`, rounded to whole samples (ties to even, as Python's round()). */
export function shiftSeconds(samples: Float32Array, sampleRate: number, seconds: number, mode: ShiftMode): Float32Array {
  return shiftSamples(samples, roundHalfEven(seconds * sampleRate), mode);
}
