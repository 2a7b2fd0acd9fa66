// The radix-4 complex FFT of ../../radix-fft.ts in float64, two butterflies per f64x2 vector. Every
// value goes through the same operations in the same order as there, so both give identical bits.
// Pointers are byte offsets. Twiddles: for the stage of quarter-span q, at f64 index 6·(q - 1), six
// planes of q values: w1r, w1i, w2r, w2i, w3r, w3i (w = e^{-2πi/4q}, w^j, w^2j, w^3j).

/** DIF FFT, natural order in, bit-reversed out; without `full` the twiddle-free last pass is left out. */
export function forwardFft(re: usize, im: usize, size: i32, full: bool, twiddles: usize): void {
  for (let q = size >> 2; q > 1; q >>= 2) forwardStage(re, im, size, q, twiddles + (<usize>(6 * (q - 1)) << 3));
  if (!full) return;
  if (ctz(size) & 1) radix2Pass(re, im, size);
  else lastRadix4Pass(re, im, size);
}

/** The inverse of forwardFft (unscaled), bit-reversed in, natural out; without `full` its first pass is taken as done. */
export function inverseFft(re: usize, im: usize, size: i32, full: bool, twiddles: usize): void {
  const odd = ctz(size) & 1;
  if (full) {
    if (odd) radix2Pass(re, im, size);
    else firstInverseRadix4Pass(re, im, size);
  }
  for (let q = odd ? 2 : 4; q < size; q <<= 2) inverseStage(re, im, size, q, twiddles + (<usize>(6 * (q - 1)) << 3));
}

function forwardStage(re: usize, im: usize, size: i32, q: i32, w: usize): void {
  const span = q << 2;
  const qb = <usize>q << 3;
  for (let s = 0; s < size; s += span) {
    for (let j = 0; j < q; j += 2) {
      const o0 = <usize>(s + j) << 3;
      const o1 = o0 + qb;
      const o2 = o1 + qb;
      const o3 = o2 + qb;
      const a0r = v128.load(re + o0), a0i = v128.load(im + o0), a1r = v128.load(re + o1), a1i = v128.load(im + o1);
      const a2r = v128.load(re + o2), a2i = v128.load(im + o2), a3r = v128.load(re + o3), a3i = v128.load(im + o3);
      const t0r = f64x2.add(a0r, a2r), t0i = f64x2.add(a0i, a2i), t1r = f64x2.sub(a0r, a2r), t1i = f64x2.sub(a0i, a2i);
      const t2r = f64x2.add(a1r, a3r), t2i = f64x2.add(a1i, a3i), t3r = f64x2.sub(a1i, a3i), t3i = f64x2.sub(a3r, a1r);
      v128.store(re + o0, f64x2.add(t0r, t2r));
      v128.store(im + o0, f64x2.add(t0i, t2i));
      const y2r = f64x2.sub(t0r, t2r), y2i = f64x2.sub(t0i, t2i);
      const y1r = f64x2.add(t1r, t3r), y1i = f64x2.add(t1i, t3i);
      const y3r = f64x2.sub(t1r, t3r), y3i = f64x2.sub(t1i, t3i);
      const wj = w + (<usize>j << 3);
      const w1r = v128.load(wj), w1i = v128.load(wj + qb), w2r = v128.load(wj + 2 * qb);
      const w2i = v128.load(wj + 3 * qb), w3r = v128.load(wj + 4 * qb), w3i = v128.load(wj + 5 * qb);
      v128.store(re + o1, f64x2.sub(f64x2.mul(y2r, w2r), f64x2.mul(y2i, w2i)));
      v128.store(im + o1, f64x2.add(f64x2.mul(y2r, w2i), f64x2.mul(y2i, w2r)));
      v128.store(re + o2, f64x2.sub(f64x2.mul(y1r, w1r), f64x2.mul(y1i, w1i)));
      v128.store(im + o2, f64x2.add(f64x2.mul(y1r, w1i), f64x2.mul(y1i, w1r)));
      v128.store(re + o3, f64x2.sub(f64x2.mul(y3r, w3r), f64x2.mul(y3i, w3i)));
      v128.store(im + o3, f64x2.add(f64x2.mul(y3r, w3i), f64x2.mul(y3i, w3r)));
    }
  }
}

function inverseStage(re: usize, im: usize, size: i32, q: i32, w: usize): void {
  const span = q << 2;
  const qb = <usize>q << 3;
  for (let s = 0; s < size; s += span) {
    for (let j = 0; j < q; j += 2) {
      const o0 = <usize>(s + j) << 3;
      const o1 = o0 + qb;
      const o2 = o1 + qb;
      const o3 = o2 + qb;
      const wj = w + (<usize>j << 3);
      const w1r = v128.load(wj), w1i = v128.load(wj + qb), w2r = v128.load(wj + 2 * qb);
      const w2i = v128.load(wj + 3 * qb), w3r = v128.load(wj + 4 * qb), w3i = v128.load(wj + 5 * qb);
      const y0r = v128.load(re + o0), y0i = v128.load(im + o0);
      const b2r = v128.load(re + o1), b2i = v128.load(im + o1), b1r = v128.load(re + o2), b1i = v128.load(im + o2);
      const b3r = v128.load(re + o3), b3i = v128.load(im + o3);
      const y2r = f64x2.add(f64x2.mul(b2r, w2r), f64x2.mul(b2i, w2i)), y2i = f64x2.sub(f64x2.mul(b2i, w2r), f64x2.mul(b2r, w2i));
      const y1r = f64x2.add(f64x2.mul(b1r, w1r), f64x2.mul(b1i, w1i)), y1i = f64x2.sub(f64x2.mul(b1i, w1r), f64x2.mul(b1r, w1i));
      const y3r = f64x2.add(f64x2.mul(b3r, w3r), f64x2.mul(b3i, w3i)), y3i = f64x2.sub(f64x2.mul(b3i, w3r), f64x2.mul(b3r, w3i));
      const u0r = f64x2.add(y0r, y2r), u0i = f64x2.add(y0i, y2i), u1r = f64x2.sub(y0r, y2r), u1i = f64x2.sub(y0i, y2i);
      const u2r = f64x2.add(y1r, y3r), u2i = f64x2.add(y1i, y3i), u3r = f64x2.sub(y3i, y1i), u3i = f64x2.sub(y1r, y3r);
      v128.store(re + o0, f64x2.add(u0r, u2r));
      v128.store(im + o0, f64x2.add(u0i, u2i));
      v128.store(re + o1, f64x2.add(u1r, u3r));
      v128.store(im + o1, f64x2.add(u1i, u3i));
      v128.store(re + o2, f64x2.sub(u0r, u2r));
      v128.store(im + o2, f64x2.sub(u0i, u2i));
      v128.store(re + o3, f64x2.sub(u1r, u3r));
      v128.store(im + o3, f64x2.sub(u1i, u3i));
    }
  }
}

/** The twiddle-free last radix-4 pass of forwardFft (quarter-span 1). */
export function lastRadix4Pass(re: usize, im: usize, size: i32): void {
  for (let p = 0; p < size; p += 4) {
    const o = <usize>p << 3;
    const a0r = load<f64>(re + o), a0i = load<f64>(im + o), a1r = load<f64>(re + o, 8), a1i = load<f64>(im + o, 8);
    const a2r = load<f64>(re + o, 16), a2i = load<f64>(im + o, 16), a3r = load<f64>(re + o, 24), a3i = load<f64>(im + o, 24);
    const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
    const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1i - a3i, t3i = a3r - a1r;
    store<f64>(re + o, t0r + t2r);
    store<f64>(im + o, t0i + t2i);
    store<f64>(re + o, t0r - t2r, 8);
    store<f64>(im + o, t0i - t2i, 8);
    store<f64>(re + o, t1r + t3r, 16);
    store<f64>(im + o, t1i + t3i, 16);
    store<f64>(re + o, t1r - t3r, 24);
    store<f64>(im + o, t1i - t3i, 24);
  }
}

/** The twiddle-free first radix-4 pass of inverseFft. */
export function firstInverseRadix4Pass(re: usize, im: usize, size: i32): void {
  for (let p = 0; p < size; p += 4) {
    const o = <usize>p << 3;
    const y0r = load<f64>(re + o), y0i = load<f64>(im + o), y2r = load<f64>(re + o, 8), y2i = load<f64>(im + o, 8);
    const y1r = load<f64>(re + o, 16), y1i = load<f64>(im + o, 16), y3r = load<f64>(re + o, 24), y3i = load<f64>(im + o, 24);
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

/** Adjacent pairs, no twiddles: the odd-size last (forward) or first (inverse) stage. */
function radix2Pass(re: usize, im: usize, size: i32): void {
  for (let a = 0; a < size; a += 2) {
    const o = <usize>a << 3;
    const ar = load<f64>(re + o), ai = load<f64>(im + o), br = load<f64>(re + o, 8), bi = load<f64>(im + o, 8);
    store<f64>(re + o, ar + br);
    store<f64>(im + o, ai + bi);
    store<f64>(re + o, ar - br, 8);
    store<f64>(im + o, ai - bi, 8);
  }
}
