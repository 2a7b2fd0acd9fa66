import type { DspKernel } from '../../dsp/wasm/dsp-kernel';
import { FftConvolver } from './fft-convolver';
import { runFirStageOnKernel } from './fir-stage-kernel';
import { designLowpass } from './kaiser-lowpass';
import type { SampleBlock } from './sample-block';

/** soxr's DFT stage: up by L (zero stuffing), a long linear-phase low-pass, down by M. */
export interface FirStage {
  readonly kind: 'fir';
  readonly up: number;
  readonly down: number;
  /** Symmetric, odd length, gain `up`. */
  readonly taps: Float64Array;
  readonly beta: number;
  /** -6 dB point as a fraction of the Nyquist of the rate the taps run at (input rate · up). */
  readonly cutoff: number;
  readonly att: number;
  /** Made on first use, so that describing a design costs no FFT set-up. */
  convolver?: FftConvolver;
}

/** soxr's dft_stage_init: up by L, low-pass (band edges as fractions of Nyquist `Fn`), down by M. */
export function designFirStage(Fp: number, Fs: number, Fn: number, att: number, L: number, M: number): FirStage {
  const isPow2 = L >= 2 && (L & (L - 1)) === 0;
  const k = isPow2 && Fn === L ? L << 1 : 4;
  const design = designLowpass(Fp, Fs, Fn, att, 0, 1, k, -1);
  const taps = design.taps;
  for (let i = 0; i < taps.length; i++) taps[i] *= L;
  return { kind: 'fir', up: L, down: M, taps, beta: design.beta, cutoff: design.cutoff, att };
}

/**
 * Up by L (zero stuffing), the stage's FIR (centred), down by M; by FFT overlap-save. Returns `want`
 * samples, or (want < 0) every one that can be non-zero, with `lead` and `trail` zeros around them.
 */
export function runFirStage(x: SampleBlock, stage: FirStage, want: number, lead: number, trail: number, kernel: DspKernel | null): SampleBlock {
  const { taps, down } = stage;
  let { up } = stage;
  let u = x.data.subarray(x.start, x.start + x.length);
  const centre = (taps.length - 1) >> 1;
  const fullLength = x.length * up + centre; // y[j] is 0 for j >= fullLength
  const count = want < 0 ? Math.ceil(fullLength / down) : want;
  stage.convolver ??= new FftConvolver(taps);
  if (kernel && up <= 2 && down <= 2) return runFirStageOnKernel(kernel, x, stage, count, lead, trail, fullLength);
  // The kernel's own scratch must not overwrite an input that lies in it.
  if (kernel && kernel.addressOf(x.data) !== null) u = u.slice();
  const out = new Float64Array(lead + count + trail);
  // The convolver does L and M of 1 or 2 itself (in the frequency domain); others (soxr picks L = 3
  // for 14.7 kHz → 22.05 kHz, M = 3 for 48 kHz → 8 kHz) by zero stuffing and picking here.
  if (up > 2) {
    u = zeroStuffed(u, up);
    up = 1;
  }
  if (down > 2) {
    const computed = Math.min(fullLength, (count - 1) * down + 1);
    const y = new Float64Array(computed);
    stage.convolver.filter(u, up, 1, y, 0, computed, kernel);
    for (let i = 0; i * down < computed; i++) out[lead + i] = y[i * down];
  } else {
    stage.convolver.filter(u, up, down, out, lead, Math.min(count, Math.ceil(fullLength / down)), kernel);
  }
  return { data: out, start: lead, length: count };
}

/** x with up - 1 zeros after each sample. */
function zeroStuffed(x: Float32Array | Float64Array, up: number): Float64Array {
  const stuffed = new Float64Array(x.length * up);
  for (let i = 0; i < x.length; i++) stuffed[i * up] = x[i];
  return stuffed;
}
