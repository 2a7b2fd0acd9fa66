// The FFT convolver's frequency-domain steps (../../../audio/resampler/spectrum-product.ts and
// fft-convolver.ts), same operations in the same order, so the same bits. Spectra are in the
// bit-reversed order the forward FFT leaves them in; pointers are byte offsets of f64 planes.

/** re/im[k] ·= (hr[k] + i·hi[k]) for k < size (size even). */
export function multiplySpectra(re: usize, im: usize, hr: usize, hi: usize, size: i32): void {
  for (let k = 0; k < size; k += 2) {
    const o = <usize>k << 3;
    const ar = v128.load(re + o), ai = v128.load(im + o), br = v128.load(hr + o), bi = v128.load(hi + o);
    v128.store(re + o, f64x2.sub(f64x2.mul(ar, br), f64x2.mul(ai, bi)));
    v128.store(im + o, f64x2.add(f64x2.mul(ar, bi), f64x2.mul(ai, br)));
  }
}

/** The forward FFT's last pass, the product and the inverse FFT's first pass in one sweep. */
export function multiplySpectraBetweenPasses(re: usize, im: usize, hr: usize, hi: usize, size: i32): void {
  if (ctz(size) & 1) {
    for (let p = 0; p < size; p += 2) {
      const o = <usize>p << 3;
      const ar = load<f64>(re + o), ai = load<f64>(im + o), br = load<f64>(re + o, 8), bi = load<f64>(im + o, 8);
      const xr = ar + br, xi = ai + bi, yr = ar - br, yi = ai - bi;
      const h0r = load<f64>(hr + o), h0i = load<f64>(hi + o), h1r = load<f64>(hr + o, 8), h1i = load<f64>(hi + o, 8);
      const cr = xr * h0r - xi * h0i, ci = xr * h0i + xi * h0r;
      const dr = yr * h1r - yi * h1i, di = yr * h1i + yi * h1r;
      store<f64>(re + o, cr + dr);
      store<f64>(im + o, ci + di);
      store<f64>(re + o, cr - dr, 8);
      store<f64>(im + o, ci - di, 8);
    }
    return;
  }
  for (let p = 0; p < size; p += 4) {
    const o = <usize>p << 3;
    const a0r = load<f64>(re + o), a0i = load<f64>(im + o), a1r = load<f64>(re + o, 8), a1i = load<f64>(im + o, 8);
    const a2r = load<f64>(re + o, 16), a2i = load<f64>(im + o, 16), a3r = load<f64>(re + o, 24), a3i = load<f64>(im + o, 24);
    const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
    const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1i - a3i, t3i = a3r - a1r;
    const x0r = t0r + t2r, x0i = t0i + t2i, x2r = t0r - t2r, x2i = t0i - t2i;
    const x1r = t1r + t3r, x1i = t1i + t3i, x3r = t1r - t3r, x3i = t1i - t3i;
    const h0r = load<f64>(hr + o), h0i = load<f64>(hi + o), h2r = load<f64>(hr + o, 8), h2i = load<f64>(hi + o, 8);
    const h1r = load<f64>(hr + o, 16), h1i = load<f64>(hi + o, 16), h3r = load<f64>(hr + o, 24), h3i = load<f64>(hi + o, 24);
    const y0r = x0r * h0r - x0i * h0i, y0i = x0r * h0i + x0i * h0r;
    const y2r = x2r * h2r - x2i * h2i, y2i = x2r * h2i + x2i * h2r;
    const y1r = x1r * h1r - x1i * h1i, y1i = x1r * h1i + x1i * h1r;
    const y3r = x3r * h3r - x3i * h3i, y3i = x3r * h3i + x3i * h3r;
    const u0r = y0r + y2r, u0i = y0i + y2i, u1r = y0r - y2r, u1i = y0i - y2i;
    const u2r = y1r + y3r, u2i = y1i + y3i, u3r = y3i - y1i, u3i = y1r - y3r;
    store<f64>(re + o, u0r + u2r);
    store<f64>(im + o, u0i + u2i);
    store<f64>(re + o, u1r + u3r, 8);
    store<f64>(im + o, u1i + u3i, 8);
    store<f64>(re + o, u0r - u2r, 16);
    store<f64>(im + o, u0i - u2i, 16);
    store<f64>(re + o, u1r - u3r, 24);
    store<f64>(im + o, u1i - u3i, 24);
  }
}

/** Up by 2: a half-size spectrum repeated, entries 2m and 2m + 1 both taking entry m (bit-reversed order). */
export function repeatHalfSpectrum(re: usize, im: usize, half: i32): void {
  for (let m = half - 1; m >= 0; m--) {
    const from = <usize>m << 3;
    const to = <usize>m << 4;
    const r = f64x2.splat(load<f64>(re + from));
    const i = f64x2.splat(load<f64>(im + from));
    v128.store(re + to, r);
    v128.store(im + to, i);
  }
}

/** Down by 2: entries 2m and 2m + 1 summed into entry m, the half-size spectrum of y[2i]. */
export function foldSpectrum(re: usize, im: usize, half: i32): void {
  for (let m = 0; m < half; m++) {
    const from = <usize>m << 4;
    const to = <usize>m << 3;
    store<f64>(re + to, load<f64>(re + from) + load<f64>(re + from, 8));
    store<f64>(im + to, load<f64>(im + from) + load<f64>(im + from, 8));
  }
}
