import { type DspBackend, kernelFor } from '../../dsp/wasm/dsp-kernel';
import { cachedPlan } from './plan-cache';
import type { ResamplerSpec } from './resampler-spec';
import { runStages } from './stage-chain';

/**
 * Resamples `input` from `fromRate` to `toRate` as librosa's default (soxr_hq) does, returning
 * ceil(n · toRate / fromRate) samples. Returns `input` itself when the rates are equal. The FFT
 * filtering and the usual polyphase kernels run on the wasm SIMD kernel where it exists ('auto'),
 * with the same float64 operations in the same order as the TypeScript path ('js').
 */
export function resample(input: Float32Array, fromRate: number, toRate: number, backend: DspBackend = 'auto'): Float32Array {
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
  const { stages } = cachedPlan(fromRate, toRate);
  const kernel = kernelFor(backend, Math.max(n, outLength));
  const block = runStages(stages, { data: input, start: 0, length: n }, produced, kernel);
  const count = Math.min(produced, block.length);
  const address = kernel?.addressOf(block.data) ?? null;
  if (kernel && address !== null) {
    // The last stage left its samples in the kernel's memory: rounded to float32 there, then copied.
    const [rounded] = kernel.reserve([4 * count], address + block.data.byteLength);
    kernel.exports.toFloat32(address + 8 * block.start, rounded, count);
    out.set(kernel.f32(rounded, count));
  } else {
    out.set(block.data.subarray(block.start, block.start + count));
  }
  return out;
}

/** The design `resample(_, fromRate, toRate)` uses. */
export function resamplerSpec(fromRate: number, toRate: number): ResamplerSpec {
  checkRates(fromRate, toRate);
  return cachedPlan(fromRate, toRate).spec;
}

function checkRates(fromRate: number, toRate: number): void {
  if (!(Number.isFinite(fromRate) && fromRate > 0 && Number.isFinite(toRate) && toRate > 0)) {
    throw new RangeError(`sample rates must be positive and finite (got ${fromRate} → ${toRate})`);
  }
}
