// AssemblyScript source of the wasm SIMD feature kernel (built by scripts/build-wasm.mjs).
//
// It computes the same thing as ../../feature-extractor.ts's float64 path, in float32 as librosa
// itself does for float32 audio, four frames at a time: each f32x4 lane holds one frame, so the
// FFT, the mel projection and the DCT are plain scalar algorithms run on four frames at once.
// All buffers are laid out by the caller (see ../wasm-feature-kernel.ts); pointers are byte offsets.

/** Start of free memory, after the kernel's own static data. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * Mel power of `frames` frames, time-major into melOut[frame * nMels + band].
 * signal: f32, already centre-padded, long enough for ceil(frames / 4) * 4 frames.
 * bitReverse: i32[half]; twiddles: f32 [re, im] x half/2; split: f32 [re, im] x half.
 * bands: i32 [firstBin, count, weightIndex] x nMels; weights: f32.
 * work: 16-byte aligned, (3 * half + 1) * 16 bytes.
 */
export function melPower(
  signal: usize, frames: i32, hop: i32, nFft: i32, window: usize,
  bitReverse: usize, twiddles: usize, split: usize,
  bands: usize, weights: usize, nMels: i32,
  work: usize, melOut: usize,
): void {
  const half = nFft >> 1;
  const re = work;
  const im = work + (<usize>half << 4);
  const power = work + (<usize>(2 * half) << 4);
  for (let t = 0; t < frames; t += 4) {
    loadFrames(signal + (<usize>(t * hop) << 2), hop, half, window, bitReverse, re, im);
    firstTwoStages(re, im, half);
    remainingStages(re, im, half, twiddles);
    splitPower(re, im, half, split, power);
    projectOnMel(power, bands, weights, nMels, melOut, t, frames);
  }
}

function loadFrames(start: usize, hop: i32, half: i32, window: usize, bitReverse: usize, re: usize, im: usize): void {
  const step = <usize>hop << 2;
  for (let n = 0; n < half; n++) {
    const offset = <usize>(2 * n) << 2;
    const even = start + offset;
    const target = <usize>load<i32>(bitReverse + (<usize>n << 2)) << 4;
    let r = f32x4.splat(load<f32>(even));
    r = f32x4.replace_lane(r, 1, load<f32>(even + step));
    r = f32x4.replace_lane(r, 2, load<f32>(even + 2 * step));
    r = f32x4.replace_lane(r, 3, load<f32>(even + 3 * step));
    let i = f32x4.splat(load<f32>(even + 4));
    i = f32x4.replace_lane(i, 1, load<f32>(even + step + 4));
    i = f32x4.replace_lane(i, 2, load<f32>(even + 2 * step + 4));
    i = f32x4.replace_lane(i, 3, load<f32>(even + 3 * step + 4));
    v128.store(re + target, f32x4.mul(r, f32x4.splat(load<f32>(window + offset))));
    v128.store(im + target, f32x4.mul(i, f32x4.splat(load<f32>(window + offset + 4))));
  }
}

function firstTwoStages(re: usize, im: usize, half: i32): void {
  for (let k = 0; k < half; k += 4) {
    const p = <usize>k << 4;
    const r0 = v128.load(re + p), i0 = v128.load(im + p);
    const r1 = v128.load(re + p + 16), i1 = v128.load(im + p + 16);
    const r2 = v128.load(re + p + 32), i2 = v128.load(im + p + 32);
    const r3 = v128.load(re + p + 48), i3 = v128.load(im + p + 48);
    const ar = f32x4.add(r0, r1), ai = f32x4.add(i0, i1);
    const br = f32x4.sub(r0, r1), bi = f32x4.sub(i0, i1);
    const cr = f32x4.add(r2, r3), ci = f32x4.add(i2, i3);
    const dr = f32x4.sub(r2, r3), di = f32x4.sub(i2, i3);
    v128.store(re + p, f32x4.add(ar, cr));
    v128.store(im + p, f32x4.add(ai, ci));
    v128.store(re + p + 32, f32x4.sub(ar, cr));
    v128.store(im + p + 32, f32x4.sub(ai, ci));
    v128.store(re + p + 16, f32x4.add(br, di));
    v128.store(im + p + 16, f32x4.sub(bi, dr));
    v128.store(re + p + 48, f32x4.sub(br, di));
    v128.store(im + p + 48, f32x4.add(bi, dr));
  }
}

function remainingStages(re: usize, im: usize, half: i32, twiddles: usize): void {
  for (let span = 8; span <= half; span <<= 1) {
    const wing = span >> 1;
    const stride = half / span;
    for (let j = 0; j < wing; j++) {
      const tw = twiddles + (<usize>(j * stride) << 3);
      const wr = f32x4.splat(load<f32>(tw));
      const wi = f32x4.splat(load<f32>(tw + 4));
      for (let a = j; a < half; a += span) {
        const pa = <usize>a << 4;
        const pb = <usize>(a + wing) << 4;
        const br = v128.load(re + pb), bi = v128.load(im + pb);
        const tr = f32x4.sub(f32x4.mul(br, wr), f32x4.mul(bi, wi));
        const ti = f32x4.add(f32x4.mul(br, wi), f32x4.mul(bi, wr));
        const ar = v128.load(re + pa), ai = v128.load(im + pa);
        v128.store(re + pb, f32x4.sub(ar, tr));
        v128.store(im + pb, f32x4.sub(ai, ti));
        v128.store(re + pa, f32x4.add(ar, tr));
        v128.store(im + pa, f32x4.add(ai, ti));
      }
    }
  }
}

function splitPower(re: usize, im: usize, half: i32, split: usize, power: usize): void {
  const r0 = v128.load(re), i0 = v128.load(im);
  const dc = f32x4.add(r0, i0);
  const nyquist = f32x4.sub(r0, i0);
  v128.store(power, f32x4.mul(dc, dc));
  v128.store(power + (<usize>half << 4), f32x4.mul(nyquist, nyquist));
  const halfSplat = f32x4.splat(0.5);
  for (let k = 1; k < half; k++) {
    const pk = <usize>k << 4;
    const pm = <usize>(half - k) << 4;
    const zr = v128.load(re + pk), zi = v128.load(im + pk);
    const cr = v128.load(re + pm), ci = f32x4.neg(v128.load(im + pm));
    const er = f32x4.mul(halfSplat, f32x4.add(zr, cr));
    const ei = f32x4.mul(halfSplat, f32x4.add(zi, ci));
    const or = f32x4.mul(halfSplat, f32x4.sub(zi, ci));
    const oi = f32x4.mul(halfSplat, f32x4.sub(cr, zr));
    const sp = split + (<usize>k << 3);
    const wr = f32x4.splat(load<f32>(sp));
    const wi = f32x4.splat(load<f32>(sp + 4));
    const xr = f32x4.add(er, f32x4.sub(f32x4.mul(wr, or), f32x4.mul(wi, oi)));
    const xi = f32x4.add(ei, f32x4.add(f32x4.mul(wr, oi), f32x4.mul(wi, or)));
    v128.store(power + pk, f32x4.add(f32x4.mul(xr, xr), f32x4.mul(xi, xi)));
  }
}

function projectOnMel(power: usize, bands: usize, weights: usize, nMels: i32, melOut: usize, t: i32, frames: i32): void {
  const lanes = min(4, frames - t);
  for (let m = 0; m < nMels; m++) {
    const band = bands + (<usize>(3 * m) << 2);
    const first = load<i32>(band);
    const count = load<i32>(band + 4);
    const w = weights + (<usize>load<i32>(band + 8) << 2);
    let acc = f32x4.splat(0);
    for (let i = 0; i < count; i++) {
      acc = f32x4.add(acc, f32x4.mul(f32x4.splat(load<f32>(w + (<usize>i << 2))), v128.load(power + (<usize>(first + i) << 4))));
    }
    const out = melOut + (<usize>(t * nMels + m) << 2);
    const row = <usize>nMels << 2;
    store<f32>(out, f32x4.extract_lane(acc, 0));
    if (lanes > 1) store<f32>(out + row, f32x4.extract_lane(acc, 1));
    if (lanes > 2) store<f32>(out + 2 * row, f32x4.extract_lane(acc, 2));
    if (lanes > 3) store<f32>(out + 3 * row, f32x4.extract_lane(acc, 3));
  }
}

/** librosa.power_to_db in place over `count` values; topDb < 0 disables the floor. */
export function powerToDb(values: usize, count: i32, amin: f32, referenceDb: f32, topDb: f32): void {
  let maximum: f32 = -Infinity;
  for (let i = 0; i < count; i++) {
    const p = values + (<usize>i << 2);
    const db: f32 = <f32>10 * Mathf.log10(max(amin, load<f32>(p))) - referenceDb;
    store<f32>(p, db);
    maximum = max(maximum, db);
  }
  if (topDb < 0) return;
  const floor = maximum - topDb;
  for (let i = 0; i < count; i++) {
    const p = values + (<usize>i << 2);
    store<f32>(p, max(floor, load<f32>(p)));
  }
}

/** out[t * nMfcc + k] = sum_n matrix[k * nMels + n] * logMel[t * nMels + n]; nMels a multiple of 4. */
export function cepstrum(logMel: usize, frames: i32, nMels: i32, matrix: usize, nMfcc: i32, out: usize): void {
  for (let t = 0; t < frames; t++) {
    const row = logMel + (<usize>(t * nMels) << 2);
    for (let k = 0; k < nMfcc; k++) {
      const basis = matrix + (<usize>(k * nMels) << 2);
      let acc = f32x4.splat(0);
      for (let n = 0; n < nMels; n += 4) {
        const o = <usize>n << 2;
        acc = f32x4.add(acc, f32x4.mul(v128.load(basis + o), v128.load(row + o)));
      }
      const sum = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
      store<f32>(out + (<usize>(t * nMfcc + k) << 2), sum);
    }
  }
}
