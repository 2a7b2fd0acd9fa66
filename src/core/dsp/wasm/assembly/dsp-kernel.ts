// AssemblyScript entry of the float64 wasm SIMD DSP kernel (built by scripts/build-wasm.mjs): the
// FFTs, the time stretch, the noise and the resampler's hot loops. Memory is laid out by ../dsp-kernel.ts.
export { forwardFft, inverseFft } from './complex-fft';
export { scalePeriodically, stretchWorkBytes, timeStretch } from './time-stretch';
export { foldSpectrum, multiplySpectra, multiplySpectraBetweenPasses, repeatHalfSpectrum } from './spectrum-product';
export { toFloat32 } from './float32-rounding';
export { linear16, quadratic16, rational16 } from './polyphase';
export { halfBand, splitForHalfBand } from './half-band';
export { addScaled, meanSquareF32, meanSquareF64, standardNormals } from './gaussian-noise';

/** Start of free memory, after the kernel's own static data. */
export function heapBase(): usize {
  return __heap_base;
}
