import type { DspKernel } from '../../dsp/wasm/dsp-kernel';
import { runHalfBandOnKernel } from './half-band-kernel';
import type { SampleBlock } from './sample-block';
import { HALF_BAND_FIRS } from './soxr-tables';

/** An exact halving of the rate with one of soxr's fixed half-band FIRs. */
export interface HalfBandStage {
  readonly kind: 'halfband';
  /** The odd-offset taps of one side; the centre tap is 1/2 and the even-offset taps are 0. */
  readonly coefs: Float64Array;
  readonly att: number;
}

/** The first of soxr's half-band FIRs that meets `att` dB (the last if none does). */
export function designHalfBandStage(att: number): HalfBandStage {
  let index = 0;
  while (index + 1 < HALF_BAND_FIRS.length && att > HALF_BAND_FIRS[index].att) index++;
  return { kind: 'halfband', coefs: HALF_BAND_FIRS[index].coefs, att: HALF_BAND_FIRS[index].att };
}

/**
 * soxr's half-fir.h: out[i] = in[2i]/2 + Σ_j coefs[j]·(in[2i-2j-1] + in[2i+2j+1]). Returns `want`
 * samples, or (want < 0) every one that can be non-zero, with `lead` and `trail` zeros around them;
 * on `kernel` when there is one (the same bits).
 */
export function runHalfBandStage(x: SampleBlock, coefs: Float64Array, want: number, lead: number, trail: number, kernel: DspKernel | null): SampleBlock {
  const n = x.length;
  const nc = coefs.length;
  const reach = 2 * nc - 1;
  const full = ((n - 1 + reach) >> 1) + 1;
  const count = want < 0 ? full : want;
  if (kernel) return runHalfBandOnKernel(kernel, x, coefs, count, lead, trail);
  const padded = new Float64Array(reach + Math.max(n, 2 * count) + reach + 1);
  padded.set(x.data.subarray(x.start, x.start + n), reach);
  const out = new Float64Array(lead + count + trail);
  for (let i = 0; i < count; i++) {
    const centre = reach + 2 * i;
    let sum = 0.5 * padded[centre];
    for (let j = 0; j < nc; j++) sum += coefs[j] * (padded[centre - 2 * j - 1] + padded[centre + 2 * j + 1]);
    out[lead + i] = sum;
  }
  return { data: out, start: lead, length: count };
}
