/**
 * In-place complex FFT of a power-of-two size, for the FIR convolver. The forward transform is
 * decimation in frequency (natural order in, bit-reversed out) and the inverse its exact mirror,
 * decimation in time (bit-reversed in, natural out), so a product taken in between needs no
 * permutation pass. Both are radix 4 (each stage two fused radix-2 stages) with a radix-2 stage for
 * odd log2(size). The inverse is unscaled.
 */
export class Radix4Fft {
  /** For the radix-4 stage with quarter-span q, at 6·(q - 1 + j): w^j, w^2j, w^3j (re, im), w = e^{-2πi/4q}. */
  private readonly twiddles: Float64Array;

  /** Transforms of any power-of-two size up to `maxSize`. */
  constructor(maxSize: number) {
    const tw = new Float64Array(6 * maxSize);
    for (let q = 1; 4 * q <= maxSize; q <<= 1) {
      for (let j = 0; j < q; j++) {
        const angle = (-2 * Math.PI * j) / (4 * q);
        const k = 6 * (q - 1 + j);
        tw[k] = Math.cos(angle);
        tw[k + 1] = Math.sin(angle);
        tw[k + 2] = Math.cos(2 * angle);
        tw[k + 3] = Math.sin(2 * angle);
        tw[k + 4] = Math.cos(3 * angle);
        tw[k + 5] = Math.sin(3 * angle);
      }
    }
    this.twiddles = tw;
  }

  /**
   * DIF FFT of re/im[0, size), natural order in, bit-reversed order out. Without `full`, the last
   * (twiddle-free) pass is left to the caller, which may fuse it with what follows.
   */
  forward(re: Float64Array, im: Float64Array, size: number, full: boolean): void {
    const tw = this.twiddles;
    const odd = Math.log2(size) & 1;
    for (let q = size >> 2; q > 1; q >>= 2) {
      const span = q << 2;
      for (let s = 0; s < size; s += span) {
        for (let j = 0, k = 6 * (q - 1); j < q; j++, k += 6) {
          const p0 = s + j;
          const p1 = p0 + q;
          const p2 = p1 + q;
          const p3 = p2 + q;
          const a0r = re[p0], a0i = im[p0], a1r = re[p1], a1i = im[p1];
          const a2r = re[p2], a2i = im[p2], a3r = re[p3], a3i = im[p3];
          const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
          const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1i - a3i, t3i = a3r - a1r; // t3 = -i (a1 - a3)
          re[p0] = t0r + t2r;
          im[p0] = t0i + t2i;
          const y2r = t0r - t2r, y2i = t0i - t2i; // X[2], goes to the 2nd quarter (bit-reversed order)
          const y1r = t1r + t3r, y1i = t1i + t3i; // X[1], 3rd quarter
          const y3r = t1r - t3r, y3i = t1i - t3i; // X[3], 4th quarter
          const w1r = tw[k], w1i = tw[k + 1], w2r = tw[k + 2], w2i = tw[k + 3], w3r = tw[k + 4], w3i = tw[k + 5];
          re[p1] = y2r * w2r - y2i * w2i;
          im[p1] = y2r * w2i + y2i * w2r;
          re[p2] = y1r * w1r - y1i * w1i;
          im[p2] = y1r * w1i + y1i * w1r;
          re[p3] = y3r * w3r - y3i * w3i;
          im[p3] = y3r * w3i + y3i * w3r;
        }
      }
    }
    if (!full) return;
    if (odd) radix2Pass(re, im, size);
    else lastRadix4Pass(re, im, size);
  }

  /**
   * The inverse of `forward` (unscaled): bit-reversed order in, natural order out. Without `full`,
   * the first (twiddle-free) pass is taken as done by the caller.
   */
  inverse(re: Float64Array, im: Float64Array, size: number, full: boolean): void {
    const tw = this.twiddles;
    const odd = Math.log2(size) & 1;
    if (full) {
      if (odd) radix2Pass(re, im, size);
      else firstInverseRadix4Pass(re, im, size);
    }
    for (let q = odd ? 2 : 4; q < size; q <<= 2) {
      const span = q << 2;
      for (let s = 0; s < size; s += span) {
        for (let j = 0, k = 6 * (q - 1); j < q; j++, k += 6) {
          const p0 = s + j;
          const p1 = p0 + q;
          const p2 = p1 + q;
          const p3 = p2 + q;
          const w1r = tw[k], w1i = tw[k + 1], w2r = tw[k + 2], w2i = tw[k + 3], w3r = tw[k + 4], w3i = tw[k + 5];
          // Undo the twiddles (multiply by their conjugates), then the inverse 4-point DFT.
          const y0r = re[p0], y0i = im[p0];
          const b2r = re[p1], b2i = im[p1], b1r = re[p2], b1i = im[p2], b3r = re[p3], b3i = im[p3];
          const y2r = b2r * w2r + b2i * w2i, y2i = b2i * w2r - b2r * w2i;
          const y1r = b1r * w1r + b1i * w1i, y1i = b1i * w1r - b1r * w1i;
          const y3r = b3r * w3r + b3i * w3i, y3i = b3i * w3r - b3r * w3i;
          const u0r = y0r + y2r, u0i = y0i + y2i, u1r = y0r - y2r, u1i = y0i - y2i;
          const u2r = y1r + y3r, u2i = y1i + y3i, u3r = y3i - y1i, u3i = y1r - y3r; // u3 = i (y1 - y3)
          re[p0] = u0r + u2r;
          im[p0] = u0i + u2i;
          re[p1] = u1r + u3r;
          im[p1] = u1i + u3i;
          re[p2] = u0r - u2r;
          im[p2] = u0i - u2i;
          re[p3] = u1r - u3r;
          im[p3] = u1i - u3i;
        }
      }
    }
  }
}

/** The twiddle-free last radix-4 pass of `forward` (quarter-span 1). */
function lastRadix4Pass(re: Float64Array, im: Float64Array, size: number): void {
  for (let p = 0; p < size; p += 4) {
    const a0r = re[p], a0i = im[p], a1r = re[p + 1], a1i = im[p + 1];
    const a2r = re[p + 2], a2i = im[p + 2], a3r = re[p + 3], a3i = im[p + 3];
    const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
    const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1i - a3i, t3i = a3r - a1r;
    re[p] = t0r + t2r;
    im[p] = t0i + t2i;
    re[p + 1] = t0r - t2r;
    im[p + 1] = t0i - t2i;
    re[p + 2] = t1r + t3r;
    im[p + 2] = t1i + t3i;
    re[p + 3] = t1r - t3r;
    im[p + 3] = t1i - t3i;
  }
}

/** The twiddle-free first radix-4 pass of `inverse`. */
function firstInverseRadix4Pass(re: Float64Array, im: Float64Array, size: number): void {
  for (let p = 0; p < size; p += 4) {
    const y0r = re[p], y0i = im[p], y2r = re[p + 1], y2i = im[p + 1];
    const y1r = re[p + 2], y1i = im[p + 2], y3r = re[p + 3], y3i = im[p + 3];
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

/** The last (first, for the inverse) radix-2 stage: adjacent pairs, no twiddles; self-inverse up to 2. */
function radix2Pass(re: Float64Array, im: Float64Array, size: number): void {
  for (let a = 0; a < size; a += 2) {
    const ar = re[a];
    const ai = im[a];
    const br = re[a + 1];
    const bi = im[a + 1];
    re[a] = ar + br;
    im[a] = ai + bi;
    re[a + 1] = ar - br;
    im[a + 1] = ai - bi;
  }
}
