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

/** mulberry32's state, as the caller's SeededRandom had it; draws advance it by STEP. */
let state: i32 = 0;
let draws: i32 = 0;

// @ts-ignore: decorator
@inline
function nextWord(): i32 {
  state += STEP;
  draws++;
  const s = state;
  let t = (s ^ (s >>> 15)) * (s | 1);
  t ^= t + (t ^ (t >>> 7)) * (t | 61);
  return t ^ (t >>> 14);
}

// @ts-ignore: decorator
@inline
function nextUniform(): f64 {
  return <f64><u32>nextWord() / 4294967296.0;
}

/**
 * n standard normal draws (f64) into out, by the ziggurat of standard-normal.ts whose tables
 * (widths, core limits, densities: 128 f64 each) are at `tables`. Returns how many mulberry32 draws
 * it took from `seedState` on.
 */
export function standardNormals(seedState: i32, out: usize, n: i32, tables: usize): i32 {
  state = seedState;
  draws = 0;
  const widths = tables;
  const coreLimits = tables + (<usize>LAYERS << 3);
  const densities = tables + (<usize>LAYERS << 4);
  for (let i = 0; i < n; i++) {
    let value: f64 = 0;
    for (;;) {
      const bits = nextWord();
      const layer = <usize>(bits & (LAYERS - 1));
      const position = <i32>(<u32>bits >>> 8);
      const sign = 1 - ((<i32>(<u32>bits >>> 6)) & 2);
      const x = <f64>(sign * position) * load<f64>(widths + (layer << 3));
      if (<f64>position < load<f64>(coreLimits + (layer << 3))) {
        value = x;
        break;
      }
      if (layer === 0) {
        value = <f64>sign * tail();
        break;
      }
      const below = load<f64>(densities + (layer << 3));
      const height = below + nextUniform() * (load<f64>(densities + ((layer - 1) << 3)) - below);
      if (height < hostExp(-0.5 * x * x)) {
        value = x;
        break;
      }
    }
    store<f64>(out + (<usize>i << 3), value);
  }
  return draws;
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

/** x[i] += gain·noise[i], x float32, noise float64. */
export function addScaled(x: usize, noise: usize, gain: f64, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = x + (<usize>i << 2);
    store<f32>(p, <f32>(<f64>load<f32>(p) + gain * load<f64>(noise + (<usize>i << 3))));
  }
}
