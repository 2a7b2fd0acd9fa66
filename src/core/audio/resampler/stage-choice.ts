import { MULT32 } from './fixed-point-clock';
import { MAX_RATIONAL_PHASES } from './soxr-tables';

/**
 * How soxr splits a conversion into stages: the `while (!n++)` loop of _soxr_init (libsoxr 0.1.3,
 * src/cr.c), with soxr's names. The input is divided, in turn, by
 *  - 2^shr, with half-band FIRs;
 *  - preM / preL, with a FIR stage (skipped when both are 1; preM 0 means up by preL only);
 *  - arbM / arbL, with a polyphase stage (skipped when both are 1);
 *  - postM / postL, with a FIR stage (skipped when both are 1).
 */
export interface StageChoice {
  readonly upsample: boolean;
  /** Whether arbL phases give the arbitrary-ratio stage's ratio exactly. */
  readonly rational: boolean;
  readonly shr: number;
  readonly preL: number;
  readonly preM: number;
  readonly arbL: number;
  readonly arbM: number;
  readonly postL: number;
  readonly postM: number;
}

/** The stages there are besides the halvings. */
export function stagesPresent({ preL, preM, arbL, arbM, postL, postM }: StageChoice): {
  readonly pre: boolean;
  readonly arb: boolean;
  readonly post: boolean;
} {
  return { pre: preM * preL !== 1, arb: arbM * arbL !== 1, post: postM * postL !== 1 };
}

/** soxr's stage choice for `ioRatio` input samples per output sample; `mode` is 3 for HQ. */
export function chooseStages(ioRatio: number, mode: number): StageChoice {
  let choice = splitRatio(ioRatio, 1, mode);
  const postL = postUpsampling(choice);
  // soxr reruns the split with the post stage's factor taken out of the arbitrary ratio.
  if (postL !== 1) choice = splitRatio((choice.arbM * postL) / choice.arbL / choice.preL, postL, mode);
  return mergedIfSmallRational(choice);
}

/** One pass of soxr's loop: halvings, then the pre, arbitrary and post factors of what is left. */
function splitRatio(ratio: number, postL: number, mode: number): StageChoice {
  let arbM = ratio;
  const upsample = arbM < 1;
  let shr = 0;
  for (let i = Math.trunc(0.5 * arbM); (i >>= 1) !== 0; ) {
    arbM *= 0.5;
    shr++;
  }
  const preM = upsample || (arbM > 1.5 && arbM < 2) ? 1 : 0;
  const postM = 1 + (arbM > 1 && preM ? 1 : 0);
  arbM /= postM;
  const preL = 1 + (!preM && arbM < 2 ? 1 : 0) + (upsample && mode ? 1 : 0);
  arbM *= preL;
  const arb = rationalised(arbM);
  return { upsample, rational: arb.rational, shr: shr + arb.shr, preL, preM, arbL: arb.arbL, arbM: arb.arbM, postL, postM };
}

/**
 * arbM as arbM / arbL with arbL <= MAX_RATIONAL_PHASES when its fraction is t / arbL to within the
 * 32.32 clock's resolution; a fraction that rounds to a whole number rounds arbM up (and moves a
 * factor of 2 of it into one more halving when that leaves it above 3).
 */
function rationalised(arbM: number): { arbM: number; arbL: number; shr: number; rational: boolean } {
  const frac = arbM - Math.trunc(arbM);
  if (frac === 0) return { arbM, arbL: 1, shr: 0, rational: true };
  const epsilon = Math.abs(Math.floor(frac * MULT32 + 0.5) / (frac * MULT32) - 1);
  for (let i = 1; i <= MAX_RATIONAL_PHASES; i++) {
    const d = frac * i;
    const t = Math.trunc(d + 0.5);
    if (Math.abs(t / d - 1) > epsilon) continue;
    if (t !== i) return { arbM: i * Math.trunc(arbM) + t, arbL: i, shr: 0, rational: true };
    const whole = Math.ceil(arbM);
    const x = whole > 3 ? 1 : 0;
    return { arbM: whole / (1 + x), arbL: 1, shr: x, rational: true };
  }
  return { arbM, arbL: 1, shr: 0, rational: false };
}

/** soxr's post stage: up by postL (a power of 2, 4 to 256) for a large up-sampling factor, else 1. */
function postUpsampling({ preL, arbL, arbM }: StageChoice): number {
  const d = (preL * arbL) / arbM;
  if (!(d > 4 && d !== 5)) return 1;
  let postL = 4;
  for (let i = Math.trunc(d / 16); (i >>= 1) !== 0 && postL < 256; ) postL <<= 1;
  return postL;
}

/** A small rational ratio L/M is done by the pre FIR stage alone. */
function mergedIfSmallRational(choice: StageChoice): StageChoice {
  if (!choice.rational) return choice;
  let L = choice.preL * choice.arbL;
  let M = Math.trunc(choice.arbM * choice.postM);
  if (((L | M) & 1) === 0) {
    L >>= 1;
    M >>= 1;
  }
  if (!(Math.max(L, M) < 5 || L * M < 6)) return choice;
  return { ...choice, preL: L, preM: M, arbM: 1, arbL: 1, postM: 1 };
}
