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
    div += stepDiv;
    rem += stepRem;
    if (rem >= L) {
      rem -= L;
      div++;
    }
  }
}

/** Σ_t table[t]·x[t] over 16 taps: even taps in lane 0, odd in lane 1, taps 0-7 and 8-15 apart. */
// @ts-ignore: decorator
@inline
function dot16(t: usize, p: usize): v128 {
  let lo = f64x2.mul(v128.load(t), v128.load(p));
  let hi = f64x2.mul(v128.load(t, 64), v128.load(p, 64));
  lo = f64x2.add(lo, f64x2.mul(v128.load(t, 16), v128.load(p, 16)));
  hi = f64x2.add(hi, f64x2.mul(v128.load(t, 80), v128.load(p, 80)));
  lo = f64x2.add(lo, f64x2.mul(v128.load(t, 32), v128.load(p, 32)));
  hi = f64x2.add(hi, f64x2.mul(v128.load(t, 96), v128.load(p, 96)));
  lo = f64x2.add(lo, f64x2.mul(v128.load(t, 48), v128.load(p, 48)));
  hi = f64x2.add(hi, f64x2.mul(v128.load(t, 112), v128.load(p, 112)));
  return f64x2.add(lo, hi);
}

/**
 * Quadratic interpolation between 2^phaseBits phases in soxr's 32.32 clock (atInt + atFrac / 2^32):
 * Σ (a + b·f + c·f²)·x as three dot products.
 */
export function quadratic16(a: usize, b: usize, c: usize, x: usize, out: usize, count: i32, atInt: i32, atFrac: f64, stepInt: i32, stepFrac: f64, phaseUnit: f64): void {
  // phaseUnit is a power of 2: multiplying by its reciprocal is dividing by it, exactly.
  const perUnit = 1.0 / phaseUnit;
  for (let k = 0; k < count; k++) {
    const phase = Math.floor(atFrac * perUnit);
    const f = <f64><f32>((atFrac - phase * phaseUnit) * perUnit);
    const row = <usize>(<i32>phase) << 7;
    const p = x + (<usize>atInt << 3);
    const sa = dot16(a + row, p), sb = dot16(b + row, p), sc = dot16(c + row, p);
    const va = f64x2.extract_lane(sa, 0) + f64x2.extract_lane(sa, 1);
    const vb = f64x2.extract_lane(sb, 0) + f64x2.extract_lane(sb, 1);
    const vc = f64x2.extract_lane(sc, 0) + f64x2.extract_lane(sc, 1);
    store<f64>(out + (<usize>k << 3), va + (vb + vc * f) * f);
    atInt += stepInt;
    atFrac += stepFrac;
    if (atFrac >= 4294967296.0) {
      atFrac -= 4294967296.0;
      atInt++;
    }
  }
}
