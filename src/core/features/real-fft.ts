import { bitReversalTable, unitRoots } from './fft-tables';

/**
 * Power spectrum |X[k]|^2, k = 0..N/2, of a real frame of N samples (N a power of two >= 8).
 *
 * The N real samples are packed as N/2 complex ones (even samples real, odd imaginary), put through
 * an iterative radix-2 FFT whose first two stages are fused into one twiddle-free radix-4 pass, and
 * split back into the spectrum of the real frame. Everything is float64; tables are built once.
 */
export class RealFftPower {
  readonly size: number;
  private readonly half: number;
  private readonly bitReverse: Uint32Array;
  /** e^{-2 pi i k / (N/2)}, k < N/4, as [re, im] pairs: the complex FFT's twiddles. */
  private readonly twiddles: Float64Array;
  /** e^{-2 pi i k / N}, k < N/2, as [re, im] pairs: the real-spectrum split's twiddles. */
  private readonly split: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(size: number) {
    if (size < 8 || (size & (size - 1)) !== 0) throw new Error(`FFT size must be a power of two >= 8, got ${size}`);
    this.size = size;
    const half = size >> 1;
    this.half = half;
    this.bitReverse = bitReversalTable(half);
    this.twiddles = unitRoots(half, half >> 1);
    this.split = unitRoots(size, half);
    this.re = new Float64Array(half);
    this.im = new Float64Array(half);
  }

  /** `frame` holds N windowed samples; `out` receives N/2 + 1 powers. */
  powerSpectrum(frame: Float64Array, out: Float64Array): void {
    const { re, im, bitReverse, half } = this;
    for (let n = 0; n < half; n++) {
      const target = bitReverse[n];
      re[target] = frame[2 * n];
      im[target] = frame[2 * n + 1];
    }
    this.firstTwoStages();
    this.remainingStages();
    this.splitRealSpectrum(out);
  }

  private firstTwoStages(): void {
    const { re, im, half } = this;
    for (let i = 0; i < half; i += 4) {
      const r0 = re[i], i0 = im[i], r1 = re[i + 1], i1 = im[i + 1];
      const r2 = re[i + 2], i2 = im[i + 2], r3 = re[i + 3], i3 = im[i + 3];
      const ar = r0 + r1, ai = i0 + i1, br = r0 - r1, bi = i0 - i1;
      const cr = r2 + r3, ci = i2 + i3, dr = r2 - r3, di = i2 - i3;
      re[i] = ar + cr;
      im[i] = ai + ci;
      re[i + 2] = ar - cr;
      im[i + 2] = ai - ci;
      // Twiddle -i on the odd half: -i (dr + i di) = di - i dr.
      re[i + 1] = br + di;
      im[i + 1] = bi - dr;
      re[i + 3] = br - di;
      im[i + 3] = bi + dr;
    }
  }

  private remainingStages(): void {
    const { re, im, half, twiddles } = this;
    for (let span = 8; span <= half; span <<= 1) {
      const wing = span >> 1;
      const stride = half / span;
      for (let j = 0; j < wing; j++) {
        const wr = twiddles[2 * j * stride];
        const wi = twiddles[2 * j * stride + 1];
        for (let a = j; a < half; a += span) {
          const b = a + wing;
          const tr = re[b] * wr - im[b] * wi;
          const ti = re[b] * wi + im[b] * wr;
          re[b] = re[a] - tr;
          im[b] = im[a] - ti;
          re[a] += tr;
          im[a] += ti;
        }
      }
    }
  }

  /** X[k] = E[k] + W_N^k O[k], with E and O the spectra of the even and odd samples. */
  private splitRealSpectrum(out: Float64Array): void {
    const { re, im, half, split } = this;
    out[0] = (re[0] + im[0]) ** 2;
    out[half] = (re[0] - im[0]) ** 2;
    for (let k = 1; k < half; k++) {
      const zr = re[k], zi = im[k], cr = re[half - k], ci = -im[half - k];
      const er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
      const or = 0.5 * (zi - ci), oi = -0.5 * (zr - cr);
      const wr = split[2 * k], wi = split[2 * k + 1];
      const xr = er + wr * or - wi * oi;
      const xi = ei + wr * oi + wi * or;
      out[k] = xr * xr + xi * xi;
    }
  }
}
