// librosa.effects.time_stretch's stft → phase vocoder → istft overlap-add, as
// ../../../augment/time-stretch.ts and its classes do it (same operations in the same order, so the
// same bits), with the per-bin loops on f64x2 vectors. The caller normalises the sum by the window's.
import { RealFftTables, realForward, realInverseUnscaled } from './real-fft';

/** Bytes of work memory timeStretch needs for frames of 2·half samples. */
export function stretchWorkBytes(half: i32): i32 {
  return (14 * (half + 2) + 2 * half) << 3;
}

// Per-bin buffers of half + 2 f64 (bins 0..half and one spare, so pairs cover them all).
let re: usize = 0, im: usize = 0, even: usize = 0, odd: usize = 0;
let hereMag: usize = 0, nextMag: usize = 0, hereUR: usize = 0, hereUI: usize = 0, nextUR: usize = 0, nextUI: usize = 0;
let rotRe: usize = 0, rotIm: usize = 0, phasorRe: usize = 0, phasorIm: usize = 0, outRe: usize = 0, outIm: usize = 0;

function layOut(work: usize, half: i32): void {
  const binBytes = <usize>(half + 2) << 3;
  let p = work;
  re = p; p += binBytes; im = p; p += binBytes;
  hereMag = p; p += binBytes; nextMag = p; p += binBytes;
  hereUR = p; p += binBytes; hereUI = p; p += binBytes;
  nextUR = p; p += binBytes; nextUI = p; p += binBytes;
  rotRe = p; p += binBytes; rotIm = p; p += binBytes;
  phasorRe = p; p += binBytes; phasorIm = p; p += binBytes;
  outRe = p; p += binBytes; outIm = p; p += binBytes;
  even = p; p += <usize>half << 3; odd = p;
  memory.fill(work, 0, <usize>stretchWorkBytes(half));
}

/**
 * Adds the frames of the stretched signal (output frame t from input position t·rate) into sum
 * (f64, `length`, zeroed by the caller). input: f32 × n. window: f64 × 2·half (periodic Hann).
 */
export function timeStretch(tables: RealFftTables, window: usize, input: usize, n: i32, hop: i32, rate: f64, frameCount: i32, sum: usize, length: i32, work: usize): void {
  const half = tables.half;
  const pairs = (half + 2) >> 1;
  const analysisFrames = 1 + n / hop;
  layOut(work, half);
  spectrum(tables, window, input, n, hop, analysisFrames, 0);
  magnitudeAndUnit(hereMag, hereUR, hereUI, pairs);
  loadNext(tables, window, input, n, hop, analysisFrames, 1, pairs);
  memory.copy(phasorRe, hereUR, <usize>(half + 2) << 3);
  memory.copy(phasorIm, hereUI, <usize>(half + 2) << 3);
  let k = 0;
  for (let t = 0; t < frameCount; t++) {
    const step = <f64>t * rate;
    const frame = <i32>Math.floor(step);
    if (frame !== k) {
      if (frame === k + 1) {
        swap();
      } else {
        spectrum(tables, window, input, n, hop, analysisFrames, frame);
        magnitudeAndUnit(hereMag, hereUR, hereUI, pairs);
      }
      loadNext(tables, window, input, n, hop, analysisFrames, frame + 1, pairs);
      k = frame;
    }
    vocoderFrame(step - <f64>frame, pairs);
    realInverseUnscaled(tables, outRe, outIm, even, odd);
    overlapAdd(window, sum, length, t * hop - half, half << 1);
  }
}

function swap(): void {
  let s = hereMag; hereMag = nextMag; nextMag = s;
  s = hereUR; hereUR = nextUR; nextUR = s;
  s = hereUI; hereUI = nextUI; nextUI = s;
}

/** Frame `frame` of the STFT into re/im; zeros past the last frame (librosa pads D with two). */
function spectrum(tables: RealFftTables, window: usize, input: usize, n: i32, hop: i32, analysisFrames: i32, frame: i32): void {
  const half = tables.half;
  if (frame >= analysisFrames) {
    memory.fill(re, 0, <usize>(half + 1) << 3);
    memory.fill(im, 0, <usize>(half + 1) << 3);
    return;
  }
  const start = frame * hop - half;
  if (start >= 0 && start + 2 * half <= n) packInterior(window, input + (<usize>start << 2), half);
  else packEdge(window, input, n, start, half);
  realForward(tables, even, odd, re, im);
}

/** even[m] = w[2m]·x[2m], odd[m] = w[2m+1]·x[2m+1], four samples a step. */
function packInterior(window: usize, x: usize, half: i32): void {
  for (let m = 0; m < half; m += 2) {
    const s = v128.load(x + (<usize>m << 3));
    const lo = f64x2.mul(v128.load(window + (<usize>m << 4)), f64x2.promote_low_f32x4(s));
    const hi = f64x2.mul(v128.load(window + (<usize>m << 4), 16), f64x2.promote_low_f32x4(i32x4.shuffle(s, s, 2, 3, 0, 1)));
    v128.store(even + (<usize>m << 3), f64x2.shuffle(lo, hi, 0, 2));
    v128.store(odd + (<usize>m << 3), f64x2.shuffle(lo, hi, 1, 3));
  }
}

/** A frame that runs off either end of the signal: zeros there (pad_mode='constant'). */
function packEdge(window: usize, input: usize, n: i32, start: i32, half: i32): void {
  for (let m = 0; m < 2 * half; m++) {
    const i = start + m;
    const value = i >= 0 && i < n ? load<f64>(window + (<usize>m << 3)) * <f64>load<f32>(input + (<usize>i << 2)) : 0.0;
    store<f64>((m & 1 ? odd : even) + (<usize>(m >> 1) << 3), value);
  }
}

/** |D| and D/|D| (1 where D = 0, as np.angle(0) = 0) of re/im. */
function magnitudeAndUnit(magnitude: usize, unitRe: usize, unitIm: usize, pairs: i32): void {
  const zero = f64x2.splat(0), one = f64x2.splat(1);
  for (let i = 0; i < pairs; i++) {
    const o = <usize>i << 4;
    const r = v128.load(re + o), q = v128.load(im + o);
    const m = f64x2.sqrt(f64x2.add(f64x2.mul(r, r), f64x2.mul(q, q)));
    const scale = f64x2.div(one, m);
    const positive = f64x2.gt(m, zero);
    v128.store(magnitude + o, m);
    v128.store(unitRe + o, v128.bitselect(f64x2.mul(r, scale), one, positive));
    v128.store(unitIm + o, v128.bitselect(f64x2.mul(q, scale), zero, positive));
  }
}

/** Frame k + 1's magnitude and unit phasor, and the rotation u[k + 1]·conj(u[k]) to it. */
function loadNext(tables: RealFftTables, window: usize, input: usize, n: i32, hop: i32, analysisFrames: i32, frame: i32, pairs: i32): void {
  spectrum(tables, window, input, n, hop, analysisFrames, frame);
  magnitudeAndUnit(nextMag, nextUR, nextUI, pairs);
  for (let i = 0; i < pairs; i++) {
    const o = <usize>i << 4;
    const ur = v128.load(nextUR + o), ui = v128.load(nextUI + o);
    const hr = v128.load(hereUR + o), hi = v128.load(hereUI + o);
    v128.store(rotRe + o, f64x2.add(f64x2.mul(ur, hr), f64x2.mul(ui, hi)));
    v128.store(rotIm + o, f64x2.sub(f64x2.mul(ui, hr), f64x2.mul(ur, hi)));
  }
}

/** One output frame into outRe/outIm, and the accumulator turned on by the rotation. */
function vocoderFrame(alpha: f64, pairs: i32): void {
  const a = f64x2.splat(alpha), b = f64x2.splat(1 - alpha);
  for (let i = 0; i < pairs; i++) {
    const o = <usize>i << 4;
    const magnitude = f64x2.add(f64x2.mul(b, v128.load(hereMag + o)), f64x2.mul(a, v128.load(nextMag + o)));
    const pr = v128.load(phasorRe + o), pi = v128.load(phasorIm + o);
    v128.store(outRe + o, f64x2.mul(magnitude, pr));
    v128.store(outIm + o, f64x2.mul(magnitude, pi));
    const rr = v128.load(rotRe + o), ri = v128.load(rotIm + o);
    v128.store(phasorRe + o, f64x2.sub(f64x2.mul(pr, rr), f64x2.mul(pi, ri)));
    v128.store(phasorIm + o, f64x2.add(f64x2.mul(pr, ri), f64x2.mul(pi, rr)));
  }
}

/** sum[start + m] += w[m]·frame[m] for the m that land in [0, length); start is even. */
function overlapAdd(window: usize, sum: usize, length: i32, start: i32, size: i32): void {
  const to = min(size, length - start);
  let m = max(0, -start);
  for (; m + 3 < to; m += 4) {
    const e = v128.load(even + (<usize>m << 2)), o = v128.load(odd + (<usize>m << 2));
    const target = sum + (<usize>(start + m) << 3);
    const w = window + (<usize>m << 3);
    v128.store(target, f64x2.add(v128.load(target), f64x2.mul(v128.load(w), f64x2.shuffle(e, o, 0, 2))));
    v128.store(target, f64x2.add(v128.load(target, 16), f64x2.mul(v128.load(w, 16), f64x2.shuffle(e, o, 1, 3))), 16);
  }
  for (; m < to; m++) {
    const source = (m & 1 ? odd : even) + (<usize>(m >> 1) << 3);
    const target = sum + (<usize>(start + m) << 3);
    store<f64>(target, load<f64>(target) + load<f64>(window + (<usize>m << 3)) * load<f64>(source));
  }
}

/** out[i] = f32(sum[i] · reciprocals[r]) for i in [from, to), r from `phase` cycling through the hop: istft's steady normalisation. */
export function scalePeriodically(sum: usize, out: usize, from: i32, to: i32, phase: i32, reciprocals: usize, hop: i32): void {
  let r = phase;
  for (let i = from; i < to; i++) {
    store<f32>(out + (<usize>i << 2), <f32>(load<f64>(sum + (<usize>i << 3)) * load<f64>(reciprocals + (<usize>r << 3))));
    if (++r === hop) r = 0;
  }
}
