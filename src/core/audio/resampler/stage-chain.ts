import type { DspKernel } from '../../dsp/wasm/dsp-kernel';
import { FftConvolver } from './fft-convolver';
import { type FirStage, runFirStage } from './fir-stage';
import { type HalfBandStage, runHalfBandStage } from './half-band-stage';
import { type PolyphaseStage, polyphaseLead, polyphaseTrail, runPolyphaseStage } from './polyphase-stage';
import type { SampleBlock } from './sample-block';

export type Stage = HalfBandStage | FirStage | PolyphaseStage;

/**
 * Runs `input` through the stages. Every stage but the last returns every output sample that can
 * be non-zero; the last returns `produced`. The FIR and polyphase stages run their hot loops on
 * `kernel` when there is one.
 */
export function runStages(stages: readonly Stage[], input: SampleBlock, produced: number, kernel: DspKernel | null): SampleBlock {
  if (kernel) prepareKernelTables(stages, kernel);
  let block = input;
  for (let s = 0; s < stages.length; s++) {
    const stage = stages[s];
    const want = s === stages.length - 1 ? produced : -1;
    // Zeros the next stage wants around its input (a polyphase stage: soxr's pre-load), so it needs no copy.
    const next = stages[s + 1];
    const lead = next?.kind === 'polyphase' ? polyphaseLead(next) : 0;
    const trail = next?.kind === 'polyphase' ? polyphaseTrail(next) : 0;
    if (stage.kind === 'halfband') block = runHalfBandStage(block, stage.coefs, want, lead, trail, kernel);
    else if (stage.kind === 'fir') block = runFirStage(block, stage, want, lead, trail, kernel);
    else block = runPolyphaseStage(block, stage, want, kernel);
  }
  return block;
}

/**
 * The FIR stages' convolvers and their twiddles in the kernel, made before any stage runs: a table
 * made later would be laid out over the scratch that carries blocks from stage to stage.
 */
function prepareKernelTables(stages: readonly Stage[], kernel: DspKernel): void {
  for (const stage of stages) {
    if (stage.kind !== 'fir') continue;
    stage.convolver ??= new FftConvolver(stage.taps);
    kernel.twiddles(stage.convolver.size);
  }
}
