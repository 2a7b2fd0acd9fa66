// numpy's rfft / irfft for a real frame of N samples packed as N/2 complex ones (`even` = samples
// 2m, `odd` = 2m + 1): ../../real-fft.ts transcribed, operation for operation, so both give
// identical bits. `tables` is a RealFftTables block laid out by ../dsp-kernel.ts.
import { forwardFft, inverseFft } from './complex-fft';

/** Where one size's tables are: the complex FFT's twiddles, the bit reversal (i32) and e^{2πik/N} (cos, sin) for k <= N/4. */
@unmanaged
export class RealFftTables {
  half: i32;
  twiddles: usize;
  bitReverse: usize;
  cos: usize;
  sin: usize;
}

/** X[k], k = 0..N/2, of the frame in even/odd (overwritten), into re/im. */
export function realForward(t: RealFftTables, even: usize, odd: usize, re: usize, im: usize): void {
  const half = t.half;
  forwardFft(even, odd, half, true, t.twiddles);
  const z0r = load<f64>(even), z0i = load<f64>(odd);
  store<f64>(re, z0r + z0i);
  store<f64>(im, 0);
  store<f64>(re + (<usize>half << 3), z0r - z0i);
  store<f64>(im + (<usize>half << 3), 0);
  for (let k = 1; k <= half >> 1; k++) {
    const p = <usize>load<i32>(t.bitReverse + (<usize>k << 2)) << 3;
    const q = <usize>load<i32>(t.bitReverse + (<usize>(half - k) << 2)) << 3;
    const zr = load<f64>(even + p), zi = load<f64>(odd + p), cr = load<f64>(even + q), ci = -load<f64>(odd + q);
    const er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
    const or = 0.5 * (zi - ci), oi = -0.5 * (zr - cr);
    const wr = load<f64>(t.cos + (<usize>k << 3)), wi = -load<f64>(t.sin + (<usize>k << 3));
    const tr = wr * or - wi * oi;
    const ti = wr * oi + wi * or;
    const ok = <usize>k << 3;
    const om = <usize>(half - k) << 3;
    store<f64>(re + ok, er + tr);
    store<f64>(im + ok, ei + ti);
    store<f64>(re + om, er - tr);
    store<f64>(im + om, ti - ei);
  }
}

/** N · irfft of bins re/im (k = 0..N/2) into even/odd; the imaginary parts of DC and Nyquist are ignored. */
export function realInverseUnscaled(t: RealFftTables, re: usize, im: usize, even: usize, odd: usize): void {
  const half = t.half;
  const r0 = load<f64>(re), rh = load<f64>(re + (<usize>half << 3));
  store<f64>(even, r0 + rh);
  store<f64>(odd, r0 - rh);
  for (let k = 1; k <= half >> 1; k++) {
    const ok = <usize>k << 3;
    const om = <usize>(half - k) << 3;
    const xr = load<f64>(re + ok), xi = load<f64>(im + ok), cr = load<f64>(re + om), ci = -load<f64>(im + om);
    const sr = xr + cr, si = xi + ci, dr = xr - cr, di = xi - ci;
    const c = load<f64>(t.cos + ok), s = load<f64>(t.sin + ok);
    const tr = c * dr - s * di;
    const ti = c * di + s * dr;
    const p = <usize>load<i32>(t.bitReverse + (<usize>k << 2)) << 3;
    const q = <usize>load<i32>(t.bitReverse + (<usize>(half - k) << 2)) << 3;
    store<f64>(even + p, sr - ti);
    store<f64>(odd + p, si + tr);
    store<f64>(even + q, sr + ti);
    store<f64>(odd + q, tr - si);
  }
  inverseFft(even, odd, half, true, t.twiddles);
}
