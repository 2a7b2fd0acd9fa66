import { besselI0 } from './bessel-i0';

/*
 * Kaiser-windowed sinc low-pass design, as libsoxr 0.1.3 does it (src/filter.c: lsx_kaiser_beta,
 * lsx_kaiser_params, lsx_make_lpf, lsx_design_lpf, lsx_inv_f_resp). The resampler reproduces
 * soxr's filters tap for tap, so these follow soxr's formulas and conventions rather than the
 * textbook ones:
 *  - frequencies are fractions of a Nyquist frequency `Fn` (1 = Nyquist);
 *  - the cutoff `Fc` (the -6 dB point) sits in the middle of the transition band [Fp, Fs];
 *  - beta comes from soxr's fitted polynomials in (attenuation, transition width), and the number of
 *    taps from soxr's own estimate;
 *  - the window can be a little wider than the filter (`rho`), which soxr uses for its polyphase
 *    prototypes.
 */

/** Rows of soxr's fit of the Kaiser beta against attenuation, per octave of transition width. */
const BETA_FIT: readonly (readonly [number, number, number, number])[] = [
  [-6.784957e-10, 1.02856e-5, 0.1087556, -0.8988365 + 0.001],
  [-6.897885e-10, 1.027433e-5, 0.10876, -0.8994658 + 0.002],
  [-1.000683e-9, 1.030092e-5, 0.1087677, -0.9007898 + 0.003],
  [-3.654474e-10, 1.040631e-5, 0.1087085, -0.8977766 + 0.006],
  [8.106988e-9, 6.983091e-6, 0.1091387, -0.9172048 + 0.015],
  [9.519571e-9, 7.272678e-6, 0.1090068, -0.9140768 + 0.025],
  [-5.626821e-9, 1.342186e-5, 0.1083999, -0.9065452 + 0.05],
  [-9.965946e-8, 5.073548e-5, 0.1040967, -0.7672778 + 0.085],
  [1.604808e-7, -5.856462e-5, 0.1185998, -1.34824 + 0.1],
  [-1.511964e-7, 6.363034e-5, 0.1064627, -0.9876665 + 0.18],
];

const clampIndex = (i: number, hi: number) => Math.max(0, Math.min(hi, i));

/** soxr's lsx_kaiser_beta: the Kaiser beta for `att` dB of stopband rejection, `trBw` the relative transition width. */
export function kaiserBeta(att: number, trBw: number): number {
  if (att >= 60) {
    const realm = Math.log(trBw / 0.0005) / Math.LN2;
    const whole = Math.trunc(realm);
    const last = BETA_FIT.length - 1;
    const c0 = BETA_FIT[clampIndex(whole, last)];
    const c1 = BETA_FIT[clampIndex(whole + 1, last)];
    const b0 = ((c0[0] * att + c0[1]) * att + c0[2]) * att + c0[3];
    const b1 = ((c1[0] * att + c1[1]) * att + c1[2]) * att + c1[3];
    return b0 + (b1 - b0) * (realm - whole);
  }
  if (att > 50) return 0.1102 * (att - 8.7);
  if (att > 20.96) return 0.58417 * Math.pow(att - 20.96, 0.4) + 0.07886 * (att - 20.96);
  return 0;
}

/**
 * soxr's lsx_make_lpf: `numTaps` taps of sin(Fc·πz)/(πz) (z the offset from the centre in taps, Fc a
 * fraction of Nyquist), under a Kaiser window of shape `beta` whose half-width is (numTaps-1)/2 + rho
 * taps, scaled by `scale`.
 */
export function makeLowpass(numTaps: number, cutoff: number, beta: number, rho: number, scale: number): Float64Array {
  const m = numTaps - 1;
  const h = new Float64Array(numTaps);
  const mult = scale / besselI0(beta);
  const mult1 = 1 / (0.5 * m + rho);
  for (let i = 0; i <= m >> 1; i++) {
    const z = i - 0.5 * m;
    const x = z * Math.PI;
    const y = z * mult1;
    const sinc = x !== 0 ? Math.sin(cutoff * x) / x : cutoff;
    h[i] = sinc * besselI0(beta * Math.sqrt(1 - y * y)) * mult;
    h[m - i] = h[i];
  }
  return h;
}

export interface LowpassDesign {
  /** The taps (empty for a dry run, which only sizes the filter). */
  readonly taps: Float64Array;
  readonly numTaps: number;
  /** The -6 dB point, as a fraction of the Nyquist frequency of the rate the taps run at. */
  readonly cutoff: number;
  readonly beta: number;
  /** Window overhang, in taps, each side. */
  readonly rho: number;
}

/**
 * soxr's lsx_design_lpf. Pass band to `passEnd`, stop band from `stopBegin`, both in units where
 * `nyquist` is the Nyquist frequency; `att` dB of stop-band rejection.
 * `phases` > 1 designs the prototype of a polyphase filter of that many phases (taps at phases× the
 * rate, gain `phases`); otherwise the tap count is rounded up so that numTaps ≡ 1 (mod `modulo`).
 * `numTaps` 0 means "estimate it"; `beta` < 0 means "estimate it". `dryRun` only sizes the filter.
 */
export function designLowpass(
  passEnd: number,
  stopBegin: number,
  nyquist: number,
  att: number,
  numTaps: number,
  phases: number,
  modulo: number,
  beta: number,
  dryRun = false,
): LowpassDesign {
  const rho = phases === 1 ? 0.5 : att < 120 ? 0.63 : 0.75;
  const fp = passEnd / nyquist;
  let fs = stopBegin / nyquist;
  let trBw = (0.5 * (fs - fp)) / phases; // transition band-width: 6 dB to stop points
  fs /= phases;
  trBw = Math.min(trBw, 0.5 * fs);
  const cutoff = fs - trBw;
  if (beta < 0) beta = kaiserBeta(att, (trBw * 0.5) / cutoff);
  const attFactor =
    att < 60
      ? (att - 7.95) / (2.285 * Math.PI * 2)
      : ((0.0007528358 - 1.577737e-5 * beta) * beta + 0.6248022) * beta + 0.06186902;
  let n = numTaps;
  if (!n) {
    n = Math.ceil(attFactor / trBw + 1);
    n = phases > 1 ? Math.trunc(n / phases) * phases + phases - 1 : Math.trunc((n + modulo - 2) / modulo) * modulo + 1;
  }
  const taps = dryRun ? new Float64Array(0) : makeLowpass(n, cutoff, beta, rho, phases);
  return { taps, numTaps: n, cutoff, beta, rho };
}

const sinePhi = (x: number) => ((2.0517e-7 * x - 1.1303e-4) * x + 0.023154) * x + 0.55924;
const sinePow = (x: number) => Math.log(0.5) / Math.log(Math.sin(x * 0.5));

/**
 * soxr's lsx_inv_f_resp: where (as a fraction of the transition band, 0 at its start) a soxr
 * filter designed for `att` dB falls `dropDb` dB. soxr uses it to size pass bands: the -3 dB point
 * and the -0.01 dB roll-off of its polyphase stage.
 */
export function inverseResponse(dropDb: number, att: number): number {
  let x = sinePhi(att);
  const drop = Math.exp(dropDb * (Math.LN10 * 0.05));
  const s = drop > 0.5 ? 1 - drop : drop;
  x = Math.asin(Math.pow(s, 1 / sinePow(x))) / x;
  return drop > 0.5 ? x : 1 - x;
}
