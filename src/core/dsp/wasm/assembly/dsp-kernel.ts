// AssemblyScript entry of the float64 wasm SIMD DSP kernel (built by scripts/build-wasm.mjs): the
// FFTs, the time stretch and the resampler's hot loops. Memory is laid out by ../dsp-kernel.ts.
export { forwardFft, inverseFft } from './complex-fft';
export { scalePeriodically, stretchWorkBytes, timeStretch } from './time-stretch';

/** Start of free memory, after the kernel's own static data. */
export function heapBase(): usize {
  return __heap_base;
}
export { foldSpectrum, multiplySpectra, multiplySpectraBetweenPasses, repeatHalfSpectrum, toFloat32 } from './spectrum-product';
export { halfBand, linear16, quadratic16, rational16, splitForHalfBand } from './polyphase';
export { addScaled, meanSquareF32, meanSquareF64, standardNormals } from './gaussian-noise';
