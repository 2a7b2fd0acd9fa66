/*
 * The pointwise product of a signal's spectrum with a filter's, both in the bit-reversed order the
 * forward FFT leaves them in (see radix-fft.ts).
 */

/** re/im[k] ·= (hr[k] + i·hi[k]) for k < size. */
export function multiplySpectra(re: Float64Array, im: Float64Array, hr: Float64Array, hi: Float64Array, size: number): void {
  for (let k = 0; k < size; k++) {
    const ar = re[k];
    const ai = im[k];
    const br = hr[k];
    const bi = hi[k];
    re[k] = ar * br - ai * bi;
    im[k] = ar * bi + ai * br;
  }
}

/**
 * The forward FFT's last pass, the product and the inverse FFT's first pass in one sweep: all three
 * are twiddle-free and local to 2 or 4 neighbours, so fusing them saves two passes over the data.
 * Unrolled by hand: splitting it would cost what the fusion saves.
 */
export function multiplySpectraBetweenPasses(
  re: Float64Array,
  im: Float64Array,
  hr: Float64Array,
  hi: Float64Array,
  size: number,
): void {
  if (Math.log2(size) & 1) {
    for (let p = 0; p < size; p += 2) {
      const ar = re[p], ai = im[p], br = re[p + 1], bi = im[p + 1];
      const xr = ar + br, xi = ai + bi, yr = ar - br, yi = ai - bi;
      const h0r = hr[p], h0i = hi[p], h1r = hr[p + 1], h1i = hi[p + 1];
      const cr = xr * h0r - xi * h0i, ci = xr * h0i + xi * h0r;
      const dr = yr * h1r - yi * h1i, di = yr * h1i + yi * h1r;
      re[p] = cr + dr;
      im[p] = ci + di;
      re[p + 1] = cr - dr;
      im[p + 1] = ci - di;
    }
    return;
  }
  for (let p = 0; p < size; p += 4) {
    const a0r = re[p], a0i = im[p], a1r = re[p + 1], a1i = im[p + 1];
    const a2r = re[p + 2], a2i = im[p + 2], a3r = re[p + 3], a3i = im[p + 3];
    const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
    const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1i - a3i, t3i = a3r - a1r;
    // Spectrum at p, p+1, p+2, p+3 (bit-reversed order): X0, X2, X1, X3 of the 4-point DFT.
    const x0r = t0r + t2r, x0i = t0i + t2i, x2r = t0r - t2r, x2i = t0i - t2i;
    const x1r = t1r + t3r, x1i = t1i + t3i, x3r = t1r - t3r, x3i = t1i - t3i;
    const h0r = hr[p], h0i = hi[p], h2r = hr[p + 1], h2i = hi[p + 1];
    const h1r = hr[p + 2], h1i = hi[p + 2], h3r = hr[p + 3], h3i = hi[p + 3];
    const y0r = x0r * h0r - x0i * h0i, y0i = x0r * h0i + x0i * h0r;
    const y2r = x2r * h2r - x2i * h2i, y2i = x2r * h2i + x2i * h2r;
    const y1r = x1r * h1r - x1i * h1i, y1i = x1r * h1i + x1i * h1r;
    const y3r = x3r * h3r - x3i * h3i, y3i = x3r * h3i + x3i * h3r;
    const u0r = y0r + y2r, u0i = y0i + y2i, u1r = y0r - y2r, u1i = y0i - y2i;
    const u2r = y1r + y3r, u2i = y1i + y3i, u3r = y3i - y1i, u3i = y1r - y3r;
    re[p] = u0r + u2r;
    im[p] = u0i + u2i;
    re[p + 1] = u1r + u3r;
    im[p + 1] = u1i + u3i;
    re[p + 2] = u0r - u2r;
    im[p + 2] = u0i - u2i;
    re[p + 3] = u1r - u3r;
    im[p + 3] = u1i - u3i;
  }
}
