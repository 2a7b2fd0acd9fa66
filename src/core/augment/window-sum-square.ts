import { sharedPeriodicHann } from './hann-table';

/**
 * istft's normalisation (librosa 0.11): y[i] / window_sumsquare[i] wherever that is above float32's
 * tiny, y[i] elsewhere, here with a constant `scale` (irfft's 1/n_fft) folded in. window_sumsquare
 * (librosa.filters) is Σ_t w²[i + n_fft/2 - t·hop] over the frames t < frameCount, summed in order of
 * t. Where all the frames over a sample exist it depends only on the sample's position modulo hop,
 * so it is summed once per position and multiplied by as a reciprocal; the two ends are summed
 * sample by sample. `scaleSteady` does the steady part (a caller may run it on the wasm kernel).
 */
export function normaliseByWindowSum(
  sum: Float64Array,
  scale: number,
  fftSize: number,
  hop: number,
  frameCount: number,
  scaleSteady?: SteadyScaling,
): Float32Array {
  if (fftSize % hop !== 0) throw new RangeError(`hop ${hop} must divide the FFT size ${fftSize}`);
  const squared = squaredHann(fftSize);
  const padding = fftSize >> 1;
  const length = sum.length;
  const out = new Float32Array(length);
  const steadyFrom = Math.min(length, Math.max(0, fftSize - hop - padding));
  const steadyTo = Math.max(steadyFrom, Math.min(length, frameCount * hop - padding));
  const edge = (i: number) => {
    const windowSum = windowSumAt(squared, i + padding, hop, frameCount);
    out[i] = windowSum > FLOAT32_TINY ? sum[i] / (scale * windowSum) : sum[i] / scale;
  };
  for (let i = 0; i < steadyFrom; i++) edge(i);
  const reciprocal = steadyReciprocals(squared, hop, scale, Math.min(frameCount, fftSize / hop));
  const phase = (steadyFrom + padding) % hop;
  if (scaleSteady && steadyTo > steadyFrom) scaleSteady(out, steadyFrom, steadyTo, phase, reciprocal);
  else scalePeriodically(sum, out, steadyFrom, steadyTo, phase, reciprocal);
  for (let i = steadyTo; i < length; i++) edge(i);
  return out;
}

/**
 * Writes out[i] = sum[i] · reciprocal[r] for i in [from, to), r starting at `phase` and cycling
 * through the hop: the steady part of the normalisation, of the sum being normalised.
 */
export type SteadyScaling = (out: Float32Array, from: number, to: number, phase: number, reciprocal: Float64Array) => void;

function scalePeriodically(sum: Float64Array, out: Float32Array, from: number, to: number, phase: number, reciprocal: Float64Array): void {
  for (let i = from, r = phase; i < to; i++) {
    out[i] = sum[i] * reciprocal[r];
    if (++r === reciprocal.length) r = 0;
  }
}

/** window_sumsquare at padded position j (= i + n_fft/2): the frames t with t·hop <= j < t·hop + n_fft, in order. */
function windowSumAt(squared: Float64Array, j: number, hop: number, frameCount: number): number {
  const last = Math.min(frameCount - 1, Math.floor(j / hop));
  let sum = 0;
  for (let t = Math.max(0, Math.floor((j - squared.length) / hop) + 1); t <= last; t++) sum += squared[j - t * hop];
  return sum;
}

/** 1 / (scale · window_sumsquare) where all `overlap` frames over a sample exist, per position modulo hop. */
function steadyReciprocals(squared: Float64Array, hop: number, scale: number, overlap: number): Float64Array {
  const reciprocals = new Float64Array(hop);
  for (let r = 0; r < hop; r++) {
    // A position j ≡ r with frames t = j/hop - overlap + 1 .. j/hop over it: j = (overlap - 1)·hop + r from t = 0.
    const windowSum = windowSumAt(squared, (overlap - 1) * hop + r, hop, overlap);
    reciprocals[r] = windowSum > FLOAT32_TINY ? 1 / (scale * windowSum) : 1 / scale;
  }
  return reciprocals;
}

/** util.tiny(float32 array): the smallest normal float32. */
const FLOAT32_TINY = 1.1754943508222875e-38;

const squaredWindows = new Map<number, Float64Array>();

function squaredHann(size: number): Float64Array {
  let squared = squaredWindows.get(size);
  if (!squared) {
    squared = sharedPeriodicHann(size).map((w) => w * w);
    squaredWindows.set(size, squared);
  }
  return squared;
}
