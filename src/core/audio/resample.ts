import { designLowpass, inverseResponse } from './kaiser-window';

/*
 * Sample-rate conversion that reproduces soxr's "HQ" recipe: what `librosa.load(path, sr=...)`
 * does by default (librosa >= 0.10 resamples with `soxr.resample(..., quality='soxr_hq')`; python-soxr
 * bundles libsoxr 0.1.3).
 *
 * What soxr HQ is (libsoxr 0.1.3 source, src/soxr.c `soxr_quality_spec` and src/cr.c `_soxr_init`):
 *  - SOXR_HQ = SOXR_20_BITQ (soxr.h): precision = 4 + 4·4 = 20 bits, so the rejection target is
 *    rej = 20 · 20·log10(2) = 120.4 dB;
 *  - passband_end = 1 - 0.05 / lsx_to_3dB(rej) = 0.91374 of the Nyquist frequency of the lower of the
 *    two rates (10074 Hz when the output is 22050 Hz), stopband_begin = 1 (exactly that Nyquist:
 *    11025 Hz), phase_response = 50 (linear phase), no "maintain 3 dB point", roll-off "small";
 *  - the filters are designed for (bits + 1)·6.02 = 126.4 dB, plus 6.02 dB when there is an
 *    arbitrary-ratio (polyphase) stage and 20·log10(number of other stages) more for the budget
 *    shared between stages: 132.5 dB for 48 kHz → 22.05 kHz;
 *  - every filter is a Kaiser-windowed sinc (see kaiser-window.ts), linear phase, and the stages'
 *    delays are compensated: output sample k is the band-limited input evaluated at time
 *    k / toRate, with input sample 0 at time 0 and zeros outside the input.
 *
 * How soxr splits the work, and so how this file does (same decisions, same filters):
 *  1. `shr` exact halvings with soxr's fixed half-band FIRs while the ratio is >= 4;
 *  2. a "pre" FIR stage (soxr does it by FFT; so do we): up by L, low-pass, down by M, with L, M in
 *     {1, 2, 3, ...} small. For a non-trivial ratio it is the band-limiting filter (L = M = 1 at
 *     48 kHz → 22.05 kHz: ~445 taps at 48 kHz, pass band to 10074 Hz, stop band from 11025 Hz);
 *  3. an "arbitrary ratio" polyphase stage: a short (12-16 taps) interpolating filter with L phases
 *     when the ratio reduces to L/M with L <= 2048 (147 phases for 48 kHz → 22.05 kHz), or with
 *     2^k phases and linear/quadratic interpolation between them otherwise (TESS's 24414 Hz:
 *     3675/4069 → 128 phases, quadratic); its clock is soxr's 32.32 fixed point;
 *  4. for large up-sampling factors, a "post" FIR stage.
 * soxr computes in float32 and we in float64 from the same float64 designs, so the outputs agree
 * to float32 rounding (~135 dB SNR, max |Δ| ≈ 2e-7, on the fixtures of librosa.load's output).
 *
 * Speed (what costs): the band-limiting FIR runs by FFT overlap-save with two real blocks per
 * complex radix-4 FFT (~4096 points), and the polyphase stage is unrolled for its usual 12-16 taps;
 * designs are cached per rate pair. 4.2 s at 48 kHz → 22.05 kHz takes ~5.5 ms in Node 20 on a
 * shared 2-vCPU Xeon (about half FFT, a third polyphase).
 *
 * Length: soxr emits round(n · toRate / fromRate) samples and librosa pads (with zeros) or trims that
 * to ceil(n · toRate / fromRate); `resample` returns exactly librosa's array.
 */

/** Passband/stopband and other facts of the design, for docs and tests. */
export interface ResamplerSpec {
  readonly fromRate: number;
  readonly toRate: number;
  /** The soxr recipe reproduced. */
  readonly recipe: 'soxr_hq';
  /** soxr's precision for the recipe, bits. */
  readonly precisionBits: number;
  /** Band edges are fractions of this: the Nyquist frequency of the lower rate, Hz. */
  readonly nyquistHz: number;
  /** End of the pass band as a fraction of `nyquistHz` (0.91374); the response there is about -0.01 dB. */
  readonly passbandEnd: number;
  readonly passbandEndHz: number;
  /** Start of the stop band as a fraction of `nyquistHz` (1: the lower Nyquist itself). */
  readonly stopbandBegin: number;
  readonly stopbandBeginHz: number;
  /** Where the response is down 6 dB (the band-limiting filter's cutoff), Hz. */
  readonly cutoffHz: number;
  /** Stop-band rejection the band-limiting filter is designed for, dB. */
  readonly stopbandAttenuationDb: number;
  /** Linear phase, delay compensated: output sample k is the input at time k / toRate. */
  readonly linearPhase: true;
  /** Taps of the band-limiting FIR stage (0 if there is none). */
  readonly taps: number;
  /** Phases of the polyphase stage (0 if there is none). */
  readonly phases: number;
  readonly stages: readonly StageSpec[];
  /** Magnitude response of the whole chain at `hz` (below the lower Nyquist), from the actual taps, dB. */
  responseDb(hz: number): number;
}

export type StageSpec =
  | { readonly kind: 'halfband'; readonly inputRate: number; readonly taps: number; readonly attenuationDb: number }
  | {
      readonly kind: 'fir';
      readonly inputRate: number;
      readonly up: number;
      readonly down: number;
      readonly taps: number;
      readonly beta: number;
      /** -6 dB point, Hz. */
      readonly cutoffHz: number;
      readonly attenuationDb: number;
    }
  | {
      readonly kind: 'polyphase';
      readonly inputRate: number;
      /** Taps per phase. */
      readonly taps: number;
      readonly phases: number;
      /** 0: exact rational ratio; 1 or 2: linear or quadratic interpolation between phases. */
      readonly interpolationOrder: number;
      /** Input samples per output sample. */
      readonly step: number;
      readonly beta: number;
      readonly attenuationDb: number;
    };

const DB_PER_BIT = 20 * Math.log10(2);
const MULT32 = 4294967296;
const HQ_PRECISION = 20;
/** runtime_spec.coef_size_kbytes default. */
const COEF_SIZE_KBYTES = 400;

/**
 * soxr's half-band decimators (src/half-coefs.h), each with the rejection soxr credits it with; it
 * takes the first that meets the stage budget. (soxr's SIMD engine lacks the first; HQ never needs it:
 * a halving always comes with another stage, so the budget is at least 132.5 dB.)
 */
const HALF_BAND_FIRS: readonly { readonly coefs: Float64Array; readonly att: number }[] = [
  {
    att: 120.65,
    coefs: new Float64Array([
      3.106265649665737e-1, -8.4998810699955796e-2, 3.40070446211235e-2, -1.2839903789829387e-2,
      3.9899380181723145e-3, -8.9355202017945374e-4, 1.0918292424806546e-4,
    ]),
  },
  {
    att: 136.51,
    coefs: new Float64Array([
      3.1154652365332069e-1, -8.7344917685739543e-2, 3.681445835363728e-2, -1.5189204581464479e-2,
      5.4540855610738801e-3, -1.5643862626630416e-3, 3.1816575906323303e-4, -3.4799449225005688e-5,
    ]),
  },
  {
    att: 152.32,
    coefs: new Float64Array([
      3.1227034755311189e-1, -8.9221517147969526e-2, 3.9139704015071934e-2, -1.7250558515852023e-2,
      6.8589440230476112e-3, -2.3045049636430419e-3, 6.0963740543348963e-4, -1.1323803957431231e-4,
      1.1197769991000046e-5,
    ]),
  },
];

/**
 * soxr's poly_firs table for its arbitrary-ratio stage (src/cr-core.c), as [phase-bits scalar,
 * interpolation order] per choice; all estimate beta and the tap count. Index:
 * 6·(upsample + preM) + mode - !upsample, with mode 3 for HQ, so HQ only uses rows 2, 8, 9 and 15.
 */
const POLY_FIRS: readonly (readonly (readonly [number, number])[])[] = [
  [[0, 0], [7.2, 1], [5.0, 2]],
  [[0, 0], [9.4, 1], [6.7, 2]],
  [[0, 0], [12.4, 1], [7.8, 2]],
  [[0, 0], [13.6, 1], [9.3, 2]],
  [[0, 0], [10.5, 2], [8.4, 3]],
  [[0, 0], [11.85, 2], [9.0, 3]],
  [[0, 0], [8.0, 1], [5.3, 2]],
  [[0, 0], [8.6, 1], [5.7, 2]],
  [[0, 0], [10.6, 1], [6.75, 2]],
  [[0, 0], [12.6, 1], [8.6, 2]],
  [[0, 0], [9.6, 2], [7.6, 3]],
  [[0, 0], [11.4, 2], [8.65, 3]],
  [[0, 0]],
  [[0, 0], [8, 1], [6, 2]],
  [[0, 0], [9, 1], [6, 2]],
  [[0, 0], [11, 1], [7, 2]],
  [[0, 0], [13, 1], [8, 2]],
  [[0, 0], [10, 2], [8, 3]],
  [[0, 0], [12, 2], [9, 3]],
];

interface HalfBandStage {
  readonly kind: 'halfband';
  readonly coefs: Float64Array;
  readonly att: number;
}

interface FirStage {
  readonly kind: 'fir';
  readonly up: number;
  readonly down: number;
  /** Symmetric, odd length, gain `up`. */
  readonly taps: Float64Array;
  readonly beta: number;
  /** -6 dB point as a fraction of the Nyquist of the rate the taps run at (input rate · up). */
  readonly cutoff: number;
  readonly att: number;
  convolver?: FftConvolver;
}

interface PolyStage {
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

type Stage = HalfBandStage | FirStage | PolyStage;

interface Plan {
  readonly stages: readonly Stage[];
  readonly spec: ResamplerSpec;
}

/** Designed filters per (fromRate, toRate), most recently made last; a few rate pairs at most in practice. */
const planCache = new Map<string, Plan>();
const PLAN_CACHE_LIMIT = 16;

/**
 * Resamples `input` from `fromRate` to `toRate` as librosa's default (soxr_hq) does, returning
 * ceil(n · toRate / fromRate) samples. Returns `input` itself when the rates are equal.
 */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  checkRates(fromRate, toRate);
  if (fromRate === toRate) return input;
  const n = input.length;
  // librosa.resample: ratio = target_sr / orig_sr; n_samples = int(np.ceil(n * ratio)).
  const outLength = Math.ceil(n * (toRate / fromRate));
  const out = new Float32Array(outLength);
  if (n === 0) return out;
  // soxr's flush: it emits (int64)(samples_in / io_ratio + .5) samples in all.
  const produced = Math.min(outLength, Math.floor(n / (fromRate / toRate) + 0.5));
  if (produced <= 0) return out;
  const { stages } = getPlan(fromRate, toRate);
  let block: Block = { data: input, start: 0, length: n };
  for (let s = 0; s < stages.length; s++) {
    const stage = stages[s];
    const want = s === stages.length - 1 ? produced : -1;
    // Zeros the next stage wants before its input (a polyphase stage: soxr's pre-load), so it needs no copy.
    const next = stages[s + 1];
    const lead = next?.kind === 'polyphase' ? (next.n - 1) >> 1 : 0;
    const trail = next?.kind === 'polyphase' ? next.stride + 8 : 0;
    if (stage.kind === 'halfband') block = runHalfBand(block, stage.coefs, want, lead, trail);
    else if (stage.kind === 'fir') block = runFir(block, stage, want, lead, trail);
    else block = runPoly(block, stage, want);
  }
  const count = Math.min(produced, block.length);
  out.set(block.data.subarray(block.start, block.start + count));
  return out;
}

/** The design `resample(_, fromRate, toRate)` uses. */
export function resamplerSpec(fromRate: number, toRate: number): ResamplerSpec {
  checkRates(fromRate, toRate);
  return getPlan(fromRate, toRate).spec;
}

function checkRates(fromRate: number, toRate: number): void {
  if (!(Number.isFinite(fromRate) && fromRate > 0 && Number.isFinite(toRate) && toRate > 0)) {
    throw new RangeError(`sample rates must be positive and finite (got ${fromRate} → ${toRate})`);
  }
}

function getPlan(fromRate: number, toRate: number): Plan {
  const key = `${fromRate}:${toRate}`;
  let plan = planCache.get(key);
  if (!plan) {
    plan = makePlan(fromRate, toRate);
    if (planCache.size >= PLAN_CACHE_LIMIT) planCache.delete(planCache.keys().next().value as string);
    planCache.set(key, plan);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Design: a transcription of libsoxr 0.1.3's _soxr_init (src/cr.c) for the HQ recipe.

function makePlan(fromRate: number, toRate: number): Plan {
  const ioRatio = fromRate / toRate;
  const bits = HQ_PRECISION;
  const rej = bits * DB_PER_BIT;
  const Fp0 = 1 - 0.05 / (1 - inverseResponse(-3, rej)); // passband_end = 1 - .05 / lsx_to_3dB(rej)
  const Fs0 = 1; // stopband_begin
  const sizeofReal = 4; // soxr's float32 engine (precision <= 20 bits)

  let arbM = ioRatio;
  let Fp1 = Fp0;
  let Fs1 = Fs0;
  let att = (bits + 1) * DB_PER_BIT; // +1: pass + stop
  let attArb = att;
  let preL = 1;
  let preM = 1;
  let shr = 0;
  let arbL = 1;
  let postL = 1;
  let postM = 1;
  let upsample = false;
  let rational = false;
  const mode = Math.trunc((Math.ceil(bits) - 6) / 4); // 3 for HQ
  const maxL = 2048; // mode != 0

  // Determine stages (the `while (!n++)` loop of _soxr_init; it reruns once if a post stage is chosen).
  for (let again = true; again; ) {
    again = false;
    let epsilon = 0;
    upsample = arbM < 1;
    shr = 0;
    for (let i = Math.trunc(0.5 * arbM); (i >>= 1) !== 0; ) {
      arbM *= 0.5;
      shr++;
    }
    preM = upsample || (arbM > 1.5 && arbM < 2) ? 1 : 0;
    postM = 1 + (arbM > 1 && preM ? 1 : 0);
    arbM /= postM;
    preL = 1 + (!preM && arbM < 2 ? 1 : 0) + (upsample && mode ? 1 : 0);
    arbM *= preL;
    const frac = arbM - Math.trunc(arbM);
    if (frac !== 0) epsilon = Math.abs(Math.floor(frac * MULT32 + 0.5) / (frac * MULT32) - 1);
    rational = frac === 0;
    for (let i = 1; i <= maxL && !rational; i++) {
      const d = frac * i;
      const t = Math.trunc(d + 0.5);
      rational = Math.abs(t / d - 1) <= epsilon;
      if (rational) {
        if (t === i) {
          arbM = Math.ceil(arbM);
          const x = arbM > 3 ? 1 : 0;
          shr += x;
          arbM /= 1 + x;
        } else {
          arbM = i * Math.trunc(arbM) + t;
          arbL = i;
        }
      }
    }
    let L = preL * arbL;
    let M = Math.trunc(arbM * postM);
    if (((L | M) & 1) === 0) {
      L >>= 1;
      M >>= 1;
    }
    const d = (preL * arbL) / arbM;
    if (postL === 1 && d > 4 && d !== 5) {
      postL = 4;
      for (let i = Math.trunc(d / 16); (i >>= 1) !== 0 && postL < 256; ) postL <<= 1;
      arbM = (arbM * postL) / arbL / preL;
      arbL = 1;
      again = true;
    } else if (rational && (Math.max(L, M) < 5 || L * M < 6)) {
      preL = L;
      preM = M;
      arbM = arbL = postM = 1;
    }
  }

  const havePre = preM * preL !== 1;
  const haveArb = arbM * arbL !== 1;
  const havePost = postM * postL !== 1;
  const numStages = shr + (havePre ? 1 : 0) + (haveArb ? 1 : 0) + (havePost ? 1 : 0);
  const alpha = postM / (ioRatio * postL);
  if (numStages > 1) {
    let n = numStages;
    if (haveArb) {
      att += DB_PER_BIT;
      attArb = att;
      n--;
    }
    att += 20 * Math.log10(n);
  }

  const stages: Stage[] = [];
  let halfIndex = 0;
  while (halfIndex + 1 < HALF_BAND_FIRS.length && att > HALF_BAND_FIRS[halfIndex].att) halfIndex++;
  for (let i = 0; i < shr; i++) {
    stages.push({ kind: 'halfband', coefs: HALF_BAND_FIRS[halfIndex].coefs, att: HALF_BAND_FIRS[halfIndex].att });
  }

  if (havePre) {
    const Fn1 = preM ? Math.max(preL, preM) : arbM / arbL;
    stages.push(firStage(Fp1, Fs1, Fn1, att, preL, Math.max(preM, 1)));
    Fp1 /= Fn1;
    Fs1 /= Fn1;
  }

  if (haveArb) stages.push(polyStage());

  if (havePost) {
    stages.push(
      firStage(
        Fp0 / (upsample ? alpha : 1),
        upsample ? Math.max(2 - Fs0 / alpha, 1) : Fs0,
        Math.max(postL, postM),
        att,
        postL,
        postM,
      ),
    );
  }

  return { stages, spec: describe(fromRate, toRate, Fp0, Fs0, stages) };

  function polyStage(): PolyStage {
    const interp = POLY_FIRS[6 * ((upsample ? 1 : 0) + (preM ? 1 : 0)) + mode - (upsample ? 0 : 1)];
    const mult = upsample ? 1 : arbM / arbL;
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
    const Fp = Fs - (Fs - Fp1) / (1 - inverseResponse(-0.01, attArb));

    let i = (rational ? 0 : 1) - 1;
    let numCoefs = 0;
    let phaseBits = 0;
    let phases = 0;
    let order = 0;
    let at = 0;
    for (;;) {
      const choice = interp[++i];
      if (i) {
        arbM /= arbL;
        arbL = 1;
        rational = false;
      }
      phaseBits = Math.ceil(Math.fround(choice[0]) - Math.log(mult) / Math.LN2); // the table holds floats
      phases = rational ? arbL : 2 ** phaseBits;
      const phases0 = Math.max(phases, 19);
      numCoefs = Math.trunc(designLowpass(Fp, Fs, Fn, attArb, 0, phases0, 1, -1, true).numTaps / phases0) + 1;
      if (!preM) numCoefs += numCoefs & 1;
      if (numCoefs & 1 && rational && arbL & 1) {
        phases <<= 1;
        arbL <<= 1;
        arbM *= 2;
      }
      at = arbL * 0.5 * (numCoefs & 1);
      order = choice[1];
      // soxr sizes the table as its SIMD engine stores it (taps rounded up to 4); without SIMD it
      // would not round, which changes no choice for the ratios that matter here.
      const numCoefs4 = (numCoefs + 3) & ~3;
      const coefsSize = numCoefs4 * phases * (order + 1) * sizeofReal;
      if (!(i < 2 && i + 1 < interp.length && Math.floor(coefsSize / 1000) > COEF_SIZE_KBYTES)) break;
    }
    const design = designLowpass(Fp, Fs, Fn, attArb, numCoefs * phases - 1, phases, 1, -1);
    const stride = order === 0 && numCoefs <= 12 ? 12 : numCoefs <= 16 ? 16 : numCoefs;
    const tables = polyphaseTables(design.taps, numCoefs, phases, order, stride);
    const atWhole = at * MULT32 + 0.5;
    const stepWhole = arbM * MULT32 + 0.5;
    const stepInt = Math.floor(stepWhole / MULT32);
    const atInt0 = Math.floor(atWhole / MULT32);
    return {
      kind: 'polyphase',
      n: numCoefs,
      phases,
      order,
      tables,
      stride,
      prototype: design.taps,
      beta: design.beta,
      att: attArb,
      L: arbL,
      step: Math.trunc(arbM),
      at0: Math.trunc(at),
      phaseBits,
      stepInt,
      stepFrac: Math.floor(stepWhole - stepInt * MULT32),
      atInt0,
      atFrac0: Math.floor(atWhole - atInt0 * MULT32),
      ratio: arbM / arbL,
    };
  }
}

/** soxr's dft_stage_init: up by L, low-pass, down by M. */
function firStage(Fp: number, Fs: number, Fn: number, att: number, L: number, M: number): FirStage {
  const isPow2 = L >= 2 && (L & (L - 1)) === 0;
  const k = isPow2 && Fn === L ? L << 1 : 4;
  const design = designLowpass(Fp, Fs, Fn, att, 0, 1, k, -1);
  const taps = design.taps;
  for (let i = 0; i < taps.length; i++) taps[i] *= L;
  return { kind: 'fir', up: L, down: M, taps, beta: design.beta, cutoff: design.cutoff, att };
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

// ---------------------------------------------------------------------------------------------
// Spec.

function describe(fromRate: number, toRate: number, Fp0: number, Fs0: number, stages: readonly Stage[]): ResamplerSpec {
  const nyquistHz = Math.min(fromRate, toRate) / 2;
  const stageSpecs: StageSpec[] = [];
  let rate = fromRate;
  let firTaps = 0;
  let phases = 0;
  let cutoffHz = nyquistHz * Fs0;
  let bandLimitAtt = 0;
  for (const stage of stages) {
    if (stage.kind === 'halfband') {
      stageSpecs.push({ kind: 'halfband', inputRate: rate, taps: 4 * stage.coefs.length - 1, attenuationDb: stage.att });
      rate /= 2;
    } else if (stage.kind === 'fir') {
      const tapRate = rate * stage.up;
      const stageCutoffHz = (stage.cutoff * tapRate) / 2;
      stageSpecs.push({
        kind: 'fir',
        inputRate: rate,
        up: stage.up,
        down: stage.down,
        taps: stage.taps.length,
        beta: stage.beta,
        cutoffHz: stageCutoffHz,
        attenuationDb: stage.att,
      });
      if (!firTaps || stageCutoffHz < cutoffHz) {
        cutoffHz = stageCutoffHz;
        bandLimitAtt = stage.att;
      }
      firTaps ||= stage.taps.length;
      rate = tapRate / stage.down;
    } else {
      stageSpecs.push({
        kind: 'polyphase',
        inputRate: rate,
        taps: stage.n,
        phases: stage.phases,
        interpolationOrder: stage.order,
        step: stage.ratio,
        beta: stage.beta,
        attenuationDb: stage.att,
      });
      phases = stage.phases;
      bandLimitAtt ||= stage.att;
      rate /= stage.ratio;
    }
  }
  return {
    fromRate,
    toRate,
    recipe: 'soxr_hq',
    precisionBits: HQ_PRECISION,
    nyquistHz,
    passbandEnd: Fp0,
    passbandEndHz: Fp0 * nyquistHz,
    stopbandBegin: Fs0,
    stopbandBeginHz: Fs0 * nyquistHz,
    cutoffHz,
    stopbandAttenuationDb: bandLimitAtt,
    linearPhase: true,
    taps: firTaps,
    phases,
    stages: stageSpecs,
    responseDb: (hz) => responseDb(stages, fromRate, hz),
  };
}

/** |H(f)| of the cascade (each stage's taps at the rate they run at), dB. */
function responseDb(stages: readonly Stage[], fromRate: number, hz: number): number {
  let gain = 1;
  let rate = fromRate;
  for (const stage of stages) {
    if (stage.kind === 'halfband') {
      let g = 0.5;
      for (let j = 0; j < stage.coefs.length; j++) g += 2 * stage.coefs[j] * Math.cos((2 * Math.PI * hz * (2 * j + 1)) / rate);
      gain *= Math.abs(g);
      rate /= 2;
    } else if (stage.kind === 'fir') {
      const tapRate = rate * stage.up;
      gain *= Math.abs(symmetricResponse(stage.taps, hz / tapRate)) / stage.up;
      rate = tapRate / stage.down;
    } else {
      gain *= Math.abs(symmetricResponse(stage.prototype, hz / (rate * stage.phases))) / stage.phases;
      rate /= stage.ratio;
    }
  }
  return 20 * Math.log10(gain);
}

function symmetricResponse(taps: Float64Array, cyclesPerTap: number): number {
  const centre = (taps.length - 1) / 2;
  let sum = 0;
  for (let i = 0; i < taps.length; i++) sum += taps[i] * Math.cos(2 * Math.PI * cyclesPerTap * (i - centre));
  return sum;
}

// ---------------------------------------------------------------------------------------------
// Processing. Each stage sees its input as preceded and followed by zeros (soxr pre-loads zeros and
// flushes with zeros) and, unless it is the last, returns every output sample that can be non-zero.

/** data[start, start + length) are the samples; data holds only zeros before and after them. */
interface Block {
  readonly data: Float32Array | Float64Array;
  readonly start: number;
  readonly length: number;
}

/** soxr's half-fir.h: out[i] = in[2i]/2 + Σ_j coefs[j]·(in[2i-2j-1] + in[2i+2j+1]). */
function runHalfBand(x: Block, coefs: Float64Array, want: number, lead: number, trail: number): Block {
  const n = x.length;
  const nc = coefs.length;
  const reach = 2 * nc - 1;
  const full = ((n - 1 + reach) >> 1) + 1;
  const count = want < 0 ? full : want;
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

/** Up by L (zero stuffing), the stage's FIR (centred), down by M; by FFT overlap-save. */
function runFir(x: Block, stage: FirStage, want: number, lead: number, trail: number): Block {
  const { taps, down } = stage;
  let { up } = stage;
  let u = x.data.subarray(x.start, x.start + x.length);
  const centre = (taps.length - 1) >> 1;
  const fullLength = x.length * up + centre; // y[j] is 0 for j >= fullLength
  const count = want < 0 ? Math.ceil(fullLength / down) : want;
  stage.convolver ??= new FftConvolver(taps);
  const out = new Float64Array(lead + count + trail);
  // The convolver does L and M of 1 or 2 itself (in the frequency domain); others (soxr picks L = 3
  // for 14.7 kHz → 22.05 kHz, M = 3 for 48 kHz → 8 kHz) by zero stuffing and picking here.
  if (up > 2) {
    const stuffed = new Float64Array(x.length * up);
    for (let i = 0; i < x.length; i++) stuffed[i * up] = u[i];
    u = stuffed;
    up = 1;
  }
  if (down > 2) {
    const computed = Math.min(fullLength, (count - 1) * down + 1);
    const y = new Float64Array(computed);
    stage.convolver.filter(u, up, 1, y, 0, computed);
    for (let i = 0; i * down < computed; i++) out[lead + i] = y[i * down];
  } else {
    stage.convolver.filter(u, up, down, out, lead, Math.min(count, Math.ceil(fullLength / down)));
  }
  return { data: out, start: lead, length: count };
}

/** soxr's poly-fir0.h (rational) and poly-fir.h (interpolated, 32.32 fixed-point clock). */
function runPoly(x: Block, stage: PolyStage, want: number): Block {
  const { n } = stage;
  const preload = (n - 1) >> 1; // soxr pre-loads this many zeros
  const nIn = x.length;
  // Without a count to meet: every output whose window reaches the input.
  const count = want < 0 ? Math.ceil((nIn + preload + 1) / stage.ratio) + 1 : want;
  // Samples are read at padded[div + c], padded[preload] being input sample 0.
  const reach = Math.ceil((count + 1) * stage.ratio) + stage.stride + 4;
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
  if (stage.order === 0) polyRational(stage, padded, base, out);
  else if (stage.order === 1) polyLinear(stage, padded, base, out);
  else polyQuadratic(stage, padded, base, out);
  return { data: out, start: 0, length: count };
}

/**
 * Output k is at (at0 + k·step) / L input samples; phase = position mod L, exactly. The usual tap
 * counts (12 to 16, zero-padded to 12 or 16) get fully unrolled kernels (~1.6x the loop's speed);
 * partial sums in four independent chains throughout.
 */
function polyRational(stage: PolyStage, padded: Float64Array, base: number, out: Float64Array): void {
  const { L, step, stride } = stage;
  const stepDiv = Math.floor(step / L);
  const stepRem = step - stepDiv * L;
  const div = base + Math.floor(stage.at0 / L);
  const rem = stage.at0 % L;
  if (stride === 16) rational16(stage.tables[0], padded, out, div, rem, L, stepDiv, stepRem);
  else if (stride === 12) rational12(stage.tables[0], padded, out, div, rem, L, stepDiv, stepRem);
  else rationalAny(stage.tables[0], stride, padded, out, div, rem, L, stepDiv, stepRem);
}

function rational16(
  table: Float64Array,
  x: Float64Array,
  out: Float64Array,
  div: number,
  rem: number,
  L: number,
  stepDiv: number,
  stepRem: number,
): void {
  for (let k = 0; k < out.length; k++) {
    const t = rem * 16;
    const p = div;
    const s0 = table[t] * x[p] + table[t + 4] * x[p + 4] + table[t + 8] * x[p + 8] + table[t + 12] * x[p + 12];
    const s1 = table[t + 1] * x[p + 1] + table[t + 5] * x[p + 5] + table[t + 9] * x[p + 9] + table[t + 13] * x[p + 13];
    const s2 = table[t + 2] * x[p + 2] + table[t + 6] * x[p + 6] + table[t + 10] * x[p + 10] + table[t + 14] * x[p + 14];
    const s3 = table[t + 3] * x[p + 3] + table[t + 7] * x[p + 7] + table[t + 11] * x[p + 11] + table[t + 15] * x[p + 15];
    out[k] = s0 + s1 + (s2 + s3);
    div += stepDiv;
    rem += stepRem;
    if (rem >= L) {
      rem -= L;
      div++;
    }
  }
}

function rational12(
  table: Float64Array,
  x: Float64Array,
  out: Float64Array,
  div: number,
  rem: number,
  L: number,
  stepDiv: number,
  stepRem: number,
): void {
  for (let k = 0; k < out.length; k++) {
    const t = rem * 12;
    const p = div;
    const s0 = table[t] * x[p] + table[t + 4] * x[p + 4] + table[t + 8] * x[p + 8];
    const s1 = table[t + 1] * x[p + 1] + table[t + 5] * x[p + 5] + table[t + 9] * x[p + 9];
    const s2 = table[t + 2] * x[p + 2] + table[t + 6] * x[p + 6] + table[t + 10] * x[p + 10];
    const s3 = table[t + 3] * x[p + 3] + table[t + 7] * x[p + 7] + table[t + 11] * x[p + 11];
    out[k] = s0 + s1 + (s2 + s3);
    div += stepDiv;
    rem += stepRem;
    if (rem >= L) {
      rem -= L;
      div++;
    }
  }
}

function rationalAny(
  table: Float64Array,
  n: number,
  x: Float64Array,
  out: Float64Array,
  div: number,
  rem: number,
  L: number,
  stepDiv: number,
  stepRem: number,
): void {
  const tail = n & 3;
  const main = n - tail;
  for (let k = 0; k < out.length; k++) {
    let t = rem * n;
    let p = div;
    const end = t + main;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (; t < end; t += 4, p += 4) {
      s0 += table[t] * x[p];
      s1 += table[t + 1] * x[p + 1];
      s2 += table[t + 2] * x[p + 2];
      s3 += table[t + 3] * x[p + 3];
    }
    for (let c = 0; c < tail; c++) s0 += table[t + c] * x[p + c];
    out[k] = s0 + s1 + (s2 + s3);
    div += stepDiv;
    rem += stepRem;
    if (rem >= L) {
      rem -= L;
      div++;
    }
  }
}

/**
 * soxr's clock: 32.32 fixed point, kept here as an integer part and a fraction in [0, 2^32). The top
 * `phaseBits` bits of the fraction pick the phase; the rest, as a float in [0, 1), the position x
 * between it and the next, where each tap's coefficient is a polynomial in x.
 */
function polyLinear(stage: PolyStage, padded: Float64Array, base: number, out: Float64Array): void {
  const { n, stride, stepInt, stepFrac } = stage;
  const [a, b] = stage.tables;
  const phaseUnit = 2 ** (32 - stage.phaseBits);
  let atInt = base + stage.atInt0;
  let atFrac = stage.atFrac0;
  for (let k = 0; k < out.length; k++) {
    const phase = Math.floor(atFrac / phaseUnit);
    const x = Math.fround((atFrac - phase * phaseUnit) / phaseUnit);
    let t = phase * stride;
    let p = atInt;
    const end = t + n;
    let s0 = 0;
    let s1 = 0;
    for (; t < end; t++, p++) {
      const v = padded[p];
      s0 += a[t] * v;
      s1 += b[t] * v;
    }
    out[k] = s0 + s1 * x;
    atInt += stepInt;
    atFrac += stepFrac;
    if (atFrac >= MULT32) {
      atFrac -= MULT32;
      atInt++;
    }
  }
}

/** As polyLinear, with quadratic coefficients: Σ (a + b·x + c·x²)·v as three dot products. */
function polyQuadratic(stage: PolyStage, padded: Float64Array, base: number, out: Float64Array): void {
  const { n, stride, stepInt, stepFrac } = stage;
  const [a, b, c] = stage.tables;
  const phaseUnit = 2 ** (32 - stage.phaseBits);
  if (stride === 16) {
    quadratic16(a, b, c, padded, out, base + stage.atInt0, stage.atFrac0, stepInt, stepFrac, phaseUnit);
    return;
  }
  let atInt = base + stage.atInt0;
  let atFrac = stage.atFrac0;
  for (let k = 0; k < out.length; k++) {
    const phase = Math.floor(atFrac / phaseUnit);
    const x = Math.fround((atFrac - phase * phaseUnit) / phaseUnit);
    let t = phase * stride;
    let p = atInt;
    const end = t + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (; t < end; t++, p++) {
      const v = padded[p];
      s0 += a[t] * v;
      s1 += b[t] * v;
      s2 += c[t] * v;
    }
    out[k] = s0 + (s1 + s2 * x) * x;
    atInt += stepInt;
    atFrac += stepFrac;
    if (atFrac >= MULT32) {
      atFrac -= MULT32;
      atInt++;
    }
  }
}

/** polyQuadratic for 16 (zero-padded) taps, unrolled: ~1.3x the loop's speed. */
function quadratic16(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  x: Float64Array,
  out: Float64Array,
  atInt: number,
  atFrac: number,
  stepInt: number,
  stepFrac: number,
  phaseUnit: number,
): void {
  for (let k = 0; k < out.length; k++) {
    const phase = Math.floor(atFrac / phaseUnit);
    const f = Math.fround((atFrac - phase * phaseUnit) / phaseUnit);
    const t = phase * 16;
    const p = atInt;
    const v0 = x[p], v1 = x[p + 1], v2 = x[p + 2], v3 = x[p + 3], v4 = x[p + 4], v5 = x[p + 5];
    const v6 = x[p + 6], v7 = x[p + 7], v8 = x[p + 8], v9 = x[p + 9], v10 = x[p + 10], v11 = x[p + 11];
    const v12 = x[p + 12], v13 = x[p + 13], v14 = x[p + 14], v15 = x[p + 15];
    const sa =
      a[t] * v0 + a[t + 1] * v1 + a[t + 2] * v2 + a[t + 3] * v3 +
      (a[t + 4] * v4 + a[t + 5] * v5 + a[t + 6] * v6 + a[t + 7] * v7) +
      (a[t + 8] * v8 + a[t + 9] * v9 + a[t + 10] * v10 + a[t + 11] * v11) +
      (a[t + 12] * v12 + a[t + 13] * v13 + a[t + 14] * v14 + a[t + 15] * v15);
    const sb =
      b[t] * v0 + b[t + 1] * v1 + b[t + 2] * v2 + b[t + 3] * v3 +
      (b[t + 4] * v4 + b[t + 5] * v5 + b[t + 6] * v6 + b[t + 7] * v7) +
      (b[t + 8] * v8 + b[t + 9] * v9 + b[t + 10] * v10 + b[t + 11] * v11) +
      (b[t + 12] * v12 + b[t + 13] * v13 + b[t + 14] * v14 + b[t + 15] * v15);
    const sc =
      c[t] * v0 + c[t + 1] * v1 + c[t + 2] * v2 + c[t + 3] * v3 +
      (c[t + 4] * v4 + c[t + 5] * v5 + c[t + 6] * v6 + c[t + 7] * v7) +
      (c[t + 8] * v8 + c[t + 9] * v9 + c[t + 10] * v10 + c[t + 11] * v11) +
      (c[t + 12] * v12 + c[t + 13] * v13 + c[t + 14] * v14 + c[t + 15] * v15);
    out[k] = sa + (sb + sc * f) * f;
    atInt += stepInt;
    atFrac += stepFrac;
    if (atFrac >= MULT32) {
      atFrac -= MULT32;
      atInt++;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// FFT convolution.

/**
 * Linear convolution with a fixed symmetric odd-length FIR by overlap-save. Two consecutive blocks
 * of the (real) signal ride in the real and imaginary parts of one complex FFT: the filter is real,
 * so the two results come back apart in the real and imaginary parts. The forward FFT is decimation
 * in frequency (natural order in, bit-reversed out), the products are taken in that order and the
 * inverse is the exact mirror, decimation in time (bit-reversed in, natural out): no permutation
 * pass. Both are radix 4 (each stage two fused radix-2 stages) with a radix-2 stage for odd log2(N).
 */
class FftConvolver {
  private readonly size: number;
  private readonly numTaps: number;
  private readonly block: number;
  private readonly filterRe: Float64Array;
  private readonly filterIm: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  /** For the radix-4 stage with quarter-span q, at 6·(q - 1 + j): w^j, w^2j, w^3j (re, im), w = e^{-2πi/4q}. */
  private readonly twiddles: Float64Array;

  constructor(taps: Float64Array) {
    const numTaps = taps.length;
    let size = 1024;
    while (size < 8 * numTaps) size <<= 1;
    this.size = size;
    this.numTaps = numTaps;
    this.block = size - numTaps + 1;
    const tw = new Float64Array(6 * size);
    for (let q = 1; 4 * q <= size; q <<= 1) {
      for (let j = 0; j < q; j++) {
        const angle = (-2 * Math.PI * j) / (4 * q);
        const k = 6 * (q - 1 + j);
        tw[k] = Math.cos(angle);
        tw[k + 1] = Math.sin(angle);
        tw[k + 2] = Math.cos(2 * angle);
        tw[k + 3] = Math.sin(2 * angle);
        tw[k + 4] = Math.cos(3 * angle);
        tw[k + 5] = Math.sin(3 * angle);
      }
    }
    this.twiddles = tw;
    this.re = new Float64Array(size);
    this.im = new Float64Array(size);
    this.filterRe = new Float64Array(size);
    this.filterIm = new Float64Array(size);
    for (let i = 0; i < numTaps; i++) this.filterRe[i] = taps[i] / size; // the inverse FFT's 1/N folded in
    this.forward(this.filterRe, this.filterIm, size, true);
  }

  /**
   * out[offset + i] = y[i·down] for i < count, where y[j] = Σ_k taps[k]·u[j + k - centre] and u is x
   * up-sampled by zero stuffing (u[up·i] = x[i]; x is 0 outside [0, x.length)). `up` and `down` are 1
   * or 2. Up by 2 is done as soxr does, by repeating the spectrum of a half-size FFT; down by 2 by
   * folding the spectrum onto a half-size inverse FFT (exactly y[2i], circularly).
   */
  filter(x: Float32Array | Float64Array, up: number, down: number, out: Float64Array, offset: number, count: number): void {
    const { size, block, numTaps, re, im, filterRe, filterIm } = this;
    const half = size >> 1;
    const centre = (numTaps - 1) >> 1;
    const lag = numTaps - 1; // circular result index t + lag holds y[start + t] for t < block
    if ((up === 2 && centre & 1) || (down === 2 && (lag | block) & 1)) {
      throw new Error('the FIR length does not suit the half-size FFT shortcuts');
    }
    const fullCount = count * down;
    for (let j0 = 0; j0 < fullCount; j0 += 2 * block) {
      const j1 = j0 + block;
      if (up === 1) {
        load(x, j0 - centre, re, size);
        load(x, j1 - centre, im, size);
        this.forward(re, im, size, down !== 1);
      } else {
        // u's block starts at an even index, so it holds x at even offsets and zeros between.
        load(x, (j0 - centre) >> 1, re, half);
        load(x, (j1 - centre) >> 1, im, half);
        this.forward(re, im, half, true);
        // U[k] = X[k mod N/2]: in bit-reversed order, entries 2m and 2m+1 both take entry m.
        for (let m = half - 1; m >= 0; m--) {
          re[2 * m + 1] = re[2 * m] = re[m];
          im[2 * m + 1] = im[2 * m] = im[m];
        }
      }
      if (up === 1 && down === 1) {
        // The 48 kHz → 22.05 kHz case: the last forward pass, the product and the first inverse
        // pass in one sweep (they are twiddle-free).
        this.multiplyBetweenPasses(re, im);
        this.inverse(re, im, size, false);
        const endA = Math.min(block, count - j0);
        out.set(re.subarray(lag, lag + endA), offset + j0);
        const endB = Math.min(block, count - j1);
        if (endB > 0) out.set(im.subarray(lag, lag + endB), offset + j1);
        continue;
      }
      for (let k = 0; k < size; k++) {
        const ar = re[k];
        const ai = im[k];
        const br = filterRe[k];
        const bi = filterIm[k];
        re[k] = ar * br - ai * bi;
        im[k] = ar * bi + ai * br;
      }
      if (down === 1) {
        this.inverse(re, im, size, true);
        const endA = Math.min(block, count - j0);
        out.set(re.subarray(lag, lag + endA), offset + j0);
        const endB = Math.min(block, count - j1);
        if (endB > 0) out.set(im.subarray(lag, lag + endB), offset + j1);
      } else {
        // y[2i]'s half-size spectrum is Y[k] + Y[k + N/2] (the 1/N of the filter covers the 1/2):
        // in bit-reversed order, entries 2m and 2m+1 summed into entry m.
        for (let m = 0; m < half; m++) {
          re[m] = re[2 * m] + re[2 * m + 1];
          im[m] = im[2 * m] + im[2 * m + 1];
        }
        this.inverse(re, im, half, true);
        const i0 = j0 >> 1;
        const i1 = j1 >> 1;
        const h = lag >> 1;
        const endA = Math.min(block >> 1, count - i0);
        out.set(re.subarray(h, h + endA), offset + i0);
        const endB = Math.min(block >> 1, count - i1);
        if (endB > 0) out.set(im.subarray(h, h + endB), offset + i1);
      }
    }
  }

  /**
   * In-place DIF FFT of re/im[0, size), natural order in, bit-reversed order out. Without `full`, the
   * last (twiddle-free) pass is left to multiplyBetweenPasses.
   */
  private forward(re: Float64Array, im: Float64Array, size: number, full: boolean): void {
    const tw = this.twiddles;
    const odd = Math.log2(size) & 1;
    for (let q = size >> 2; q > 1; q >>= 2) {
      const span = q << 2;
      for (let s = 0; s < size; s += span) {
        for (let j = 0, k = 6 * (q - 1); j < q; j++, k += 6) {
          const p0 = s + j;
          const p1 = p0 + q;
          const p2 = p1 + q;
          const p3 = p2 + q;
          const a0r = re[p0], a0i = im[p0], a1r = re[p1], a1i = im[p1];
          const a2r = re[p2], a2i = im[p2], a3r = re[p3], a3i = im[p3];
          const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
          const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1i - a3i, t3i = a3r - a1r; // t3 = -i (a1 - a3)
          re[p0] = t0r + t2r;
          im[p0] = t0i + t2i;
          const y2r = t0r - t2r, y2i = t0i - t2i; // X[2], goes to the 2nd quarter (bit-reversed order)
          const y1r = t1r + t3r, y1i = t1i + t3i; // X[1], 3rd quarter
          const y3r = t1r - t3r, y3i = t1i - t3i; // X[3], 4th quarter
          const w1r = tw[k], w1i = tw[k + 1], w2r = tw[k + 2], w2i = tw[k + 3], w3r = tw[k + 4], w3i = tw[k + 5];
          re[p1] = y2r * w2r - y2i * w2i;
          im[p1] = y2r * w2i + y2i * w2r;
          re[p2] = y1r * w1r - y1i * w1i;
          im[p2] = y1r * w1i + y1i * w1r;
          re[p3] = y3r * w3r - y3i * w3i;
          im[p3] = y3r * w3i + y3i * w3r;
        }
      }
    }
    if (!full) return;
    if (odd) radix2(re, im, size);
    else radix4(re, im, size);
  }

  /**
   * In-place inverse (unscaled) of `forward`: bit-reversed order in, natural order out. Without
   * `full`, the first (twiddle-free) pass is taken as done by multiplyBetweenPasses.
   */
  private inverse(re: Float64Array, im: Float64Array, size: number, full: boolean): void {
    const tw = this.twiddles;
    const odd = Math.log2(size) & 1;
    if (full) {
      if (odd) radix2(re, im, size);
      else radix4Inverse(re, im, size);
    }
    for (let q = odd ? 2 : 4; q < size; q <<= 2) {
      const span = q << 2;
      for (let s = 0; s < size; s += span) {
        for (let j = 0, k = 6 * (q - 1); j < q; j++, k += 6) {
          const p0 = s + j;
          const p1 = p0 + q;
          const p2 = p1 + q;
          const p3 = p2 + q;
          const w1r = tw[k], w1i = tw[k + 1], w2r = tw[k + 2], w2i = tw[k + 3], w3r = tw[k + 4], w3i = tw[k + 5];
          // Undo the twiddles (multiply by their conjugates), then the inverse 4-point DFT.
          const y0r = re[p0], y0i = im[p0];
          const b2r = re[p1], b2i = im[p1], b1r = re[p2], b1i = im[p2], b3r = re[p3], b3i = im[p3];
          const y2r = b2r * w2r + b2i * w2i, y2i = b2i * w2r - b2r * w2i;
          const y1r = b1r * w1r + b1i * w1i, y1i = b1i * w1r - b1r * w1i;
          const y3r = b3r * w3r + b3i * w3i, y3i = b3i * w3r - b3r * w3i;
          const u0r = y0r + y2r, u0i = y0i + y2i, u1r = y0r - y2r, u1i = y0i - y2i;
          const u2r = y1r + y3r, u2i = y1i + y3i, u3r = y3i - y1i, u3i = y1r - y3r; // u3 = i (y1 - y3)
          re[p0] = u0r + u2r;
          im[p0] = u0i + u2i;
          re[p1] = u1r + u3r;
          im[p1] = u1i + u3i;
          re[p2] = u0r - u2r;
          im[p2] = u0i - u2i;
          re[p3] = u1r - u3r;
          im[p3] = u1i - u3i;
        }
      }
    }
  }

  /** The forward FFT's last pass, the product with the filter's spectrum and the inverse's first pass. */
  private multiplyBetweenPasses(re: Float64Array, im: Float64Array): void {
    const { size, filterRe: hr, filterIm: hi } = this;
    if (Math.log2(size) & 1) {
      for (let p = 0; p < size; p += 2) {
        const ar = re[p], ai = im[p], br = re[p + 1], bi = im[p + 1];
        const xr = ar + br, xi = ai + bi, yr = ar - br, yi = ai - bi;
        const h0r = hr[p], h0i = hi[p], h1r = hr[p + 1], h1i = hi[p + 1];
        const cr = xr * h0r - xi * h0i, ci = xr * h0i + xi * h0r;
        const dr = yr * h1r - yi * h1i, di = yr * h1i + yi * h1r;
        re[p] = cr + dr;
        im[p] = ci + di;
        re[p + 1] = cr - dr;
        im[p + 1] = ci - di;
      }
      return;
    }
    for (let p = 0; p < size; p += 4) {
      const a0r = re[p], a0i = im[p], a1r = re[p + 1], a1i = im[p + 1];
      const a2r = re[p + 2], a2i = im[p + 2], a3r = re[p + 3], a3i = im[p + 3];
      const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
      const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1i - a3i, t3i = a3r - a1r;
      // Spectrum at p, p+1, p+2, p+3 (bit-reversed order): X0, X2, X1, X3 of the 4-point DFT.
      const x0r = t0r + t2r, x0i = t0i + t2i, x2r = t0r - t2r, x2i = t0i - t2i;
      const x1r = t1r + t3r, x1i = t1i + t3i, x3r = t1r - t3r, x3i = t1i - t3i;
      const h0r = hr[p], h0i = hi[p], h2r = hr[p + 1], h2i = hi[p + 1];
      const h1r = hr[p + 2], h1i = hi[p + 2], h3r = hr[p + 3], h3i = hi[p + 3];
      const y0r = x0r * h0r - x0i * h0i, y0i = x0r * h0i + x0i * h0r;
      const y2r = x2r * h2r - x2i * h2i, y2i = x2r * h2i + x2i * h2r;
      const y1r = x1r * h1r - x1i * h1i, y1i = x1r * h1i + x1i * h1r;
      const y3r = x3r * h3r - x3i * h3i, y3i = x3r * h3i + x3i * h3r;
      const u0r = y0r + y2r, u0i = y0i + y2i, u1r = y0r - y2r, u1i = y0i - y2i;
      const u2r = y1r + y3r, u2i = y1i + y3i, u3r = y3i - y1i, u3i = y1r - y3r;
      re[p] = u0r + u2r;
      im[p] = u0i + u2i;
      re[p + 1] = u1r + u3r;
      im[p + 1] = u1i + u3i;
      re[p + 2] = u0r - u2r;
      im[p + 2] = u0i - u2i;
      re[p + 3] = u1r - u3r;
      im[p + 3] = u1i - u3i;
    }
  }
}

/** The twiddle-free last radix-4 pass of `forward` (quarter-span 1). */
function radix4(re: Float64Array, im: Float64Array, size: number): void {
  for (let p = 0; p < size; p += 4) {
    const a0r = re[p], a0i = im[p], a1r = re[p + 1], a1i = im[p + 1];
    const a2r = re[p + 2], a2i = im[p + 2], a3r = re[p + 3], a3i = im[p + 3];
    const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
    const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1i - a3i, t3i = a3r - a1r;
    re[p] = t0r + t2r;
    im[p] = t0i + t2i;
    re[p + 1] = t0r - t2r;
    im[p + 1] = t0i - t2i;
    re[p + 2] = t1r + t3r;
    im[p + 2] = t1i + t3i;
    re[p + 3] = t1r - t3r;
    im[p + 3] = t1i - t3i;
  }
}

/** The twiddle-free first radix-4 pass of `inverse`. */
function radix4Inverse(re: Float64Array, im: Float64Array, size: number): void {
  for (let p = 0; p < size; p += 4) {
    const y0r = re[p], y0i = im[p], y2r = re[p + 1], y2i = im[p + 1];
    const y1r = re[p + 2], y1i = im[p + 2], y3r = re[p + 3], y3i = im[p + 3];
    const u0r = y0r + y2r, u0i = y0i + y2i, u1r = y0r - y2r, u1i = y0i - y2i;
    const u2r = y1r + y3r, u2i = y1i + y3i, u3r = y3i - y1i, u3i = y1r - y3r;
    re[p] = u0r + u2r;
    im[p] = u0i + u2i;
    re[p + 1] = u1r + u3r;
    im[p + 1] = u1i + u3i;
    re[p + 2] = u0r - u2r;
    im[p + 2] = u0i - u2i;
    re[p + 3] = u1r - u3r;
    im[p + 3] = u1i - u3i;
  }
}

/** The last (first, for the inverse) radix-2 stage: adjacent pairs, no twiddles; self-inverse up to 2. */
function radix2(re: Float64Array, im: Float64Array, size: number): void {
  for (let a = 0; a < size; a += 2) {
    const ar = re[a];
    const ai = im[a];
    const br = re[a + 1];
    const bi = im[a + 1];
    re[a] = ar + br;
    im[a] = ai + bi;
    re[a + 1] = ar - br;
    im[a + 1] = ai - bi;
  }
}

/** target[m] = x[start + m] for m < size, 0 outside x. */
function load(x: Float32Array | Float64Array, start: number, target: Float64Array, size: number): void {
  const from = Math.max(0, -start);
  const to = Math.max(from, Math.min(size, x.length - start));
  if (from > 0) target.fill(0, 0, from);
  if (to > from) target.set(x.subarray(start + from, start + to), from);
  if (to < size) target.fill(0, to, size);
}
