import { backend_util, Conv2DBackpropFilter } from '@tensorflow/tfjs';
import type { Conv2DBackpropFilterAttrs, Conv2DBackpropFilterInputs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv1dGeometry, type Conv1dGeometry } from './conv1d-geometry';
import { writePaddedRows } from './padded-rows';
import { ScratchBuffer, scratchFor } from './scratch-buffer';
import { trainKernelOf } from './train-kernel';
import { heapIndexOf, wasmModuleOf, type WasmModuleView } from './wasm-module';
import { XnnpackMatMul } from './xnnpack-matmul';

const transposedInputs = new WeakMap<WasmModuleView, ScratchBuffer>();
const paddedGradients = new WeakMap<WasmModuleView, ScratchBuffer>();
const chunkColumns = new WeakMap<WasmModuleView, ScratchBuffer>();
const partialSums = new WeakMap<WasmModuleView, ScratchBuffer>();

/**
 * Frames (batch · padded time) per product. The sum over frames is the products' inner
 * dimension, thousands long; XNNPACK does not split it, so each block of rows of the left operand
 * would stream the whole packed dy (megabytes) from memory. Chunks keep dy's block in cache.
 */
const CHUNK_FRAMES = 512;

/**
 * dW for a Conv1D, which the wasm backend lacks: dW (taps · Ci × Co, the filter's own layout) =
 * im2col(x)ᵀ × dy, summed over chunks of frames. With the input transposed to channels ×
 * (batch · padded time) and every sample padded to the same length (dy padded to match), row
 * (k, c) of im2col(x)ᵀ is row c of xᵀ shifted k frames, so a chunk's left operand is taps · Ci
 * contiguous copies and its dy block is a plain slice.
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
  const rows = g.kernelWidth * g.inChannels;
  const chunks = Math.ceil(inner / CHUNK_FRAMES);
  const chunk = Math.ceil(inner / chunks);
  const columns = scratchFor(module, chunkColumns).reserve(rows * chunk);
  const partial = scratchFor(module, partialSums).reserve(rows * g.outChannels);
  const out = backend.makeOutput(attrs.filterShape, 'float32');
  const heap = module.HEAPF32; // after the last allocation: growing the heap replaces the view
  const kernel = trainKernelOf(module);
  if (kernel !== null) {
    heap.fill(0, xT, xT + g.inChannels * inner + g.kernelWidth);
    kernel.transposeIntoSlots(heapIndexOf(backend, x.dataId) * 4, xT * 4, g.batch, g.inWidth, g.inChannels, paddedWidth, g.padLeft);
  } else {
    writeTransposedPaddedInput(heap, heapIndexOf(backend, x.dataId), xT, g, paddedWidth);
  }
  writePaddedRows(heap, heapIndexOf(backend, dy.dataId), dyPad, g.batch, g.outWidth, paddedWidth, g.outChannels);
  const outIndex = heapIndexOf(backend, out.dataId);
  const matMul = new XnnpackMatMul(module);
  for (let start = 0; start < inner; start += chunk) {
    const frames = Math.min(chunk, inner - start);
    if (kernel !== null) {
      kernel.shiftedRows(xT * 4, inner, start, frames, g.kernelWidth, g.inChannels, columns * 4);
    } else {
      const view = module.HEAPF32; // XNNPACK allocates: a product may grow the heap and replace the view
      for (let k = 0; k < g.kernelWidth; k++) {
        for (let c = 0; c < g.inChannels; c++) {
          const from = xT + c * inner + start + k;
          view.copyWithin(columns + (k * g.inChannels + c) * frames, from, from + frames);
        }
      }
    }
    const first = start === 0;
    matMul.multiply({ index: columns, rows, cols: frames }, { index: dyPad + start * g.outChannels, rows: frames, cols: g.outChannels }, first ? outIndex : partial);
    if (first) continue;
    if (kernel !== null) kernel.addInto(outIndex * 4, partial * 4, rows * g.outChannels);
    else addInto(module.HEAPF32, outIndex, partial, rows * g.outChannels);
  }
  return out;
}

function addInto(heap: Float32Array, target: number, source: number, count: number): void {
  for (let i = 0; i < count; i++) heap[target + i] += heap[source + i];
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
