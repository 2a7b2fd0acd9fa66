import type { DspKernel } from '../dsp/wasm/dsp-kernel';
import { sharedPeriodicHann } from './hann-table';
import { STRETCH_FFT_SIZE, STRETCH_HOP } from './time-stretch';
import { normaliseByWindowSum, type SteadyScaling } from './window-sum-square';

/**
 * timeStretch's frames on the wasm SIMD kernel (dsp/wasm/assembly/time-stretch.ts): stft, phase
 * vocoder and overlap-add of `frameCount` frames into a float64 sum, then istft's normalisation.
 */
export function stretchOnKernel(kernel: DspKernel, samples: Float32Array, rate: number, length: number, frameCount: number): Float32Array {
  const n = samples.length;
  const tables = kernel.realFftTables(STRETCH_FFT_SIZE);
  const window = kernel.f64Table(`hann:${STRETCH_FFT_SIZE}`, sharedPeriodicHann(STRETCH_FFT_SIZE));
  const workBytes = kernel.exports.stretchWorkBytes(STRETCH_FFT_SIZE >> 1);
  const [input, sum, work, reciprocals, scaled] = kernel.reserve([4 * n, 8 * length, workBytes, 8 * STRETCH_HOP, 4 * length]);
  kernel.f32(input, n).set(samples);
  kernel.f64(sum, length).fill(0);
  kernel.exports.timeStretch(tables, window, input, n, STRETCH_HOP, rate, frameCount, sum, length, work);
  const scaleOnKernel: SteadyScaling = (out, from, to, phase, reciprocal) => {
    kernel.f64(reciprocals, reciprocal.length).set(reciprocal);
    kernel.exports.scalePeriodically(sum, scaled, from, to, phase, reciprocals, reciprocal.length);
    out.set(kernel.f32(scaled + 4 * from, to - from), from);
  };
  return normaliseByWindowSum(kernel.f64(sum, length), STRETCH_FFT_SIZE, STRETCH_FFT_SIZE, STRETCH_HOP, frameCount, scaleOnKernel);
}
