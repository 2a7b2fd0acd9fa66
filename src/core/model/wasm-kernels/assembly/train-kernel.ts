// AssemblyScript source of the training glue kernel (built by scripts/build-wasm.mjs, twice: for a
// plain and for a shared imported memory). It has no memory of its own: it is instantiated on the
// tfjs wasm backend's memory and works in place on tensors and scratch buffers there, so the
// passes around the matrix products (batch-norm gradient, pooling gradient, transposes, chunk sums)
// run as SIMD code instead of JavaScript. No static data, no allocation: it never writes outside
// the buffers it is given. Pointers are byte offsets; `channels`-long rows are 4-float aligned
// where the callers say so (vector loops), with scalar tails otherwise.

/**
 * One pass of the batch-norm gradient over rows × channels values:
 *   dx = dy · factor[c];  sumDy[c] += dy;  sumDyCentred[c] += dy · (x − mean[c])
 * factor, mean: f32[channels]; sumDy, sumDyCentred: f64[channels], zeroed by the caller.
 */
export function batchNormGrad(
  dy: usize, x: usize, dx: usize, rows: i32, channels: i32,
  factor: usize, mean: usize, sumDy: usize, sumDyCentred: usize,
): void {
  const vectorEnd = channels & ~3;
  const rowBytes = <usize>channels << 2;
  for (let r = 0; r < rows; r++) {
    const offset = <usize>r * rowBytes;
    const dyRow = dy + offset;
    const xRow = x + offset;
    const dxRow = dx + offset;
    let c = 0;
    for (; c < vectorEnd; c += 4) {
      const at = <usize>c << 2;
      const g = v128.load(dyRow + at);
      v128.store(dxRow + at, f32x4.mul(g, v128.load(factor + at)));
      const centred = f32x4.mul(g, f32x4.sub(v128.load(xRow + at), v128.load(mean + at)));
      const sums = sumDy + (<usize>c << 3);
      const centredSums = sumDyCentred + (<usize>c << 3);
      v128.store(sums, f64x2.add(v128.load(sums), f64x2.promote_low_f32x4(g)));
      v128.store(sums + 16, f64x2.add(v128.load(sums + 16), f64x2.promote_low_f32x4(i32x4.shuffle(g, g, 2, 3, 0, 1))));
      v128.store(centredSums, f64x2.add(v128.load(centredSums), f64x2.promote_low_f32x4(centred)));
      v128.store(centredSums + 16, f64x2.add(v128.load(centredSums + 16), f64x2.promote_low_f32x4(i32x4.shuffle(centred, centred, 2, 3, 0, 1))));
    }
    for (; c < channels; c++) {
      const at = <usize>c << 2;
      const g = load<f32>(dyRow + at);
      store<f32>(dxRow + at, g * load<f32>(factor + at));
      const centred = g * (load<f32>(xRow + at) - load<f32>(mean + at));
      store<f64>(sumDy + (<usize>c << 3), load<f64>(sumDy + (<usize>c << 3)) + <f64>g);
      store<f64>(sumDyCentred + (<usize>c << 3), load<f64>(sumDyCentred + (<usize>c << 3)) + <f64>centred);
    }
  }
}

/**
 * out[c] += Σ_r x[r · channels + c] over `rows` rows, accumulated in f64 (out: f64[channels]).
 */
export function sumRows(x: usize, rows: i32, channels: i32, out: usize): void {
  const vectorEnd = channels & ~3;
  const rowBytes = <usize>channels << 2;
  for (let r = 0; r < rows; r++) {
    const row = x + <usize>r * rowBytes;
    let c = 0;
    for (; c < vectorEnd; c += 4) {
      const v = v128.load(row + (<usize>c << 2));
      const o = out + (<usize>c << 3);
      v128.store(o, f64x2.add(v128.load(o), f64x2.promote_low_f32x4(v)));
      v128.store(o + 16, f64x2.add(v128.load(o + 16), f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1))));
    }
    for (; c < channels; c++) {
      const o = out + (<usize>c << 3);
      store<f64>(o, load<f64>(o) + <f64>load<f32>(row + (<usize>c << 2)));
    }
  }
}

/**
 * MaxPoolGrad of pool 2, stride 2 along time ([batch, inRows, channels] in, [batch, outRows,
 * channels] out): each window's gradient goes to its first maximum; values not above -Infinity
 * (NaN included) never win, as in the cpu backend. dx must be zeroed by the caller.
 */
export function maxPoolGradPairs(
  x: usize, dy: usize, dx: usize, batch: i32, inRows: i32, outRows: i32, channels: i32, padTop: i32,
): void {
  const rowBytes = <usize>channels << 2;
  const vectorEnd = channels & ~3;
  const minusInf = f32x4.splat(-Infinity);
  for (let b = 0; b < batch; b++) {
    const sample = <usize>b * <usize>inRows * rowBytes;
    for (let o = 0; o < outRows; o++) {
      const first = o * 2 - padTop;
      const second = first + 1;
      const g = dy + (<usize>(b * outRows + o)) * rowBytes;
      const hasFirst = first >= 0 && first < inRows;
      const hasSecond = second >= 0 && second < inRows;
      if (hasFirst && hasSecond) {
        const p0 = x + sample + <usize>first * rowBytes;
        const p1 = p0 + rowBytes;
        const d0 = dx + sample + <usize>first * rowBytes;
        const d1 = d0 + rowBytes;
        let c = 0;
        for (; c < vectorEnd; c += 4) {
          const at = <usize>c << 2;
          const a = v128.load(p0 + at);
          const v = v128.load(p1 + at);
          const grad = v128.load(g + at);
          const aValid = f32x4.gt(a, minusInf);
          const vValid = f32x4.gt(v, minusInf);
          const vWins = v128.or(f32x4.gt(v, a), v128.andnot(vValid, aValid));
          const aWins = v128.andnot(aValid, f32x4.gt(v, a));
          v128.store(d0 + at, v128.and(grad, aWins));
          v128.store(d1 + at, v128.and(grad, vWins));
        }
        for (; c < channels; c++) {
          const at = <usize>c << 2;
          const a = load<f32>(p0 + at);
          const v = load<f32>(p1 + at);
          const grad = load<f32>(g + at);
          if (a > -Infinity) {
            if (v > a) store<f32>(d1 + at, grad);
            else store<f32>(d0 + at, grad);
          } else if (v > -Infinity) {
            store<f32>(d1 + at, grad);
          }
        }
      } else if (hasFirst || hasSecond) {
        const row = hasFirst ? first : second;
        const p = x + sample + <usize>row * rowBytes;
        const d = dx + sample + <usize>row * rowBytes;
        for (let c = 0; c < channels; c++) {
          const at = <usize>c << 2;
          if (load<f32>(p + at) > -Infinity) store<f32>(d + at, load<f32>(g + at));
        }
      }
    }
  }
}

/** target (cols × rows) = source (rows × cols) transposed, f32, in 8 × 8 tiles. */
export function transpose(source: usize, target: usize, rows: i32, cols: i32): void {
  const TILE = 8;
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const rEnd = min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const cEnd = min(cols, c0 + TILE);
      for (let r = r0; r < rEnd; r++) {
        const from = source + ((<usize>r * <usize>cols) << 2);
        for (let c = c0; c < cEnd; c++) {
          store<f32>(target + ((<usize>c * <usize>rows + <usize>r) << 2), load<f32>(from + (<usize>c << 2)));
        }
      }
    }
  }
}

/**
 * xT[c][b · paddedWidth + s + padLeft] = x[b][s][c] for a [batch, width, channels] input: each
 * sample's block transposed into its slot of the channel rows (the caller zeroes the padding).
 */
export function transposeIntoSlots(x: usize, xT: usize, batch: i32, width: i32, channels: i32, paddedWidth: i32, padLeft: i32): void {
  const inner = <usize>batch * <usize>paddedWidth;
  for (let b = 0; b < batch; b++) {
    const source = x + ((<usize>b * <usize>width * <usize>channels) << 2);
    const slot = xT + ((<usize>b * <usize>paddedWidth + <usize>padLeft) << 2);
    for (let s0 = 0; s0 < width; s0 += 8) {
      const sEnd = min(width, s0 + 8);
      for (let c0 = 0; c0 < channels; c0 += 8) {
        const cEnd = min(channels, c0 + 8);
        for (let s = s0; s < sEnd; s++) {
          const from = source + ((<usize>s * <usize>channels) << 2);
          for (let c = c0; c < cEnd; c++) {
            store<f32>(slot + ((<usize>c * inner + <usize>s) << 2), load<f32>(from + (<usize>c << 2)));
          }
        }
      }
    }
  }
}

/** target[i] += source[i] for count floats. */
export function addInto(target: usize, source: usize, count: i32): void {
  const vectorEnd = count & ~3;
  let i = 0;
  for (; i < vectorEnd; i += 4) {
    const at = <usize>i << 2;
    v128.store(target + at, f32x4.add(v128.load(target + at), v128.load(source + at)));
  }
  for (; i < count; i++) {
    const at = <usize>i << 2;
    store<f32>(target + at, load<f32>(target + at) + load<f32>(source + at));
  }
}

/** Relu's gradient, dx = dy · step(x) (step: 1 above 0, 0 otherwise, NaN for NaN), n floats. */
export function reluGrad(x: usize, dy: usize, dx: usize, n: i32): void {
  const vectorEnd = n & ~3;
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i < vectorEnd; i += 4) {
    const at = <usize>i << 2;
    const v = v128.load(x + at);
    const step = v128.bitselect(v, v128.bitselect(one, zero, f32x4.gt(v, zero)), f32x4.ne(v, v));
    v128.store(dx + at, f32x4.mul(v128.load(dy + at), step));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    const v = load<f32>(x + at);
    store<f32>(dx + at, load<f32>(dy + at) * (v != v ? v : v > 0 ? <f32>1 : <f32>0));
  }
}

/** Square's gradient, dx = dy · 2x, n floats. */
export function squareGrad(x: usize, dy: usize, dx: usize, n: i32): void {
  const vectorEnd = n & ~3;
  let i = 0;
  for (; i < vectorEnd; i += 4) {
    const at = <usize>i << 2;
    const v = v128.load(x + at);
    v128.store(dx + at, f32x4.mul(v128.load(dy + at), f32x4.add(v, v)));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    const v = load<f32>(x + at);
    store<f32>(dx + at, load<f32>(dy + at) * (v + v));
  }
}

/**
 * Batch normalisation with per-channel vectors: out = (x − mean[c]) · factor[c] + offset[c], where
 * factor = scale / √(variance + ε) is precomputed by the caller (f32[channels] each).
 */
export function batchNorm(x: usize, out: usize, rows: i32, channels: i32, mean: usize, factor: usize, offset: usize): void {
  const vectorEnd = channels & ~3;
  const rowBytes = <usize>channels << 2;
  for (let r = 0; r < rows; r++) {
    const row = <usize>r * rowBytes;
    let c = 0;
    for (; c < vectorEnd; c += 4) {
      const at = <usize>c << 2;
      const centred = f32x4.sub(v128.load(x + row + at), v128.load(mean + at));
      v128.store(out + row + at, f32x4.add(f32x4.mul(centred, v128.load(factor + at)), v128.load(offset + at)));
    }
    for (; c < channels; c++) {
      const at = <usize>c << 2;
      store<f32>(out + row + at, (load<f32>(x + row + at) - load<f32>(mean + at)) * load<f32>(factor + at) + load<f32>(offset + at));
    }
  }
}

/**
 * One Adam step for n weights, in the float32 operations and order of tfjs's AdamOptimizer (so the
 * same bits): m' = m·β1 + g·(1−β1); v' = v·β2 + g²·(1−β2); w' = (m'/(1−β1ᵗ)) / (√(v'/(1−β2ᵗ)) + ε) · (−lr) + w.
 * The scalars come rounded to float32 by the caller; outputs go to new buffers.
 */
export function adam(
  w: usize, m: usize, v: usize, g: usize, wOut: usize, mOut: usize, vOut: usize, n: i32,
  beta1: f32, beta2: f32, oneMinusBeta1: f32, oneMinusBeta2: f32, oneMinusAccBeta1: f32, oneMinusAccBeta2: f32, epsilon: f32, minusRate: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const b2 = f32x4.splat(beta2);
  const c1 = f32x4.splat(oneMinusBeta1);
  const c2 = f32x4.splat(oneMinusBeta2);
  const a1 = f32x4.splat(oneMinusAccBeta1);
  const a2 = f32x4.splat(oneMinusAccBeta2);
  const eps = f32x4.splat(epsilon);
  const rate = f32x4.splat(minusRate);
  const vectorEnd = n & ~3;
  let i = 0;
  for (; i < vectorEnd; i += 4) {
    const at = <usize>i << 2;
    const grad = v128.load(g + at);
    const m1 = f32x4.add(f32x4.mul(v128.load(m + at), b1), f32x4.mul(grad, c1));
    const v1 = f32x4.add(f32x4.mul(v128.load(v + at), b2), f32x4.mul(f32x4.mul(grad, grad), c2));
    v128.store(mOut + at, m1);
    v128.store(vOut + at, v1);
    const step = f32x4.div(f32x4.div(m1, a1), f32x4.add(f32x4.sqrt(f32x4.div(v1, a2)), eps));
    v128.store(wOut + at, f32x4.add(f32x4.mul(step, rate), v128.load(w + at)));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    const grad = load<f32>(g + at);
    const m1 = load<f32>(m + at) * beta1 + grad * oneMinusBeta1;
    const v1 = load<f32>(v + at) * beta2 + grad * grad * oneMinusBeta2;
    store<f32>(mOut + at, m1);
    store<f32>(vOut + at, v1);
    const step = (m1 / oneMinusAccBeta1) / (Mathf.sqrt(v1 / oneMinusAccBeta2) + epsilon);
    store<f32>(wOut + at, step * minusRate + load<f32>(w + at));
  }
}

/**
 * dW's left operand for a chunk of frames: row (k, c) (taps · channels rows of `frames` floats) =
 * row c of xT (channels rows of `inner` floats) from frame start + k.
 */
export function shiftedRows(xT: usize, inner: i32, start: i32, frames: i32, taps: i32, channels: i32, out: usize): void {
  const bytes = <usize>frames << 2;
  let target = out;
  for (let k = 0; k < taps; k++) {
    for (let c = 0; c < channels; c++, target += bytes) {
      memory.copy(target, xT + ((<usize>c * <usize>inner + <usize>start + <usize>k) << 2), bytes);
    }
  }
}

/** dx's im2col: row (b, s) = the `span` floats of padded dy from slot b, frame s (rows of `channels`). */
export function spanRows(dyPad: usize, batch: i32, width: i32, paddedWidth: i32, channels: i32, span: i32, out: usize): void {
  const bytes = <usize>span << 2;
  let target = out;
  for (let b = 0; b < batch; b++) {
    for (let s = 0; s < width; s++, target += bytes) {
      memory.copy(target, dyPad + ((<usize>(b * paddedWidth + s) * <usize>channels) << 2), bytes);
    }
  }
}

/** flipped[j · Co + o][c] = W[taps − 1 − j][c][o] for a [taps, Ci, Co] filter. */
export function flipFilter(filter: usize, flipped: usize, taps: i32, inChannels: i32, outChannels: i32): void {
  for (let j = 0; j < taps; j++) {
    const tap = filter + ((<usize>(taps - 1 - j) * <usize>inChannels * <usize>outChannels) << 2);
    for (let o = 0; o < outChannels; o++) {
      const target = flipped + ((<usize>(j * outChannels + o) * <usize>inChannels) << 2);
      for (let c = 0; c < inChannels; c++) {
        store<f32>(target + (<usize>c << 2), load<f32>(tap + ((<usize>c * <usize>outChannels + <usize>o) << 2)));
      }
    }
  }
}
