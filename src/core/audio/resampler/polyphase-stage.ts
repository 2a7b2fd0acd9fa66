import type { DspKernel } from '../../dsp/wasm/dsp-kernel';
import { interpolatedLinear, interpolatedLinear16, interpolatedQuadratic, interpolatedQuadratic16 } from './interpolated-kernels';
import { rational12, rational16, rationalAny } from './rational-kernels';
import type { SampleBlock } from './sample-block';

/** soxr's arbitrary-ratio stage: a short interpolating FIR with many phases. */
export interface PolyphaseStage {
  readonly kind: 'polyphase';
  /** Taps per phase. */
  readonly n: number;
  readonly phases: number;
  /** 0 (rational: phase = position mod L), 1 or 2 (interpolated between 2^phaseBits phases). */
  readonly order: number;
  /** tables[k][phase·stride + tap]: coefficient of x^k of the tap's polynomial in the position between phases. */
  readonly tables: readonly Float64Array[];
  /** Row length of the tables: 16 (zero-padded) for 13-16 taps, 12 for a rational stage of <= 12, else n. */
  readonly stride: number;
  /** Prototype filter (phases·n - 1 taps, gain `phases`), kept for the frequency response. */
  readonly prototype: Float64Array;
  readonly beta: number;
  readonly att: number;
  /** Rational: outputs are at (at0 + k·step) / L input samples. */
  readonly L: number;
  readonly step: number;
  readonly at0: number;
  /** Interpolated: soxr's 32.32 fixed-point clock (integer and fraction parts). */
  readonly phaseBits: number;
  readonly stepInt: number;
  readonly stepFrac: number;
  readonly atInt0: number;
  readonly atFrac0: number;
  /** Input samples per output sample. */
  readonly ratio: number;
}

/** Zeros a polyphase stage wants before its input (soxr's pre-load). */
export const polyphaseLead = (stage: PolyphaseStage): number => (stage.n - 1) >> 1;

/** Zeros a polyphase stage wants after its input, so that it reads its last windows (rows of `stride` taps) in place. */
export const polyphaseTrail = (stage: PolyphaseStage): number => stage.stride + 8;

/**
 * soxr's poly-fir0.h (rational) and poly-fir.h (interpolated, 32.32 fixed-point clock). Returns
 * `want` samples, or (want < 0) every one whose window reaches the input. Rows of 16 taps (the usual
 * designs) run on `kernel` when there is one.
 */
export function runPolyphaseStage(x: SampleBlock, stage: PolyphaseStage, want: number, kernel: DspKernel | null): SampleBlock {
  const preload = polyphaseLead(stage);
  const nIn = x.length;
  const count = want < 0 ? Math.ceil((nIn + preload + 1) / stage.ratio) + 1 : want;
  // Samples are read at padded[div + c], padded[preload] being input sample 0.
  const reach = Math.ceil((count + 1) * stage.ratio) + stage.stride + 4;
  if (kernel && kernelRuns(stage)) return runPolyphaseOnKernel(kernel, stage, x, count, reach);
  let padded: Float64Array;
  let base: number;
  if (x.data instanceof Float64Array && x.start >= preload && x.data.length - (x.start - preload) >= reach) {
    padded = x.data;
    base = x.start - preload;
  } else {
    padded = new Float64Array(Math.max(preload + nIn, reach) + 1);
    padded.set(x.data.subarray(x.start, x.start + nIn), preload);
    base = 0;
  }
  const out = new Float64Array(count);
  if (stage.order === 0) runRational(stage, padded, base, out);
  else runInterpolated(stage, padded, base, out);
  return { data: out, start: 0, length: count };
}

/**
 * Output k is at (at0 + k·step) / L input samples; phase = position mod L, exactly. The usual tap
 * counts (12 to 16, zero-padded to 12 or 16) get fully unrolled kernels (~1.6x the loop's speed).
 */
function runRational(stage: PolyphaseStage, padded: Float64Array, base: number, out: Float64Array): void {
  const { L, step, stride } = stage;
  const stepDiv = Math.floor(step / L);
  const stepRem = step - stepDiv * L;
  const div = base + Math.floor(stage.at0 / L);
  const rem = stage.at0 % L;
  if (stride === 16) rational16(stage.tables[0], padded, out, div, rem, L, stepDiv, stepRem);
  else if (stride === 12) rational12(stage.tables[0], padded, out, div, rem, L, stepDiv, stepRem);
  else rationalAny(stage.tables[0], stride, padded, out, div, rem, L, stepDiv, stepRem);
}

/** Output k is at atInt0 + atFrac0 + k·step in soxr's 32.32 fixed-point clock. */
function runInterpolated(stage: PolyphaseStage, padded: Float64Array, base: number, out: Float64Array): void {
  const { n, stride, stepInt, stepFrac } = stage;
  const [a, b, c] = stage.tables;
  const phaseUnit = 2 ** (32 - stage.phaseBits);
  const atInt = base + stage.atInt0;
  const atFrac = stage.atFrac0;
  if (stage.order === 1 && stride === 16) interpolatedLinear16(a, b, padded, out, atInt, atFrac, stepInt, stepFrac, phaseUnit);
  else if (stage.order === 1) interpolatedLinear(a, b, n, stride, padded, out, atInt, atFrac, stepInt, stepFrac, phaseUnit);
  else if (stride === 16) interpolatedQuadratic16(a, b, c, padded, out, atInt, atFrac, stepInt, stepFrac, phaseUnit);
  else interpolatedQuadratic(a, b, c, n, stride, padded, out, atInt, atFrac, stepInt, stepFrac, phaseUnit);
}

/** Whether the kernel has this stage's loop: rows of 16 taps (all three orders). */
const kernelRuns = (stage: PolyphaseStage): boolean => stage.stride === 16;

/**
 * The stage's loop on the kernel, its output left in the kernel's memory (a view). An input that lies
 * there already, with the zeros the stage wants around it (runStages leaves them), is read in place;
 * any other is copied there, padded. The tables are copied for each call: plans come and go.
 */
function runPolyphaseOnKernel(kernel: DspKernel, stage: PolyphaseStage, x: SampleBlock, count: number, reach: number): SampleBlock {
  const preload = polyphaseLead(stage);
  // Read before laying out scratch: growing the memory detaches views of it (their length reads 0).
  const input = kernel.addressOf(x.data);
  const inputLength = x.data.length;
  const inPlace = input !== null && x.start >= preload && x.data.length - (x.start - preload) >= reach;
  const paddedLength = inPlace ? 0 : Math.max(preload + x.length, reach) + 1;
  const tableLength = stage.tables[0].length;
  const from = input === null ? undefined : input + x.data.byteLength;
  const [padded, a, b, c, y] = kernel.reserve([8 * paddedLength, 8 * tableLength, 8 * tableLength, 8 * tableLength, 8 * count], from);
  let samples = padded;
  if (input !== null && inPlace) {
    samples = input + 8 * (x.start - preload);
  } else {
    const data = input === null ? x.data : kernel.f64(input, inputLength);
    const view = kernel.f64(padded, paddedLength);
    view.fill(0);
    view.set(data.subarray(x.start, x.start + x.length), preload);
  }
  [a, b, c].slice(0, stage.tables.length).forEach((address, k) => kernel.f64(address, tableLength).set(stage.tables[k]));
  if (stage.order === 0) {
    const { L, step } = stage;
    const stepDiv = Math.floor(step / L);
    kernel.exports.rational16(a, samples, y, count, Math.floor(stage.at0 / L), stage.at0 % L, L, stepDiv, step - stepDiv * L);
  } else if (stage.order === 1) {
    const phaseUnit = 2 ** (32 - stage.phaseBits);
    kernel.exports.linear16(a, b, samples, y, count, stage.atInt0, stage.atFrac0, stage.stepInt, stage.stepFrac, phaseUnit);
  } else {
    const phaseUnit = 2 ** (32 - stage.phaseBits);
    kernel.exports.quadratic16(a, b, c, samples, y, count, stage.atInt0, stage.atFrac0, stage.stepInt, stage.stepFrac, phaseUnit);
  }
  return { data: kernel.f64(y, count), start: 0, length: count };
}
