// numpy's rfft / irfft for a real frame of N samples packed as N/2 complex ones (`even` = samples
// 2m, `odd` = 2m + 1): ../../real-fft.ts transcribed, operation for operation, so both give
// identical bits. The split and the merge take bins k and k + 1 in one f64x2 vector: their
// mirrors N/2 - k - 1 and N/2 - k are adjacent too, and only the bit-reversed side is gathered.
// `tables` is a RealFftTables block laid out by ../dsp-kernel.ts.
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

// @ts-ignore: decorator
@inline
function gather(base: usize, i: usize, j: usize): v128 {
  return f64x2.replace_lane(f64x2.splat(load<f64>(base + i)), 1, load<f64>(base + j));
}

// @ts-ignore: decorator
@inline
function swapped(v: v128): v128 {
  return f64x2.shuffle(v, v, 1, 0);
}

/** Byte offset of entry bitReverse[k] of an f64 plane. */
// @ts-ignore: decorator
@inline
function reversed(t: RealFftTables, k: i32): usize {
  return <usize>load<i32>(t.bitReverse + (<usize>k << 2)) << 3;
}

/** X[k], k = 0..N/2, of the frame in even/odd (overwritten), into re/im (N >= 8). */
export function realForward(t: RealFftTables, even: usize, odd: usize, re: usize, im: usize): void {
  const half = t.half;
  forwardFft(even, odd, half, true, t.twiddles);
  const z0r = load<f64>(even), z0i = load<f64>(odd);
  store<f64>(re, z0r + z0i);
  store<f64>(im, 0);
  store<f64>(re + (<usize>half << 3), z0r - z0i);
  store<f64>(im + (<usize>half << 3), 0);
  const halfSplat = f64x2.splat(0.5), minusHalf = f64x2.splat(-0.5);
  for (let k = 1; k < half >> 1; k += 2) {
    const p0 = reversed(t, k), p1 = reversed(t, k + 1);
    const q0 = reversed(t, half - k), q1 = reversed(t, half - k - 1);
    const zr = gather(even, p0, p1), zi = gather(odd, p0, p1);
    const cr = gather(even, q0, q1), ci = f64x2.neg(gather(odd, q0, q1));
    const er = f64x2.mul(halfSplat, f64x2.add(zr, cr)), ei = f64x2.mul(halfSplat, f64x2.add(zi, ci));
    const or = f64x2.mul(halfSplat, f64x2.sub(zi, ci)), oi = f64x2.mul(minusHalf, f64x2.sub(zr, cr));
    const ok = <usize>k << 3;
    const wr = v128.load(t.cos + ok), wi = f64x2.neg(v128.load(t.sin + ok));
    const tr = f64x2.sub(f64x2.mul(wr, or), f64x2.mul(wi, oi));
    const ti = f64x2.add(f64x2.mul(wr, oi), f64x2.mul(wi, or));
    const om = <usize>(half - k - 1) << 3;
    v128.store(re + ok, f64x2.add(er, tr));
    v128.store(im + ok, f64x2.add(ei, ti));
    v128.store(re + om, swapped(f64x2.sub(er, tr)));
    v128.store(im + om, swapped(f64x2.sub(ti, ei)));
  }
}

/** N · irfft of bins re/im (k = 0..N/2) into even/odd; the imaginary parts of DC and Nyquist are ignored (N >= 8). */
export function realInverseUnscaled(t: RealFftTables, re: usize, im: usize, even: usize, odd: usize): void {
  const half = t.half;
  const r0 = load<f64>(re), rh = load<f64>(re + (<usize>half << 3));
  store<f64>(even, r0 + rh);
  store<f64>(odd, r0 - rh);
  for (let k = 1; k < half >> 1; k += 2) {
    const ok = <usize>k << 3;
    const om = <usize>(half - k - 1) << 3;
    const xr = v128.load(re + ok), xi = v128.load(im + ok);
    const cr = swapped(v128.load(re + om)), ci = f64x2.neg(swapped(v128.load(im + om)));
    const sr = f64x2.add(xr, cr), si = f64x2.add(xi, ci), dr = f64x2.sub(xr, cr), di = f64x2.sub(xi, ci);
    const c = v128.load(t.cos + ok), s = v128.load(t.sin + ok);
    const tr = f64x2.sub(f64x2.mul(c, dr), f64x2.mul(s, di));
    const ti = f64x2.add(f64x2.mul(c, di), f64x2.mul(s, dr));
    const a = f64x2.sub(sr, ti), b = f64x2.add(si, tr), e = f64x2.add(sr, ti), f = f64x2.sub(tr, si);
    // Scattered to the bit-reversed places, bin k's four before bin k + 1's, as the scalar loop does.
    let p = reversed(t, k), q = reversed(t, half - k);
    store<f64>(even + p, f64x2.extract_lane(a, 0));
    store<f64>(odd + p, f64x2.extract_lane(b, 0));
    store<f64>(even + q, f64x2.extract_lane(e, 0));
    store<f64>(odd + q, f64x2.extract_lane(f, 0));
    p = reversed(t, k + 1);
    q = reversed(t, half - k - 1);
    store<f64>(even + p, f64x2.extract_lane(a, 1));
    store<f64>(odd + p, f64x2.extract_lane(b, 1));
    store<f64>(even + q, f64x2.extract_lane(e, 1));
    store<f64>(odd + q, f64x2.extract_lane(f, 1));
  }
  inverseFft(even, odd, half, true, t.twiddles);
}
