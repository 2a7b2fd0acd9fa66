import { MULT32 } from './fixed-point-clock';

/*
 * The interpolated polyphase stage's inner loops (soxr's poly-fir.h). The clock is soxr's 32.32
 * fixed point, kept as an integer part and a fraction in [0, 2^32). The top `phaseBits` bits of the
 * fraction pick the phase; the rest, as a float in [0, 1), the position x between it and the next,
 * where each tap's coefficient is a polynomial in x (tables a, b, c: its coefficients of 1, x, x²).
 * `phaseUnit` is 2^(32 - phaseBits). The kernels repeat the clock and the dot products on purpose:
 * this is the stage's hot loop, and sharing them through calls or zero coefficients would cost speed.
 */

/** Linear interpolation between phases: Σ (a + b·x)·v as two dot products. */
export function interpolatedLinear(
  a: Float64Array,
  b: Float64Array,
  n: number,
  stride: number,
  padded: Float64Array,
  out: Float64Array,
  atInt: number,
  atFrac: number,
  stepInt: number,
  stepFrac: number,
  phaseUnit: number,
): void {
  for (let k = 0; k < out.length; k++) {
    const phase = Math.floor(atFrac / phaseUnit);
    const x = Math.fround((atFrac - phase * phaseUnit) / phaseUnit);
    let t = phase * stride;
    let p = atInt;
    const end = t + n;
    let s0 = 0;
    let s1 = 0;
    for (; t < end; t++, p++) {
      const v = padded[p];
      s0 += a[t] * v;
      s1 += b[t] * v;
    }
    out[k] = s0 + s1 * x;
    atInt += stepInt;
    atFrac += stepFrac;
    if (atFrac >= MULT32) {
      atFrac -= MULT32;
      atInt++;
    }
  }
}

/** Quadratic interpolation between phases: Σ (a + b·x + c·x²)·v as three dot products. */
export function interpolatedQuadratic(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  n: number,
  stride: number,
  padded: Float64Array,
  out: Float64Array,
  atInt: number,
  atFrac: number,
  stepInt: number,
  stepFrac: number,
  phaseUnit: number,
): void {
  for (let k = 0; k < out.length; k++) {
    const phase = Math.floor(atFrac / phaseUnit);
    const x = Math.fround((atFrac - phase * phaseUnit) / phaseUnit);
    let t = phase * stride;
    let p = atInt;
    const end = t + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (; t < end; t++, p++) {
      const v = padded[p];
      s0 += a[t] * v;
      s1 += b[t] * v;
      s2 += c[t] * v;
    }
    out[k] = s0 + (s1 + s2 * x) * x;
    atInt += stepInt;
    atFrac += stepFrac;
    if (atFrac >= MULT32) {
      atFrac -= MULT32;
      atInt++;
    }
  }
}

/**
 * interpolatedQuadratic for 16 (zero-padded) taps, unrolled by hand: ~1.3x the loop's speed. Each dot
 * product sums the even and the odd taps apart, each as taps 0-7 and 8-15 apart, as the wasm
 * kernel's two-lane vectors do (dsp/wasm/assembly/polyphase.ts), so both give the same bits.
 */
export function interpolatedQuadratic16(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  x: Float64Array,
  out: Float64Array,
  atInt: number,
  atFrac: number,
  stepInt: number,
  stepFrac: number,
  phaseUnit: number,
): void {
  for (let k = 0; k < out.length; k++) {
    const phase = Math.floor(atFrac / phaseUnit);
    const f = Math.fround((atFrac - phase * phaseUnit) / phaseUnit);
    const t = phase * 16;
    const p = atInt;
    const v0 = x[p], v1 = x[p + 1], v2 = x[p + 2], v3 = x[p + 3], v4 = x[p + 4], v5 = x[p + 5];
    const v6 = x[p + 6], v7 = x[p + 7], v8 = x[p + 8], v9 = x[p + 9], v10 = x[p + 10], v11 = x[p + 11];
    const v12 = x[p + 12], v13 = x[p + 13], v14 = x[p + 14], v15 = x[p + 15];
    const sa =
      (a[t] * v0 + a[t + 2] * v2 + a[t + 4] * v4 + a[t + 6] * v6 + (a[t + 8] * v8 + a[t + 10] * v10 + a[t + 12] * v12 + a[t + 14] * v14)) +
      (a[t + 1] * v1 + a[t + 3] * v3 + a[t + 5] * v5 + a[t + 7] * v7 + (a[t + 9] * v9 + a[t + 11] * v11 + a[t + 13] * v13 + a[t + 15] * v15));
    const sb =
      (b[t] * v0 + b[t + 2] * v2 + b[t + 4] * v4 + b[t + 6] * v6 + (b[t + 8] * v8 + b[t + 10] * v10 + b[t + 12] * v12 + b[t + 14] * v14)) +
      (b[t + 1] * v1 + b[t + 3] * v3 + b[t + 5] * v5 + b[t + 7] * v7 + (b[t + 9] * v9 + b[t + 11] * v11 + b[t + 13] * v13 + b[t + 15] * v15));
    const sc =
      (c[t] * v0 + c[t + 2] * v2 + c[t + 4] * v4 + c[t + 6] * v6 + (c[t + 8] * v8 + c[t + 10] * v10 + c[t + 12] * v12 + c[t + 14] * v14)) +
      (c[t + 1] * v1 + c[t + 3] * v3 + c[t + 5] * v5 + c[t + 7] * v7 + (c[t + 9] * v9 + c[t + 11] * v11 + c[t + 13] * v13 + c[t + 15] * v15));
    out[k] = sa + (sb + sc * f) * f;
    atInt += stepInt;
    atFrac += stepFrac;
    if (atFrac >= MULT32) {
      atFrac -= MULT32;
      atInt++;
    }
  }
}

/**
 * interpolatedLinear for 16 (zero-padded) taps, unrolled by hand, its dot products summed as the
 * wasm kernel's two-lane vectors do (see interpolatedQuadratic16), so both give the same bits.
 */
export function interpolatedLinear16(
  a: Float64Array,
  b: Float64Array,
  x: Float64Array,
  out: Float64Array,
  atInt: number,
  atFrac: number,
  stepInt: number,
  stepFrac: number,
  phaseUnit: number,
): void {
  for (let k = 0; k < out.length; k++) {
    const phase = Math.floor(atFrac / phaseUnit);
    const f = Math.fround((atFrac - phase * phaseUnit) / phaseUnit);
    const t = phase * 16;
    const p = atInt;
    const v0 = x[p], v1 = x[p + 1], v2 = x[p + 2], v3 = x[p + 3], v4 = x[p + 4], v5 = x[p + 5];
    const v6 = x[p + 6], v7 = x[p + 7], v8 = x[p + 8], v9 = x[p + 9], v10 = x[p + 10], v11 = x[p + 11];
    const v12 = x[p + 12], v13 = x[p + 13], v14 = x[p + 14], v15 = x[p + 15];
    const sa =
      (a[t] * v0 + a[t + 2] * v2 + a[t + 4] * v4 + a[t + 6] * v6 + (a[t + 8] * v8 + a[t + 10] * v10 + a[t + 12] * v12 + a[t + 14] * v14)) +
      (a[t + 1] * v1 + a[t + 3] * v3 + a[t + 5] * v5 + a[t + 7] * v7 + (a[t + 9] * v9 + a[t + 11] * v11 + a[t + 13] * v13 + a[t + 15] * v15));
    const sb =
      (b[t] * v0 + b[t + 2] * v2 + b[t + 4] * v4 + b[t + 6] * v6 + (b[t + 8] * v8 + b[t + 10] * v10 + b[t + 12] * v12 + b[t + 14] * v14)) +
      (b[t + 1] * v1 + b[t + 3] * v3 + b[t + 5] * v5 + b[t + 7] * v7 + (b[t + 9] * v9 + b[t + 11] * v11 + b[t + 13] * v13 + b[t + 15] * v15));
    out[k] = sa + sb * f;
    atInt += stepInt;
    atFrac += stepFrac;
    if (atFrac >= MULT32) {
      atFrac -= MULT32;
      atInt++;
    }
  }
}
