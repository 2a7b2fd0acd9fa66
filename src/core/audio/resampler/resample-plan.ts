import { designFirStage, type FirStage } from './fir-stage';
import { designHalfBandStage } from './half-band-stage';
import { inverseResponse } from './kaiser-lowpass';
import { designPolyphaseStage } from './polyphase-design';
import { describe, type ResamplerSpec } from './resampler-spec';
import { DB_PER_BIT, HQ_PRECISION } from './soxr-tables';
import type { Stage } from './stage-chain';
import { chooseStages, type StageChoice, stagesPresent } from './stage-choice';

/** The designed stages for one rate pair, and what they are. */
export interface ResamplePlan {
  readonly stages: readonly Stage[];
  readonly spec: ResamplerSpec;
}

/** Band edges as fractions of the lower rate's Nyquist frequency, and what the stage choice needs. */
interface Recipe {
  readonly ioRatio: number;
  readonly mode: number;
  /** passband_end. */
  readonly Fp0: number;
  /** stopband_begin. */
  readonly Fs0: number;
}

/** Stop-band rejection the stages are designed for, dB: the FIR stages' and the polyphase stage's. */
interface AttenuationBudget {
  readonly att: number;
  readonly attArb: number;
}

/** A transcription of libsoxr 0.1.3's _soxr_init (src/cr.c) for the HQ recipe. */
export function makePlan(fromRate: number, toRate: number): ResamplePlan {
  const rej = HQ_PRECISION * DB_PER_BIT;
  const recipe: Recipe = {
    ioRatio: fromRate / toRate,
    mode: Math.trunc((Math.ceil(HQ_PRECISION) - 6) / 4), // 3 for HQ
    Fp0: 1 - 0.05 / (1 - inverseResponse(-3, rej)), // passband_end = 1 - .05 / lsx_to_3dB(rej)
    Fs0: 1,
  };
  const choice = chooseStages(recipe.ioRatio, recipe.mode);
  const stages = designStages(choice, attenuationBudget(choice), recipe);
  return { stages, spec: describe(fromRate, toRate, recipe.Fp0, recipe.Fs0, stages) };
}

/**
 * (bits + 1)·6.02 dB (+1: pass + stop); with more than one stage, 6.02 dB more when one is the
 * polyphase stage, and 20·log10(number of other stages) more for the FIR stages, which share the budget.
 */
function attenuationBudget(choice: StageChoice): AttenuationBudget {
  const present = stagesPresent(choice);
  let att = (HQ_PRECISION + 1) * DB_PER_BIT;
  let attArb = att;
  const numStages = choice.shr + (present.pre ? 1 : 0) + (present.arb ? 1 : 0) + (present.post ? 1 : 0);
  if (numStages > 1) {
    let n = numStages;
    if (present.arb) {
      att += DB_PER_BIT;
      attArb = att;
      n--;
    }
    att += 20 * Math.log10(n);
  }
  return { att, attArb };
}

function designStages(choice: StageChoice, { att, attArb }: AttenuationBudget, recipe: Recipe): Stage[] {
  const { preL, preM, arbL, arbM, upsample, rational } = choice;
  const present = stagesPresent(choice);
  const stages: Stage[] = Array.from({ length: choice.shr }, () => designHalfBandStage(att));
  let Fp1 = recipe.Fp0;
  let Fs1 = recipe.Fs0;
  if (present.pre) {
    const Fn1 = preM ? Math.max(preL, preM) : arbM / arbL;
    stages.push(designFirStage(Fp1, Fs1, Fn1, att, preL, Math.max(preM, 1)));
    Fp1 /= Fn1;
    Fs1 /= Fn1;
  }
  if (present.arb) {
    stages.push(designPolyphaseStage({ upsample, preM, arbM, arbL, rational, mode: recipe.mode, Fp1, Fs1, att: attArb }));
  }
  if (present.post) stages.push(designPostStage(choice, att, recipe));
  return stages;
}

/** The post FIR stage: up by postL, down by postM, its band edges scaled to the rate it runs at. */
function designPostStage({ upsample, postL, postM }: StageChoice, att: number, { ioRatio, Fp0, Fs0 }: Recipe): FirStage {
  const alpha = postM / (ioRatio * postL);
  const Fp = Fp0 / (upsample ? alpha : 1);
  const Fs = upsample ? Math.max(2 - Fs0 / alpha, 1) : Fs0;
  return designFirStage(Fp, Fs, Math.max(postL, postM), att, postL, postM);
}
