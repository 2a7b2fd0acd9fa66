// The resampler's last step on the kernel: its float64 samples to float32.

/** out[i] = f32(x[i]) for i < n: float64 samples rounded to float32 (a typed-array copy across types is slow in V8). */
export function toFloat32(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const lo = f32x4.demote_f64x2_zero(v128.load(x + (<usize>i << 3)));
    const hi = f32x4.demote_f64x2_zero(v128.load(x + (<usize>i << 3), 16));
    v128.store(out + (<usize>i << 2), i32x4.shuffle(lo, hi, 0, 1, 4, 5));
  }
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), <f32>load<f64>(x + (<usize>i << 3)));
}
