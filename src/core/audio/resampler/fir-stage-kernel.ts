import type { DspKernel } from '../../dsp/wasm/dsp-kernel';
import type { FirStage } from './fir-stage';
import type { SampleBlock } from './sample-block';

/**
 * runFirStage for up and down of 1 or 2 on the kernel, its output left in the kernel's memory (a
 * view, with `lead` and `trail` zeros) for the next stage to read in place; scratch is laid out after
 * the input when the input lies there too. The stage's convolver and its twiddles exist already.
 */
export function runFirStageOnKernel(kernel: DspKernel, x: SampleBlock, stage: FirStage, count: number, lead: number, trail: number, fullLength: number): SampleBlock {
  const convolver = stage.convolver;
  if (!convolver) throw new Error('the FIR stage has no convolver yet');
  const { size } = convolver;
  // Read before laying out scratch: growing the memory detaches views of it (their length reads 0).
  const input = kernel.addressOf(x.data);
  const inputLength = x.data.length;
  const total = lead + count + trail;
  const from = input === null ? undefined : input + x.data.byteLength;
  const [out, re, im, hr, hi] = kernel.reserve([8 * total, 8 * size, 8 * size, 8 * size, 8 * size], from);
  // Laying out scratch may have grown the memory: views of it are made afresh.
  const data = input === null ? x.data : kernel.f64(input, inputLength);
  const outView = kernel.f64(out, total);
  const written = Math.min(count, Math.ceil(fullLength / stage.down));
  outView.fill(0, 0, lead);
  outView.fill(0, lead + written);
  const u = data.subarray(x.start, x.start + x.length);
  convolver.filterOnKernel(kernel, { re, im, hr, hi }, u, stage.up, stage.down, outView, lead, written);
  return { data: outView, start: lead, length: count };
}
