/*
 * The rational polyphase stage's inner loops (soxr's poly-fir0.h): output k is at (at0 + k·step) / L
 * input samples, kept as a whole part `div` and a phase `rem` < L; the phase's row of the table
 * holds the taps. Partial sums run in four independent chains throughout. The 16- and 12-tap
 * kernels are unrolled by hand (~1.6x the loop's speed), so they repeat one another on purpose.
 */

/** Rows of 16 taps (13 to 16, zero-padded). */
export function rational16(
  table: Float64Array,
  x: Float64Array,
  out: Float64Array,
  div: number,
  rem: number,
  L: number,
  stepDiv: number,
  stepRem: number,
): void {
  for (let k = 0; k < out.length; k++) {
    const t = rem * 16;
    const p = div;
    const s0 = table[t] * x[p] + table[t + 4] * x[p + 4] + table[t + 8] * x[p + 8] + table[t + 12] * x[p + 12];
    const s1 = table[t + 1] * x[p + 1] + table[t + 5] * x[p + 5] + table[t + 9] * x[p + 9] + table[t + 13] * x[p + 13];
    const s2 = table[t + 2] * x[p + 2] + table[t + 6] * x[p + 6] + table[t + 10] * x[p + 10] + table[t + 14] * x[p + 14];
    const s3 = table[t + 3] * x[p + 3] + table[t + 7] * x[p + 7] + table[t + 11] * x[p + 11] + table[t + 15] * x[p + 15];
    out[k] = s0 + s1 + (s2 + s3);
    div += stepDiv;
    rem += stepRem;
    if (rem >= L) {
      rem -= L;
      div++;
    }
  }
}

/** Rows of 12 taps (up to 12, zero-padded). */
export function rational12(
  table: Float64Array,
  x: Float64Array,
  out: Float64Array,
  div: number,
  rem: number,
  L: number,
  stepDiv: number,
  stepRem: number,
): void {
  for (let k = 0; k < out.length; k++) {
    const t = rem * 12;
    const p = div;
    const s0 = table[t] * x[p] + table[t + 4] * x[p + 4] + table[t + 8] * x[p + 8];
    const s1 = table[t + 1] * x[p + 1] + table[t + 5] * x[p + 5] + table[t + 9] * x[p + 9];
    const s2 = table[t + 2] * x[p + 2] + table[t + 6] * x[p + 6] + table[t + 10] * x[p + 10];
    const s3 = table[t + 3] * x[p + 3] + table[t + 7] * x[p + 7] + table[t + 11] * x[p + 11];
    out[k] = s0 + s1 + (s2 + s3);
    div += stepDiv;
    rem += stepRem;
    if (rem >= L) {
      rem -= L;
      div++;
    }
  }
}

/** Rows of `n` taps, any n. */
export function rationalAny(
  table: Float64Array,
  n: number,
  x: Float64Array,
  out: Float64Array,
  div: number,
  rem: number,
  L: number,
  stepDiv: number,
  stepRem: number,
): void {
  const tail = n & 3;
  const main = n - tail;
  for (let k = 0; k < out.length; k++) {
    let t = rem * n;
    let p = div;
    const end = t + main;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (; t < end; t += 4, p += 4) {
      s0 += table[t] * x[p];
      s1 += table[t + 1] * x[p + 1];
      s2 += table[t + 2] * x[p + 2];
      s3 += table[t + 3] * x[p + 3];
    }
    for (let c = 0; c < tail; c++) s0 += table[t + c] * x[p + c];
    out[k] = s0 + s1 + (s2 + s3);
    div += stepDiv;
    rem += stepRem;
    if (rem >= L) {
      rem -= L;
      div++;
    }
  }
}
