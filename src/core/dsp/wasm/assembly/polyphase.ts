// The resampler's polyphase stage for rows of 16 taps (../../../audio/resampler/rational-kernels.ts
// and interpolated-kernels.ts), two taps per f64x2 vector. The TypeScript kernels sum in the same
// order (lanes = even and odd taps), so both give the same bits. x, out: f64; tables: f64 rows of 16.

/** Rational: output k at (div + rem / L) input samples, stepping by stepDiv + stepRem / L. */
export function rational16(table: usize, x: usize, out: usize, count: i32, div: i32, rem: i32, L: i32, stepDiv: i32, stepRem: i32): void {
  for (let k = 0; k < count; k++) {
    const t = table + (<usize>rem << 7);
    const p = x + (<usize>div << 3);
    let s01 = f64x2.mul(v128.load(t), v128.load(p));
    let s23 = f64x2.mul(v128.load(t, 16), v128.load(p, 16));
    s01 = f64x2.add(s01, f64x2.mul(v128.load(t, 32), v128.load(p, 32)));
    s23 = f64x2.add(s23, f64x2.mul(v128.load(t, 48), v128.load(p, 48)));
    s01 = f64x2.add(s01, f64x2.mul(v128.load(t, 64), v128.load(p, 64)));
    s23 = f64x2.add(s23, f64x2.mul(v128.load(t, 80), v128.load(p, 80)));
    s01 = f64x2.add(s01, f64x2.mul(v128.load(t, 96), v128.load(p, 96)));
    s23 = f64x2.add(s23, f64x2.mul(v128.load(t, 112), v128.load(p, 112)));
    const sum = f64x2.extract_lane(s01, 0) + f64x2.extract_lane(s01, 1) + (f64x2.extract_lane(s23, 0) + f64x2.extract_lane(s23, 1));
    store<f64>(out + (<usize>k << 3), sum);
    rem += stepRem;
    const carry = <i32>(rem >= L);
    rem -= carry * L;
    div += stepDiv + carry;
  }
}

/** Σ_t row[t]·x[t] over 16 taps given as 8 vectors: even taps in lane 0, odd in lane 1, taps 0-7 and 8-15 apart. */
// @ts-ignore: decorator
@inline
function dot16(t: usize, x0: v128, x1: v128, x2: v128, x3: v128, x4: v128, x5: v128, x6: v128, x7: v128): f64 {
  let lo = f64x2.mul(v128.load(t), x0);
  let hi = f64x2.mul(v128.load(t, 64), x4);
  lo = f64x2.add(lo, f64x2.mul(v128.load(t, 16), x1));
  hi = f64x2.add(hi, f64x2.mul(v128.load(t, 80), x5));
  lo = f64x2.add(lo, f64x2.mul(v128.load(t, 32), x2));
  hi = f64x2.add(hi, f64x2.mul(v128.load(t, 96), x6));
  lo = f64x2.add(lo, f64x2.mul(v128.load(t, 48), x3));
  hi = f64x2.add(hi, f64x2.mul(v128.load(t, 112), x7));
  const sum = f64x2.add(lo, hi);
  return f64x2.extract_lane(sum, 0) + f64x2.extract_lane(sum, 1);
}

/**
 * Quadratic interpolation between 2^phaseBits phases in soxr's 32.32 clock (atInt + atFrac / 2^32):
 * Σ (a + b·f + c·f²)·x as three dot products over the same 16 samples, loaded once.
 */
export function quadratic16(a: usize, b: usize, c: usize, x: usize, out: usize, count: i32, atInt: i32, atFrac: f64, stepInt: i32, stepFrac: f64, phaseUnit: f64): void {
  // phaseUnit is a power of 2: multiplying by its reciprocal is dividing by it, exactly.
  const perUnit = 1.0 / phaseUnit;
  for (let k = 0; k < count; k++) {
    const phase = Math.floor(atFrac * perUnit);
    const f = <f64><f32>((atFrac - phase * phaseUnit) * perUnit);
    const row = <usize>(<i32>phase) << 7;
    const p = x + (<usize>atInt << 3);
    const x0 = v128.load(p), x1 = v128.load(p, 16), x2 = v128.load(p, 32), x3 = v128.load(p, 48);
    const x4 = v128.load(p, 64), x5 = v128.load(p, 80), x6 = v128.load(p, 96), x7 = v128.load(p, 112);
    const va = dot16(a + row, x0, x1, x2, x3, x4, x5, x6, x7);
    const vb = dot16(b + row, x0, x1, x2, x3, x4, x5, x6, x7);
    const vc = dot16(c + row, x0, x1, x2, x3, x4, x5, x6, x7);
    store<f64>(out + (<usize>k << 3), va + (vb + vc * f) * f);
    // The carry without a branch: it comes at no regular beat, so a branch would mispredict often.
    atFrac += stepFrac;
    const carry = <i32>(atFrac >= 4294967296.0);
    atFrac -= <f64>carry * 4294967296.0;
    atInt += stepInt + carry;
  }
}

/** Linear interpolation between 2^phaseBits phases (see quadratic16): Σ (a + b·f)·x as two dot products. */
export function linear16(a: usize, b: usize, x: usize, out: usize, count: i32, atInt: i32, atFrac: f64, stepInt: i32, stepFrac: f64, phaseUnit: f64): void {
  const perUnit = 1.0 / phaseUnit;
  for (let k = 0; k < count; k++) {
    const phase = Math.floor(atFrac * perUnit);
    const f = <f64><f32>((atFrac - phase * phaseUnit) * perUnit);
    const row = <usize>(<i32>phase) << 7;
    const p = x + (<usize>atInt << 3);
    const x0 = v128.load(p), x1 = v128.load(p, 16), x2 = v128.load(p, 32), x3 = v128.load(p, 48);
    const x4 = v128.load(p, 64), x5 = v128.load(p, 80), x6 = v128.load(p, 96), x7 = v128.load(p, 112);
    const va = dot16(a + row, x0, x1, x2, x3, x4, x5, x6, x7);
    const vb = dot16(b + row, x0, x1, x2, x3, x4, x5, x6, x7);
    store<f64>(out + (<usize>k << 3), va + vb * f);
    atFrac += stepFrac;
    const carry = <i32>(atFrac >= 4294967296.0);
    atFrac -= <f64>carry * 4294967296.0;
    atInt += stepInt + carry;
  }
}
