import { backend_util } from '@tensorflow/tfjs';
import type { Conv2DBackpropInputAttrs, Conv2DBackpropInputInputs, KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv1dGeometry, type Conv1dGeometry } from './conv1d-geometry';
import { writePaddedRows } from './padded-rows';
import { ScratchBuffer, scratchFor } from './scratch-buffer';
import { heapIndexOf, wasmModuleOf, type WasmModuleView } from './wasm-module';
import { withStockFallback } from './stock-fallback';
import { trainKernelOf } from './train-kernel';
import { XnnpackMatMul } from './xnnpack-matmul';

const paddedGradients = new WeakMap<WasmModuleView, ScratchBuffer>();
const columns = new WeakMap<WasmModuleView, ScratchBuffer>();
const flippedFilters = new WeakMap<WasmModuleView, ScratchBuffer>();

/**
 * dx for a Conv1D as one matrix product: im2col(dy) (batch · time × taps · Co) × the filter
 * flipped in time and transposed per tap (taps · Co × Ci). The stock wasm kernel is a scalar
 * loop; this one runs on XNNPACK. Other convolutions go to the stock kernel.
 */
export function conv2dBackpropInputConfig(stock: KernelConfig): KernelConfig {
  return withStockFallback<Conv2DBackpropInputInputs, BackendWasm, Conv2DBackpropInputAttrs>(stock, ({ inputs, backend, attrs }) => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const info = backend_util.computeConv2DInfo(
      attrs.inputShape, filter.shape as [number, number, number, number], attrs.strides, 1, attrs.pad,
      attrs.dimRoundingMode, false, backend_util.convertConv2DDataFormat(attrs.dataFormat),
    );
    const g = conv1dGeometry(info);
    return g === null ? null : conv1dBackpropInput(backend, dy, filter, g, info.inShape);
  });
}

function conv1dBackpropInput(backend: BackendWasm, dy: TensorInfo, filter: TensorInfo, g: Conv1dGeometry, inShape: number[]): TensorInfo {
  const module = wasmModuleOf(backend);
  const lead = g.kernelWidth - 1 - g.padLeft;
  const paddedWidth = Math.max(g.inWidth + g.kernelWidth - 1, lead + g.outWidth);
  const rows = g.batch * g.inWidth;
  const rowSize = g.kernelWidth * g.outChannels;
  const dyPad = scratchFor(module, paddedGradients).reserve(g.batch * paddedWidth * g.outChannels);
  const cols = scratchFor(module, columns).reserve(rows * rowSize);
  const flipped = scratchFor(module, flippedFilters).reserve(rowSize * g.inChannels);
  const out = backend.makeOutput(inShape, 'float32');
  const heap = module.HEAPF32;
  writePaddedRows(heap, heapIndexOf(backend, dy.dataId), dyPad, g.batch, g.outWidth, paddedWidth, g.outChannels, lead);
  const kernel = trainKernelOf(module);
  if (kernel !== null) {
    kernel.spanRows(dyPad * 4, g.batch, g.inWidth, paddedWidth, g.outChannels, rowSize, cols * 4);
    kernel.flipFilter(heapIndexOf(backend, filter.dataId) * 4, flipped * 4, g.kernelWidth, g.inChannels, g.outChannels);
  } else {
    writeColumns(heap, dyPad, cols, g, paddedWidth);
    writeFlippedFilter(heap, heapIndexOf(backend, filter.dataId), flipped, g);
  }
  new XnnpackMatMul(module).multiply(
    { index: cols, rows, cols: rowSize },
    { index: flipped, rows: rowSize, cols: g.inChannels },
    heapIndexOf(backend, out.dataId),
  );
  return out;
}

/** Row (b, s) = the taps · Co padded-dy values that reach input frame s: one contiguous span. */
function writeColumns(heap: Float32Array, dyPad: number, cols: number, g: Conv1dGeometry, paddedWidth: number): void {
  const span = g.kernelWidth * g.outChannels;
  let target = cols;
  for (let b = 0; b < g.batch; b++) {
    for (let s = 0; s < g.inWidth; s++, target += span) {
      const from = dyPad + (b * paddedWidth + s) * g.outChannels;
      heap.copyWithin(target, from, from + span);
    }
  }
}

/** flipped[j · Co + o][c] = W[taps - 1 - j][c][o]. */
function writeFlippedFilter(heap: Float32Array, filter: number, flipped: number, g: Conv1dGeometry): void {
  const { kernelWidth, inChannels, outChannels } = g;
  for (let j = 0; j < kernelWidth; j++) {
    const tap = filter + (kernelWidth - 1 - j) * inChannels * outChannels;
    for (let o = 0; o < outChannels; o++) {
      const target = flipped + (j * outChannels + o) * inChannels;
      for (let c = 0; c < inChannels; c++) heap[target + c] = heap[tap + c * outChannels + o];
    }
  }
}
