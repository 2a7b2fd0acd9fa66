// The resampler's half-band stage: see halfBand.

/**
 * soxr's half-band decimator (../../../audio/resampler/half-band-stage.ts),
 * out[i] = x[2i]/2 + Σ_j coefs[j]·(x[2i - 2j - 1] + x[2i + 2j + 1]), over x split in two planes
 * (splitForHalfBand): centres[nc - 1 + m] = x[2m] and wings[nc + m] = x[2m + 1], zeros elsewhere, so
 * that both reads are contiguous: out[i] = centres[nc - 1 + i]/2 + Σ_j coefs[j]·(wings[nc - 1 + i - j]
 * + wings[nc + i + j]). Two outputs per f64x2 vector, each lane summed in the TypeScript loop's
 * order, so the same bits.
 */
export function halfBand(centres: usize, wings: usize, coefs: usize, nc: i32, out: usize, count: i32): void {
  const half = f64x2.splat(0.5);
  let i = 0;
  for (; i + 1 < count; i += 2) {
    let sum = f64x2.mul(half, v128.load(centres + (<usize>(nc - 1 + i) << 3)));
    for (let j = 0; j < nc; j++) {
      const pair = f64x2.add(v128.load(wings + (<usize>(nc - 1 + i - j) << 3)), v128.load(wings + (<usize>(nc + i + j) << 3)));
      sum = f64x2.add(sum, f64x2.mul(f64x2.splat(load<f64>(coefs + (<usize>j << 3))), pair));
    }
    v128.store(out + (<usize>i << 3), sum);
  }
  for (; i < count; i++) {
    let sum = 0.5 * load<f64>(centres + (<usize>(nc - 1 + i) << 3));
    for (let j = 0; j < nc; j++) {
      const pair = load<f64>(wings + (<usize>(nc - 1 + i - j) << 3)) + load<f64>(wings + (<usize>(nc + i + j) << 3));
      sum += load<f64>(coefs + (<usize>j << 3)) * pair;
    }
    store<f64>(out + (<usize>i << 3), sum);
  }
}

/** halfBand's planes (`plane` f64 each) from x, float32 (`float32`) or float64, of n samples. */
export function splitForHalfBand(x: usize, n: i32, float32: bool, centres: usize, wings: usize, nc: i32, plane: i32): void {
  memory.fill(centres, 0, <usize>plane << 3);
  memory.fill(wings, 0, <usize>plane << 3);
  for (let s = 0; s < n; s++) {
    const value = float32 ? <f64>load<f32>(x + (<usize>s << 2)) : load<f64>(x + (<usize>s << 3));
    const target = s & 1 ? wings + (<usize>(nc + (s >> 1)) << 3) : centres + (<usize>(nc - 1 + (s >> 1)) << 3);
    store<f64>(target, value);
  }
}
