import { Radix4Fft } from '../../dsp/radix-fft';
import type { DspKernel } from '../../dsp/wasm/dsp-kernel';
import { multiplySpectra, multiplySpectraBetweenPasses } from './spectrum-product';

/**
 * Linear convolution with a fixed symmetric odd-length FIR by overlap-save. Two consecutive blocks
 * of the (real) signal ride in the real and imaginary parts of one complex FFT: the filter is real,
 * so the two results come back apart in the real and imaginary parts. The transforms and products
 * run on the wasm SIMD kernel when one is given, else in TypeScript: the same operations in the same
 * order, so the same output.
 */
export class FftConvolver {
  /** The FFT size. */
  readonly size: number;
  private readonly numTaps: number;
  private readonly block: number;
  private readonly fft: Radix4Fft;
  private readonly filterRe: Float64Array;
  private readonly filterIm: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(taps: Float64Array) {
    const numTaps = taps.length;
    let size = 1024;
    while (size < 8 * numTaps) size <<= 1;
    this.size = size;
    this.numTaps = numTaps;
    this.block = size - numTaps + 1;
    this.fft = new Radix4Fft(size);
    this.re = new Float64Array(size);
    this.im = new Float64Array(size);
    this.filterRe = new Float64Array(size);
    this.filterIm = new Float64Array(size);
    for (let i = 0; i < numTaps; i++) this.filterRe[i] = taps[i] / size; // the inverse FFT's 1/N folded in
    this.fft.forward(this.filterRe, this.filterIm, size, true);
  }

  /**
   * out[offset + i] = y[i·down] for i < count, where y[j] = Σ_k taps[k]·u[j + k - centre] and u is x
   * up-sampled by zero stuffing (u[up·i] = x[i]; x is 0 outside [0, x.length)). `up` and `down` are 1
   * or 2. Up by 2 is done as soxr does, by repeating the spectrum of a half-size FFT; down by 2 by
   * folding the spectrum onto a half-size inverse FFT (exactly y[2i], circularly).
   */
  filter(x: Float32Array | Float64Array, up: number, down: number, out: Float64Array, offset: number, count: number, kernel: DspKernel | null): void {
    const { block, numTaps } = this;
    const centre = (numTaps - 1) >> 1;
    const lag = numTaps - 1;
    if ((up === 2 && centre & 1) || (down === 2 && (lag | block) & 1)) {
      throw new Error('the FIR length does not suit the half-size FFT shortcuts');
    }
    if (!kernel) {
      this.filterInTypeScript(x, up, down, out, offset, count);
      return;
    }
    const [re, im, hr, hi] = kernel.reserve([8 * this.size, 8 * this.size, 8 * this.size, 8 * this.size]);
    this.filterOnKernel(kernel, { re, im, hr, hi }, x, up, down, out, offset, count);
  }

  private filterInTypeScript(x: Float32Array | Float64Array, up: number, down: number, out: Float64Array, offset: number, count: number): void {
    const { size, block, numTaps, re, im, filterRe, filterIm } = this;
    const centre = (numTaps - 1) >> 1;
    const lag = numTaps - 1; // circular result index t + lag holds y[start + t] for t < block
    // The 48 kHz → 22.05 kHz case: the forward FFT's last pass, the product and the inverse's first
    // pass go in one sweep.
    const fused = up === 1 && down === 1;
    const fullCount = count * down;
    for (let j0 = 0; j0 < fullCount; j0 += 2 * block) {
      const j1 = j0 + block;
      this.transformPair(x, j0 - centre, j1 - centre, up, !fused);
      if (fused) {
        multiplySpectraBetweenPasses(re, im, filterRe, filterIm, size);
        this.fft.inverse(re, im, size, false);
        storePair(re, im, lag, block, out, offset, j0, j1, count);
      } else if (down === 1) {
        multiplySpectra(re, im, filterRe, filterIm, size);
        this.fft.inverse(re, im, size, true);
        storePair(re, im, lag, block, out, offset, j0, j1, count);
      } else {
        multiplySpectra(re, im, filterRe, filterIm, size);
        this.inverseOfEvenSamples();
        storePair(re, im, lag >> 1, block >> 1, out, offset, j0 >> 1, j1 >> 1, count);
      }
    }
  }

  /**
   * `filter` with the transforms and products on the kernel, in `buffers` (scratch of `size` f64
   * each, laid out by the caller); x and out may be views of the kernel's memory. The kernel must
   * hold the twiddles for `size` already (see prepareKernelTables).
   */
  filterOnKernel(kernel: DspKernel, buffers: ConvolverBuffers, x: Float32Array | Float64Array, up: number, down: number, out: Float64Array, offset: number, count: number): void {
    const { size, block, numTaps } = this;
    const { re, im, hr, hi } = buffers;
    const half = size >> 1;
    const centre = (numTaps - 1) >> 1;
    const lag = numTaps - 1;
    const k = kernel.exports;
    const twiddles = kernel.twiddles(size);
    kernel.f64(hr, size).set(this.filterRe);
    kernel.f64(hi, size).set(this.filterIm);
    const reView = kernel.f64(re, size);
    const imView = kernel.f64(im, size);
    const fused = up === 1 && down === 1;
    const fullCount = count * down;
    for (let j0 = 0; j0 < fullCount; j0 += 2 * block) {
      const j1 = j0 + block;
      if (up === 1) {
        load(x, j0 - centre, reView, size);
        load(x, j1 - centre, imView, size);
        k.forwardFft(re, im, size, !fused, twiddles);
      } else {
        load(x, (j0 - centre) >> 1, reView, half);
        load(x, (j1 - centre) >> 1, imView, half);
        k.forwardFft(re, im, half, true, twiddles);
        k.repeatHalfSpectrum(re, im, half);
      }
      if (fused) {
        k.multiplySpectraBetweenPasses(re, im, hr, hi, size);
        k.inverseFft(re, im, size, false, twiddles);
        storePair(reView, imView, lag, block, out, offset, j0, j1, count);
      } else if (down === 1) {
        k.multiplySpectra(re, im, hr, hi, size);
        k.inverseFft(re, im, size, true, twiddles);
        storePair(reView, imView, lag, block, out, offset, j0, j1, count);
      } else {
        k.multiplySpectra(re, im, hr, hi, size);
        k.foldSpectrum(re, im, half);
        k.inverseFft(re, im, half, true, twiddles);
        storePair(reView, imView, lag >> 1, block >> 1, out, offset, j0 >> 1, j1 >> 1, count);
      }
    }
  }

  /** The spectrum of u from startA in re and of u from startB in im (bit-reversed order). */
  private transformPair(x: Float32Array | Float64Array, startA: number, startB: number, up: number, full: boolean): void {
    const { size, re, im } = this;
    if (up === 1) {
      load(x, startA, re, size);
      load(x, startB, im, size);
      this.fft.forward(re, im, size, full);
      return;
    }
    // u's block starts at an even index, so it holds x at even offsets and zeros between.
    const half = size >> 1;
    load(x, startA >> 1, re, half);
    load(x, startB >> 1, im, half);
    this.fft.forward(re, im, half, true);
    // U[k] = X[k mod N/2]: in bit-reversed order, entries 2m and 2m+1 both take entry m.
    for (let m = half - 1; m >= 0; m--) {
      re[2 * m + 1] = re[2 * m] = re[m];
      im[2 * m + 1] = im[2 * m] = im[m];
    }
  }

  /**
   * y[2i] into re/im[0, size/2): its half-size spectrum is Y[k] + Y[k + N/2] (the 1/N of the filter
   * covers the 1/2), in bit-reversed order entries 2m and 2m+1 summed into entry m.
   */
  private inverseOfEvenSamples(): void {
    const { re, im } = this;
    const half = this.size >> 1;
    for (let m = 0; m < half; m++) {
      re[m] = re[2 * m] + re[2 * m + 1];
      im[m] = im[2 * m] + im[2 * m + 1];
    }
    this.fft.inverse(re, im, half, true);
  }
}

/** Addresses of the kernel scratch a filter runs in: the block pair's spectrum and the filter's (f64 × size each). */
export interface ConvolverBuffers {
  readonly re: number;
  readonly im: number;
  readonly hr: number;
  readonly hi: number;
}

/**
 * The two blocks' results, re/im[from, from + length), to out[offset + i0] and out[offset + i1]:
 * no further than out[offset + count).
 */
function storePair(
  re: Float64Array,
  im: Float64Array,
  from: number,
  length: number,
  out: Float64Array,
  offset: number,
  i0: number,
  i1: number,
  count: number,
): void {
  const endA = Math.min(length, count - i0);
  out.set(re.subarray(from, from + endA), offset + i0);
  const endB = Math.min(length, count - i1);
  if (endB > 0) out.set(im.subarray(from, from + endB), offset + i1);
}

/** target[m] = x[start + m] for m < size, 0 outside x. */
function load(x: Float32Array | Float64Array, start: number, target: Float64Array, size: number): void {
  const from = Math.max(0, -start);
  const to = Math.max(from, Math.min(size, x.length - start));
  if (from > 0) target.fill(0, 0, from);
  if (to > from) target.set(x.subarray(start + from, start + to), from);
  if (to < size) target.fill(0, to, size);
}
