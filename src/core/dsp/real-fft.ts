import { Radix4Fft } from './radix-fft';
import { bitReversalTable } from './fft-tables';

/**
 * numpy's rfft and irfft for real frames of a power-of-two size N >= 8. A frame travels packed as
 * N/2 complex samples, `even` (samples 2m) and `odd` (samples 2m + 1), through one N/2-point complex
 * FFT; the two half spectra are split (or, for the inverse, merged) with the twiddles e^{∓2πik/N}.
 * Callers fill and read the packed halves directly, so windowing and overlap-adding cost no extra pass.
 */
export class RealFft {
  /** Samples 2m of the frame: the forward transform's input, the inverse's output. */
  readonly even: Float64Array;
  /** Samples 2m + 1. */
  readonly odd: Float64Array;
  private readonly half: number;
  private readonly fft: Radix4Fft;
  /** The complex FFT leaves its output (and takes the inverse's input) in bit-reversed order. */
  private readonly bitReverse: Uint32Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;

  constructor(size: number) {
    if (size < 8 || (size & (size - 1)) !== 0) throw new RangeError(`FFT size must be a power of two >= 8, got ${size}`);
    this.half = size >> 1;
    this.fft = new Radix4Fft(this.half);
    this.bitReverse = bitReversalTable(this.half);
    // The split and merge use e^{∓2πik/N} for k <= N/4 only.
    this.cos = new Float64Array((this.half >> 1) + 1);
    this.sin = new Float64Array((this.half >> 1) + 1);
    for (let k = 0; k <= this.half >> 1; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.sin[k] = Math.sin((2 * Math.PI * k) / size);
    }
    this.even = new Float64Array(this.half);
    this.odd = new Float64Array(this.half);
  }

  /**
   * X[k] = Σ x[n] e^{-2πikn/N}, k = 0..N/2, of the frame in `even`/`odd` (which it overwrites), into
   * re/im; DC and Nyquist get +0 imaginary parts, as numpy's.
   */
  forward(re: Float64Array, im: Float64Array): void {
    const { even: zRe, odd: zIm, half, bitReverse, cos, sin } = this;
    this.fft.forward(zRe, zIm, half, true);
    re[0] = zRe[0] + zIm[0];
    im[0] = 0;
    re[half] = zRe[0] - zIm[0];
    im[half] = 0;
    // X[k] = E[k] + W^k O[k], with E, O the spectra of the even and odd samples, from Z[k] and
    // conj Z[N/2 - k]; and X[N/2 - k] = conj(E[k] - W^k O[k]) from the same numbers.
    for (let k = 1; k <= half >> 1; k++) {
      const p = bitReverse[k];
      const q = bitReverse[half - k];
      const zr = zRe[p], zi = zIm[p], cr = zRe[q], ci = -zIm[q];
      const er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
      const or = 0.5 * (zi - ci), oi = -0.5 * (zr - cr);
      const wr = cos[k], wi = -sin[k];
      const tr = wr * or - wi * oi;
      const ti = wr * oi + wi * or;
      re[k] = er + tr;
      im[k] = ei + ti;
      re[half - k] = er - tr;
      im[half - k] = ti - ei;
    }
  }

  /**
   * N · irfft(X) of bins re/im (k = 0..N/2) into `even`/`odd`. As in numpy, the imaginary parts of
   * the DC and Nyquist bins are ignored.
   */
  inverseUnscaled(re: Float64Array, im: Float64Array): void {
    const { even: zRe, odd: zIm, half, bitReverse, cos, sin } = this;
    zRe[0] = re[0] + re[half];
    zIm[0] = re[0] - re[half];
    // Z[k] = S + iT and Z[N/2 - k] = conj S + i conj T, with S = X[k] + conj X[N/2 - k] and
    // T = W^-k (X[k] - conj X[N/2 - k]).
    for (let k = 1; k <= half >> 1; k++) {
      const xr = re[k], xi = im[k], cr = re[half - k], ci = -im[half - k];
      const sr = xr + cr, si = xi + ci, dr = xr - cr, di = xi - ci;
      const tr = cos[k] * dr - sin[k] * di;
      const ti = cos[k] * di + sin[k] * dr;
      const p = bitReverse[k];
      const q = bitReverse[half - k];
      zRe[p] = sr - ti;
      zIm[p] = si + tr;
      zRe[q] = sr + ti;
      zIm[q] = tr - si;
    }
    this.fft.inverse(zRe, zIm, half, true);
  }
}

const transforms = new Map<number, RealFft>();

/** One shared transform per size (its buffers make it single-threaded, as a worker is). */
export function realFftOfSize(size: number): RealFft {
  let fft = transforms.get(size);
  if (!fft) {
    fft = new RealFft(size);
    transforms.set(size, fft);
  }
  return fft;
}
