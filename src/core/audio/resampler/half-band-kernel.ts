import type { DspKernel } from '../../dsp/wasm/dsp-kernel';
import type { SampleBlock } from './sample-block';

/**
 * runHalfBandStage on the kernel (dsp/wasm/assembly/polyphase.ts: halfBand), its output left in the
 * kernel's memory (a view, with `lead` and `trail` zeros) for the next stage to read in place;
 * scratch is laid out after the input when the input lies there too.
 */
export function runHalfBandOnKernel(kernel: DspKernel, x: SampleBlock, coefs: Float64Array, count: number, lead: number, trail: number): SampleBlock {
  const nc = coefs.length;
  const n = x.length;
  const plane = Math.max(2 * nc + count, nc + (n >> 1) + 1) + 2;
  const float32 = x.data instanceof Float32Array;
  const width = float32 ? 4 : 8;
  const input = kernel.addressOf(x.data);
  const total = lead + count + trail;
  const from = input === null ? undefined : input + x.data.byteLength;
  const [copy, centres, wings, taps, out] = kernel.reserve([input === null ? width * n : 0, 8 * plane, 8 * plane, 8 * nc, 8 * total], from);
  let source = copy;
  if (input !== null) source = input + width * x.start;
  else if (x.data instanceof Float32Array) kernel.f32(copy, n).set(x.data.subarray(x.start, x.start + n));
  else kernel.f64(copy, n).set(x.data.subarray(x.start, x.start + n));
  kernel.f64(taps, nc).set(coefs);
  kernel.exports.splitForHalfBand(source, n, float32, centres, wings, nc, plane);
  kernel.exports.halfBand(centres, wings, taps, nc, out + 8 * lead, count);
  const view = kernel.f64(out, total);
  view.fill(0, 0, lead);
  view.fill(0, lead + count);
  return { data: view, start: lead, length: count };
}
