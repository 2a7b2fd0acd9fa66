import * as tf from '@tensorflow/tfjs';
import { util } from '@tensorflow/tfjs';
import type { FusedBatchNormAttrs, FusedBatchNormInputs, GradConfig, KernelConfig, KernelFunc, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { ScratchBuffer, scratchFor } from './scratch-buffer';
import { withStockFallback } from './stock-fallback';
import { trainKernelOf } from './train-kernel';
import { heapIndexOf, wasmModuleOf, type WasmModuleView } from './wasm-module';

const perChannelScratch = new WeakMap<WasmModuleView, ScratchBuffer>();

/** Our kernel: all five FusedBatchNorm gradients from one pass over x and dy (wasm only). */
export const BATCH_NORM_GRAD = 'SerStudioFusedBatchNormGrad';

interface BatchNormGradInputs {
  dy: TensorInfo;
  x: TensorInfo;
  mean: TensorInfo;
  variance: TensorInfo;
  scale?: TensorInfo;
}

/**
 * tfjs's FusedBatchNorm gradient builds its five results from about a dozen full-size tensor
 * operations (x − mean, dy · scale, a tiled 1/σ, products, four sums), each a pass over
 * batch × time × channels values. With per-channel statistics, all of them come from one pass:
 *   dx = dy · γ/σ,  Σdy,  Σdy·(x − μ)
 * and the rest is per channel: dμ = −γ/σ · Σdy, dσ² = −½ γ/σ³ · Σdy·(x − μ), dγ = Σdy·(x − μ)/σ,
 * dβ = Σdy, where σ = √(σ² + ε). Other backends and other shapes keep the stock gradient.
 */
export function batchNormGradConfig(stock: GradConfig): GradConfig {
  return {
    ...stock,
    gradFunc: (dy, saved, attrs) => {
      const [x, mean, variance, scale] = saved;
      const dyTensor = dy as Tensor;
      if (tf.getBackend() !== 'wasm' || !isPerChannel(x, mean, variance, scale, dyTensor)) return stock.gradFunc(dy, saved, attrs);
      const inputs: Record<string, Tensor> = { dy: dyTensor, x, mean, variance, ...(scale != null && { scale }) };
      const [dx, dMean, dVariance, dScale, dOffset] = tf.engine().runKernel(BATCH_NORM_GRAD, inputs, attrs as unknown as NamedAttrMap) as Tensor[];
      return { x: () => dx, mean: () => dMean, variance: () => dVariance, scale: () => dScale, offset: () => dOffset };
    },
  };
}

function isPerChannel(x: Tensor, mean: Tensor, variance: Tensor, scale: Tensor | undefined, dy: Tensor): boolean {
  const channels = x.shape[x.rank - 1];
  const vector = (t: Tensor | undefined) => t == null || (t.rank === 1 && t.shape[0] === channels && t.dtype === 'float32');
  return x.dtype === 'float32' && dy.dtype === 'float32' && x.rank >= 2 && util.arraysEqual(x.shape, dy.shape) &&
    mean.rank === 1 && vector(mean) && vector(variance) && vector(scale);
}

function batchNormGrad(args: { inputs: BatchNormGradInputs; backend: BackendWasm; attrs: FusedBatchNormAttrs }): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const { dy, x, mean, variance, scale } = inputs;
  const channels = x.shape[x.shape.length - 1];
  const rows = util.sizeFromShape(x.shape) / channels;
  const module = wasmModuleOf(backend);
  const kernel = trainKernelOf(module);
  // Per-channel factor γ/σ (f32) and the two f64 sums, on the heap for the kernel.
  const scratch = scratchFor(module, perChannelScratch).reserve(channels * 5 + 2);
  const dx = backend.makeOutput(x.shape, 'float32');
  const vectors = [0, 1, 2, 3].map(() => backend.makeOutput([channels], 'float32'));
  const heap = module.HEAPF32; // after the last allocation: growing the heap replaces the view
  const at = (t: TensorInfo) => heapIndexOf(backend, t.dataId);
  const [dMean, dVariance, dScale, dOffset] = vectors.map(at);
  const m = at(mean);
  const v = at(variance);
  const s = scale === undefined ? -1 : at(scale);
  const factor = scratch;
  const sumsIndex = (scratch + channels + 1) & ~1; // 8-byte aligned for the f64 sums
  const inverseSigma = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    inverseSigma[c] = Math.fround(1 / Math.sqrt(Math.fround(heap[v + c] + attrs.varianceEpsilon)));
    heap[factor + c] = inverseSigma[c] * (s < 0 ? 1 : heap[s + c]);
  }
  const sums = new Float64Array(heap.buffer, sumsIndex * 4, 2 * channels);
  sums.fill(0);
  if (kernel !== null) {
    kernel.batchNormGrad(at(dy) * 4, at(x) * 4, at(dx) * 4, rows, channels, factor * 4, m * 4, sumsIndex * 4, (sumsIndex + 2 * channels) * 4);
  } else {
    passInJs(heap, at(dy), at(x), at(dx), rows, channels, factor, m, sums);
  }
  for (let c = 0; c < channels; c++) {
    const sigmaInverse = inverseSigma[c];
    const sumDy = sums[c];
    const sumDyCentred = sums[channels + c];
    const f = heap[factor + c];
    heap[dMean + c] = -f * sumDy;
    heap[dVariance + c] = -0.5 * f * sigmaInverse * sigmaInverse * sumDyCentred;
    heap[dScale + c] = sigmaInverse * sumDyCentred;
    heap[dOffset + c] = sumDy;
  }
  return [dx, ...vectors];
}

/** The kernel's pass (assembly/train-kernel.ts batchNormGrad) where it cannot run. */
function passInJs(heap: Float32Array, dy: number, x: number, dx: number, rows: number, channels: number, factor: number, mean: number, sums: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    const base = r * channels;
    for (let c = 0; c < channels; c++) {
      const g = heap[dy + base + c];
      heap[dx + base + c] = Math.fround(g * heap[factor + c]);
      sums[c] += g;
      sums[channels + c] += Math.fround(g * Math.fround(heap[x + base + c] - heap[mean + c]));
    }
  }
}

export const batchNormGradKernelConfig: KernelConfig = {
  kernelName: BATCH_NORM_GRAD,
  backendName: 'wasm',
  kernelFunc: batchNormGrad as unknown as KernelFunc,
};

const forwardScratch = new WeakMap<WasmModuleView, ScratchBuffer>();

/**
 * FusedBatchNorm (the forward pass) with per-channel statistics as one SIMD pass over x:
 * out = (x − μ) · γ/σ + β. The stock wasm kernel takes a scalar loop with a division per value.
 * Other shapes, and runtimes without the glue kernel, take the stock kernel.
 */
export function fusedBatchNormConfig(stock: KernelConfig): KernelConfig {
  return withStockFallback<FusedBatchNormInputs, BackendWasm, FusedBatchNormAttrs>(stock, ({ inputs, backend, attrs }) => {
    const { x, mean, variance, offset, scale } = inputs as { x: TensorInfo; mean: TensorInfo; variance: TensorInfo; offset?: TensorInfo; scale?: TensorInfo };
    const channels = x.shape[x.shape.length - 1];
    const vector = (t: TensorInfo | undefined) => t === undefined || (t.shape.length === 1 && t.shape[0] === channels && t.dtype === 'float32');
    const module = wasmModuleOf(backend);
    const kernel = trainKernelOf(module);
    if (kernel === null || x.dtype !== 'float32' || x.shape.length < 2 || ![mean, variance, offset, scale].every(vector)) return null;
    const scratch = scratchFor(module, forwardScratch).reserve(2 * channels);
    const out = backend.makeOutput(x.shape, 'float32');
    const heap = module.HEAPF32;
    const at = (t: TensorInfo) => heapIndexOf(backend, t.dataId);
    const v = at(variance);
    const s = scale === undefined ? -1 : at(scale);
    const o = offset === undefined ? -1 : at(offset);
    for (let c = 0; c < channels; c++) {
      heap[scratch + c] = (s < 0 ? 1 : heap[s + c]) / Math.sqrt(Math.fround(heap[v + c] + attrs.varianceEpsilon));
      heap[scratch + channels + c] = o < 0 ? 0 : heap[o + c];
    }
    kernel.batchNorm(at(x) * 4, at(out) * 4, util.sizeFromShape(x.shape) / channels, channels, at(mean) * 4, scratch * 4, (scratch + channels) * 4);
    return out;
  });
}
