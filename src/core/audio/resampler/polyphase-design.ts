import { toFixedPoint } from './fixed-point-clock';
import { designLowpass, inverseResponse } from './kaiser-lowpass';
import type { PolyphaseStage } from './polyphase-stage';
import { COEF_SIZE_KBYTES, POLY_FIRS, SIZEOF_REAL } from './soxr-tables';

/** What soxr's _soxr_init (src/cr.c) knows when it designs the arbitrary-ratio stage; soxr's names. */
export interface PolyphaseRequest {
  readonly upsample: boolean;
  /** The pre stage's down-sampling factor (0 when it only up-samples). */
  readonly preM: number;
  /** The stage's ratio is arbM / arbL input samples per output sample. */
  readonly arbM: number;
  readonly arbL: number;
  /** Whether arbL phases give the ratio exactly. */
  readonly rational: boolean;
  /** soxr's mode: 3 for HQ. */
  readonly mode: number;
  /** Pass-band end and stop-band start, scaled by the pre stage. */
  readonly Fp1: number;
  readonly Fs1: number;
  readonly att: number;
}

/** How many phases and taps: soxr's choice from poly_firs, its table size capped. */
interface PhaseTable {
  readonly numCoefs: number;
  readonly phaseBits: number;
  readonly phases: number;
  readonly order: number;
  readonly arbM: number;
  readonly arbL: number;
  /** Where output 0 is, in input samples · arbL. */
  readonly at: number;
}

/** The transition band: pass band to Fp, stop band from Fs, of Nyquist Fn. */
interface Band {
  readonly Fp: number;
  readonly Fs: number;
  readonly Fn: number;
}

/** soxr's arbitrary-ratio stage design for `request` (_soxr_init and prepare_poly_fir_coefs). */
export function designPolyphaseStage(request: PolyphaseRequest): PolyphaseStage {
  const mult = request.upsample ? 1 : request.arbM / request.arbL;
  const band = polyphaseBand(request, mult);
  const table = choosePhaseTable(request, band, mult);
  const { numCoefs, phases, order, arbM, arbL, at } = table;
  const design = designLowpass(band.Fp, band.Fs, band.Fn, request.att, numCoefs * phases - 1, phases, 1, -1);
  const stride = order === 0 && numCoefs <= 12 ? 12 : numCoefs <= 16 ? 16 : numCoefs;
  const start = toFixedPoint(at);
  const step = toFixedPoint(arbM);
  return {
    kind: 'polyphase',
    n: numCoefs,
    phases,
    order,
    tables: polyphaseTables(design.taps, numCoefs, phases, order, stride),
    stride,
    prototype: design.taps,
    beta: design.beta,
    att: request.att,
    L: arbL,
    step: Math.trunc(arbM),
    at0: Math.trunc(at),
    phaseBits: table.phaseBits,
    stepInt: step.whole,
    stepFrac: step.fraction,
    atInt0: start.whole,
    atFrac0: start.fraction,
    ratio: arbM / arbL,
  };
}

function polyphaseBand({ upsample, preM, Fp1, Fs1, att }: PolyphaseRequest, mult: number): Band {
  let Fn: number;
  let Fs: number;
  if (!upsample && preM) {
    Fn = 2 * mult;
    Fs = 3 + Math.abs(Fs1 - 1);
  } else {
    Fn = 1;
    Fs = 2 - (Fp1 + (Fs1 - Fp1) * 0.7);
  }
  // rolloffs[rolloff_small] = -0.01 dB at the end of the pass band.
  const Fp = Fs - (Fs - Fp1) / (1 - inverseResponse(-0.01, att));
  return { Fp, Fs, Fn };
}

/**
 * soxr tries its poly_firs choices in turn (exact phases first, when the ratio is rational, then
 * interpolated ones) until the coefficient table fits COEF_SIZE_KBYTES.
 */
function choosePhaseTable(request: PolyphaseRequest, band: Band, mult: number): PhaseTable {
  const { upsample, preM, mode } = request;
  const choices = POLY_FIRS[6 * ((upsample ? 1 : 0) + (preM ? 1 : 0)) + mode - (upsample ? 0 : 1)];
  let { arbM, arbL, rational } = request;
  for (let i = rational ? 0 : 1; ; i++) {
    if (i) {
      arbM /= arbL;
      arbL = 1;
      rational = false;
    }
    const table = phaseTableFor(choices[i], request, band, mult, arbM, arbL, rational);
    if (!(i < 2 && i + 1 < choices.length && Math.floor(tableBytes(table) / 1000) > COEF_SIZE_KBYTES)) return table;
    ({ arbM, arbL } = table);
  }
}

function phaseTableFor(
  [phaseScalar, order]: readonly [number, number],
  { preM, att }: PolyphaseRequest,
  { Fp, Fs, Fn }: Band,
  mult: number,
  arbM: number,
  arbL: number,
  rational: boolean,
): PhaseTable {
  const phaseBits = Math.ceil(Math.fround(phaseScalar) - Math.log(mult) / Math.LN2); // the table holds floats
  let phases = rational ? arbL : 2 ** phaseBits;
  const phases0 = Math.max(phases, 19);
  let numCoefs = Math.trunc(designLowpass(Fp, Fs, Fn, att, 0, phases0, 1, -1, true).numTaps / phases0) + 1;
  if (!preM) numCoefs += numCoefs & 1;
  if (numCoefs & 1 && rational && arbL & 1) {
    phases <<= 1;
    arbL <<= 1;
    arbM *= 2;
  }
  return { numCoefs, phaseBits, phases, order, arbM, arbL, at: arbL * 0.5 * (numCoefs & 1) };
}

/**
 * soxr sizes the table as its SIMD engine stores it (taps rounded up to 4); without SIMD it would
 * not round, which changes no choice for the ratios that matter here.
 */
function tableBytes({ numCoefs, phases, order }: PhaseTable): number {
  const numCoefs4 = (numCoefs + 3) & ~3;
  return numCoefs4 * phases * (order + 1) * SIZEOF_REAL;
}

/**
 * soxr's prepare_poly_fir_coefs: phase j, tap c uses prototype taps t = (n-1-c)·phases + j - 1 (t = -1
 * and t past the end are 0), with the order-k polynomial through taps t..t+k for interpolation.
 */
function polyphaseTables(proto: Float64Array, n: number, phases: number, order: number, stride: number): Float64Array[] {
  if (order > 2) throw new Error(`polyphase interpolation order ${order} is not implemented`);
  const tables = Array.from({ length: order + 1 }, () => new Float64Array(stride * phases));
  const tap = (t: number) => (t >= 0 && t < proto.length ? proto[t] : 0);
  for (let j = 0; j < phases; j++) {
    for (let c = 0; c < n; c++) {
      const t = (n - 1 - c) * phases + j - 1;
      const at = j * stride + c;
      const f0 = tap(t);
      tables[0][at] = f0;
      if (order === 1) {
        tables[1][at] = tap(t + 1) - f0;
      } else if (order === 2) {
        const f1 = tap(t + 1);
        const f2 = tap(t + 2);
        const cq = 0.5 * (f2 + f0) - f1;
        tables[1][at] = f1 - cq - f0;
        tables[2][at] = cq;
      }
    }
  }
  return tables;
}
