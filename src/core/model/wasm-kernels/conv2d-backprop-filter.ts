import { backend_util, Conv2DBackpropFilter } from '@tensorflow/tfjs';
import type { Conv2DBackpropFilterAttrs, Conv2DBackpropFilterInputs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv1dGeometry, type Conv1dGeometry } from './conv1d-geometry';
import { writePaddedRows } from './padded-rows';
import { ScratchBuffer, scratchFor } from './scratch-buffer';
import { heapIndexOf, wasmModuleOf, type WasmModuleView } from './wasm-module';
import { XnnpackMatMul } from './xnnpack-matmul';

const transposedInputs = new WeakMap<WasmModuleView, ScratchBuffer>();
const paddedGradients = new WeakMap<WasmModuleView, ScratchBuffer>();

/**
 * dW for a Conv1D, which the wasm backend lacks. For each tap k, dW[k] (Ci × Co) is one matrix
 * product xᵀ_k × dy, where xᵀ_k is the input transposed to channels × (batch · padded time) and
 * shifted k frames: with every sample padded to the same length and dy padded to match, the
 * shift is just a pointer offset, so the 5 products share one transposed copy and one packed dy.
 */
function conv2dBackpropFilter(args: { inputs: Conv2DBackpropFilterInputs; backend: BackendWasm; attrs: Conv2DBackpropFilterAttrs }): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], attrs.filterShape, attrs.strides, 1, attrs.pad,
    attrs.dimRoundingMode, false, backend_util.convertConv2DDataFormat(attrs.dataFormat),
  );
  const g = conv1dGeometry(info);
  if (g === null) throw new Error('Conv2DBackpropFilter on wasm: only stride-1, undilated, channels-last Conv1D is implemented');
  const module = wasmModuleOf(backend);
  const paddedWidth = Math.max(g.inWidth + g.padLeft, g.outWidth + g.kernelWidth - 1);
  const inner = g.batch * paddedWidth;
  const xT = scratchFor(module, transposedInputs).reserve(g.inChannels * inner + g.kernelWidth);
  const dyPad = scratchFor(module, paddedGradients).reserve(inner * g.outChannels);
  const out = backend.makeOutput(attrs.filterShape, 'float32');
  const heap = module.HEAPF32;
  writeTransposedPaddedInput(heap, heapIndexOf(backend, x.dataId), xT, g, paddedWidth);
  writePaddedRows(heap, heapIndexOf(backend, dy.dataId), dyPad, g.batch, g.outWidth, paddedWidth, g.outChannels);
  const outIndex = heapIndexOf(backend, out.dataId);
  const tapSize = g.inChannels * g.outChannels;
  new XnnpackMatMul(module).withSharedB({ index: dyPad, rows: inner, cols: g.outChannels }, (multiplyBy) => {
    for (let k = 0; k < g.kernelWidth; k++) {
      multiplyBy({ index: xT + k, rows: g.inChannels, cols: inner }, outIndex + k * tapSize);
    }
  });
  return out;
}

/** xT[c][b · W + s + padLeft] = x[b][s][c], zero elsewhere (plus a zero tail the last shift reads). */
function writeTransposedPaddedInput(heap: Float32Array, x: number, xT: number, g: Conv1dGeometry, paddedWidth: number): void {
  const inner = g.batch * paddedWidth;
  const channels = g.inChannels;
  heap.fill(0, xT, xT + channels * inner + g.kernelWidth);
  for (let b = 0; b < g.batch; b++) {
    for (let s = 0; s < g.inWidth; s++) {
      const source = x + (b * g.inWidth + s) * channels;
      let target = xT + b * paddedWidth + s + g.padLeft;
      for (let c = 0; c < channels; c++, target += inner) heap[target] = heap[source + c];
    }
  }
}

export const conv2dBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter as unknown as KernelFunc,
};
