import { HQ_PRECISION } from './soxr-tables';
import type { Stage } from './stage-chain';

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

/** The design's facts for `stages`, which run from `fromRate`; band edges as fractions of the lower Nyquist. */
export function describe(
  fromRate: number,
  toRate: number,
  passbandEnd: number,
  stopbandBegin: number,
  stages: readonly Stage[],
): ResamplerSpec {
  const nyquistHz = Math.min(fromRate, toRate) / 2;
  const stageSpecs = describeStages(stages, fromRate);
  const band = bandLimit(stageSpecs, nyquistHz * stopbandBegin);
  return {
    fromRate,
    toRate,
    recipe: 'soxr_hq',
    precisionBits: HQ_PRECISION,
    nyquistHz,
    passbandEnd,
    passbandEndHz: passbandEnd * nyquistHz,
    stopbandBegin,
    stopbandBeginHz: stopbandBegin * nyquistHz,
    cutoffHz: band.cutoffHz,
    stopbandAttenuationDb: band.stopbandAttenuationDb,
    linearPhase: true,
    taps: band.taps,
    phases: band.phases,
    stages: stageSpecs,
    responseDb: (hz) => responseDb(stages, fromRate, hz),
  };
}

function describeStages(stages: readonly Stage[], fromRate: number): StageSpec[] {
  let rate = fromRate;
  return stages.map((stage) => {
    const spec = describeStage(stage, rate);
    rate = outputRate(stage, rate);
    return spec;
  });
}

function describeStage(stage: Stage, inputRate: number): StageSpec {
  if (stage.kind === 'halfband') {
    return { kind: 'halfband', inputRate, taps: 4 * stage.coefs.length - 1, attenuationDb: stage.att };
  }
  if (stage.kind === 'fir') {
    return {
      kind: 'fir',
      inputRate,
      up: stage.up,
      down: stage.down,
      taps: stage.taps.length,
      beta: stage.beta,
      cutoffHz: (stage.cutoff * (inputRate * stage.up)) / 2,
      attenuationDb: stage.att,
    };
  }
  return {
    kind: 'polyphase',
    inputRate,
    taps: stage.n,
    phases: stage.phases,
    interpolationOrder: stage.order,
    step: stage.ratio,
    beta: stage.beta,
    attenuationDb: stage.att,
  };
}

/**
 * What limits the band: the first FIR stage, or a later one with a lower cutoff; else the polyphase
 * stage (its cutoff then is the stop-band edge).
 */
function bandLimit(
  stages: readonly StageSpec[],
  stopbandBeginHz: number,
): Pick<ResamplerSpec, 'cutoffHz' | 'stopbandAttenuationDb' | 'taps' | 'phases'> {
  let taps = 0;
  let phases = 0;
  let cutoffHz = stopbandBeginHz;
  let stopbandAttenuationDb = 0;
  for (const stage of stages) {
    if (stage.kind === 'fir') {
      if (!taps || stage.cutoffHz < cutoffHz) {
        cutoffHz = stage.cutoffHz;
        stopbandAttenuationDb = stage.attenuationDb;
      }
      taps ||= stage.taps;
    } else if (stage.kind === 'polyphase') {
      phases = stage.phases;
      stopbandAttenuationDb ||= stage.attenuationDb;
    }
  }
  return { cutoffHz, stopbandAttenuationDb, taps, phases };
}

/** The rate a stage's output runs at. */
function outputRate(stage: Stage, inputRate: number): number {
  if (stage.kind === 'halfband') return inputRate / 2;
  if (stage.kind === 'fir') return (inputRate * stage.up) / stage.down;
  return inputRate / stage.ratio;
}

/** |H(f)| of the cascade (each stage's taps at the rate they run at), dB. */
function responseDb(stages: readonly Stage[], fromRate: number, hz: number): number {
  let gain = 1;
  let rate = fromRate;
  for (const stage of stages) {
    gain *= stageGain(stage, rate, hz);
    rate = outputRate(stage, rate);
  }
  return 20 * Math.log10(gain);
}

function stageGain(stage: Stage, rate: number, hz: number): number {
  if (stage.kind === 'halfband') {
    let g = 0.5;
    for (let j = 0; j < stage.coefs.length; j++) g += 2 * stage.coefs[j] * Math.cos((2 * Math.PI * hz * (2 * j + 1)) / rate);
    return Math.abs(g);
  }
  if (stage.kind === 'fir') {
    const tapRate = rate * stage.up;
    return Math.abs(symmetricResponse(stage.taps, hz / tapRate)) / stage.up;
  }
  return Math.abs(symmetricResponse(stage.prototype, hz / (rate * stage.phases))) / stage.phases;
}

function symmetricResponse(taps: Float64Array, cyclesPerTap: number): number {
  const centre = (taps.length - 1) / 2;
  let sum = 0;
  for (let i = 0; i < taps.length; i++) sum += taps[i] * Math.cos(2 * Math.PI * cyclesPerTap * (i - centre));
  return sum;
}
