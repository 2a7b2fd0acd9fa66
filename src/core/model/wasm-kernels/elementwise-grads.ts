import * as tf from '@tensorflow/tfjs';
import { util } from '@tensorflow/tfjs';
import type { CastAttrs, CastInputs, GradConfig, KernelConfig, KernelFunc, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { leadingAxesReduction } from './leading-axes-reduction';
import { withStockFallback } from './stock-fallback';
import { trainKernelOf } from './train-kernel';
import { heapIndexOf, wasmModuleOf } from './wasm-module';

// The batch-norm statistics and the relu between them cost a training step about a dozen passes
// over each block's activations in stock gradients that are chains of full-size operations
// (Relu: step, cast, multiply; Square: cast, two multiplies; Mean: a tensor of ones, a multiply, a
// divide). On wasm each becomes one pass of ours with the same values; other backends keep the
// stock gradients (the gradient registry is shared by all backends).

export const RELU_GRAD = 'SerStudioReluGrad';
export const SQUARE_GRAD = 'SerStudioSquareGrad';
export const MEAN_GRAD = 'SerStudioMeanGrad';

type Pass = 'relu' | 'square';

function elementwiseGrad(pass: Pass) {
  return (args: { inputs: { x: TensorInfo; dy: TensorInfo }; backend: BackendWasm }): TensorInfo => {
    const { inputs: { x, dy }, backend } = args;
    const out = backend.makeOutput(x.shape, 'float32');
    const module = wasmModuleOf(backend);
    const [xi, dyi, dxi] = [x, dy, out].map((t) => heapIndexOf(backend, t.dataId));
    const n = util.sizeFromShape(x.shape);
    const kernel = trainKernelOf(module);
    if (kernel !== null) {
      (pass === 'relu' ? kernel.reluGrad : kernel.squareGrad)(xi * 4, dyi * 4, dxi * 4, n);
      return out;
    }
    const heap = module.HEAPF32;
    for (let i = 0; i < n; i++) {
      const v = heap[xi + i];
      heap[dxi + i] = heap[dyi + i] * (pass === 'square' ? v + v : Number.isNaN(v) ? v : v > 0 ? 1 : 0);
    }
    return out;
  };
}

/** dx = dy / rows repeated over the reduced leading axes: one row computed, then doubling copies. */
function meanGrad(args: { inputs: { dy: TensorInfo }; backend: BackendWasm; attrs: { shape: number[]; rows: number } }): TensorInfo {
  const { inputs: { dy }, backend, attrs: { shape, rows } } = args;
  const out = backend.makeOutput(shape, 'float32');
  const heap = wasmModuleOf(backend).HEAPF32;
  const from = heapIndexOf(backend, dy.dataId);
  const to = heapIndexOf(backend, out.dataId);
  const cols = util.sizeFromShape(dy.shape);
  for (let c = 0; c < cols; c++) heap[to + c] = heap[from + c] / rows;
  const total = cols * rows;
  for (let filled = cols; filled < total; filled *= 2) heap.copyWithin(to + filled, to, to + Math.min(filled, total - filled));
  return out;
}

const onWasm = (x: Tensor) => tf.getBackend() === 'wasm' && x.dtype === 'float32';

function elementwiseGradConfig(stock: GradConfig, kernelName: string): GradConfig {
  return {
    ...stock,
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved;
      if (!onWasm(x) || (dy as Tensor).dtype !== 'float32') return stock.gradFunc(dy, saved, attrs);
      return { x: () => tf.engine().runKernel(kernelName, { x, dy: dy as Tensor }) as Tensor };
    },
  };
}

export function reluGradConfig(stock: GradConfig): GradConfig {
  return elementwiseGradConfig(stock, RELU_GRAD);
}

export function squareGradConfig(stock: GradConfig): GradConfig {
  return elementwiseGradConfig(stock, SQUARE_GRAD);
}

/** Mean's gradient for reductions over leading axes (batch statistics); others keep the stock one. */
export function meanGradConfig(stock: GradConfig): GradConfig {
  return {
    ...stock,
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved;
      const reduction = onWasm(x) ? leadingAxesReduction(x, (attrs as { axis: number | number[] }).axis, false) : null;
      if (reduction === null || (dy as Tensor).dtype !== 'float32') return stock.gradFunc(dy, saved, attrs);
      const gradAttrs = { shape: x.shape, rows: reduction.rows } as unknown as NamedAttrMap;
      return { x: () => tf.engine().runKernel(MEAN_GRAD, { dy: dy as Tensor }, gradAttrs) as Tensor };
    },
  };
}

const wasmKernel = (kernelName: string, kernelFunc: unknown): KernelConfig => ({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as KernelFunc });

export const elementwiseGradKernelConfigs: KernelConfig[] = [
  wasmKernel(RELU_GRAD, elementwiseGrad('relu')),
  wasmKernel(SQUARE_GRAD, elementwiseGrad('square')),
  wasmKernel(MEAN_GRAD, meanGrad),
];

/**
 * Cast to the dtype the tensor already has (tf.moments casts its float32 input to float32) shares
 * the input's memory, as Identity does, instead of copying it.
 */
export function castConfig(stock: KernelConfig): KernelConfig {
  return withStockFallback<CastInputs, BackendWasm, CastAttrs>(stock, ({ inputs, backend, attrs }) => {
    const x = inputs.x as TensorInfo;
    if (x.dtype !== attrs.dtype || x.dtype === 'string' || x.dtype === 'complex64') return null;
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  });
}
