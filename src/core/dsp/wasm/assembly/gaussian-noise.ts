// White Gaussian noise at an exact SNR (../../../augment/add-noise.ts and standard-normal.ts): the
// same mulberry32 draws, ziggurat and sums in the same order, so the same bits. The rare slow path
// calls the host's Math.exp and Math.log, so that it decides exactly as the TypeScript path does.

// @ts-ignore: decorator
@external("env", "exp")
declare function hostExp(x: f64): f64;
// @ts-ignore: decorator
@external("env", "log")
declare function hostLog(x: f64): f64;

const STEP: i32 = 0x6d2b79f5;
const LAYERS: i32 = 128;
const TAIL_START: f64 = 3.442619855899;

/** mulberry32's state and the draws taken, for the rare slow path (the fast path keeps them in locals). */
let state: i32 = 0;
let draws: i32 = 0;

/** mulberry32's output for a state, as int32 bits. */
// @ts-ignore: decorator
@inline
function mix(s: i32): i32 {
  let t = (s ^ (s >>> 15)) * (s | 1);
  t ^= t + (t ^ (t >>> 7)) * (t | 61);
  return t ^ (t >>> 14);
}

function nextWord(): i32 {
  state += STEP;
  draws++;
  return mix(state);
}

function nextUniform(): f64 {
  return <f64><u32>nextWord() / 4294967296.0;
}

let widths: usize = 0;
let coreLimits: usize = 0;
let densities: usize = 0;

/**
 * n standard normal draws (f64) into out, by the ziggurat of standard-normal.ts whose tables
 * (widths, core limits, densities: 128 f64 each) are at `tables`. Returns how many mulberry32 draws
 * it took from `seedState` on.
 */
export function standardNormals(seedState: i32, out: usize, n: i32, tables: usize): i32 {
  widths = tables;
  coreLimits = tables + (<usize>LAYERS << 3);
  densities = tables + (<usize>LAYERS << 4);
  let s = seedState;
  let taken = 0;
  for (let i = 0; i < n; i++) {
    s += STEP;
    taken++;
    const bits = mix(s);
    const layer = <usize>(bits & (LAYERS - 1));
    const position = <i32>(<u32>bits >>> 8);
    const sign = 1 - ((<i32>(<u32>bits >>> 6)) & 2);
    let value = <f64>(sign * position) * load<f64>(widths + (layer << 3));
    if (!(<f64>position < load<f64>(coreLimits + (layer << 3)))) {
      state = s;
      draws = taken;
      value = slowPath(bits);
      s = state;
      taken = draws;
    }
    store<f64>(out + (<usize>i << 3), value);
  }
  return taken;
}

/** The draw whose first word `bits` fell outside its layer's core: the base layer's tail, the wedge test, and fresh words until one is accepted. */
function slowPath(bits: i32): f64 {
  for (;;) {
    const layer = <usize>(bits & (LAYERS - 1));
    const position = <i32>(<u32>bits >>> 8);
    const sign = 1 - ((<i32>(<u32>bits >>> 6)) & 2);
    const x = <f64>(sign * position) * load<f64>(widths + (layer << 3));
    if (<f64>position < load<f64>(coreLimits + (layer << 3))) return x;
    if (layer === 0) return <f64>sign * tail();
    const below = load<f64>(densities + (layer << 3));
    const height = below + nextUniform() * (load<f64>(densities + ((layer - 1) << 3)) - below);
    if (height < hostExp(-0.5 * x * x)) return x;
    bits = nextWord();
  }
  return unreachable();
}

/** A draw from the normal tail beyond TAIL_START (Marsaglia's exponential method). */
function tail(): f64 {
  let x: f64 = 0;
  let y: f64 = 0;
  do {
    x = -hostLog(1 - nextUniform()) / TAIL_START;
    y = -hostLog(1 - nextUniform());
  } while (!(y + y >= x * x));
  return TAIL_START + x;
}

/** Σ x[i]² / n of float32 samples, summed in order. */
export function meanSquareF32(x: usize, n: i32): f64 {
  let sum: f64 = 0;
  for (let i = 0; i < n; i++) {
    const v = <f64>load<f32>(x + (<usize>i << 2));
    sum += v * v;
  }
  return n > 0 ? sum / <f64>n : 0;
}

/** Σ x[i]² / n of float64 values, summed in order. */
export function meanSquareF64(x: usize, n: i32): f64 {
  let sum: f64 = 0;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    sum += v * v;
  }
  return n > 0 ? sum / <f64>n : 0;
}

/** x[i] += gain·noise[i], x float32, noise float64: each sum in float64, rounded once to float32. */
export function addScaled(x: usize, noise: usize, gain: f64, n: i32): void {
  const g = f64x2.splat(gain);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const p = x + (<usize>i << 2);
    const q = noise + (<usize>i << 3);
    const v = v128.load(p);
    const lo = f64x2.add(f64x2.promote_low_f32x4(v), f64x2.mul(g, v128.load(q)));
    const hi = f64x2.add(f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)), f64x2.mul(g, v128.load(q, 16)));
    v128.store(p, i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5));
  }
  for (; i < n; i++) {
    const p = x + (<usize>i << 2);
    store<f32>(p, <f32>(<f64>load<f32>(p) + gain * load<f64>(noise + (<usize>i << 3))));
  }
}
