import { util } from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import { ScratchBuffer, scratchFor } from './scratch-buffer';
import { trainKernelOf } from './train-kernel';
import type { WasmModuleView } from './wasm-module';

const columnTotals = new WeakMap<WasmModuleView, ScratchBuffer>();

/** A reduction over the leading axes of a tensor: `rows` rows of `cols` values summed column-wise. */
export interface LeadingAxesReduction {
  rows: number;
  cols: number;
  outShape: number[];
}

/**
 * The stock wasm Sum and Mean transpose the reduced axes to the end first, a slow strided copy of
 * the whole tensor; batch statistics and their gradients reduce exactly the leading axes
 * (batch, time), which needs no transpose at all. Returns null for any other reduction.
 */
export function leadingAxesReduction(x: TensorInfo, axis: number | number[], keepDims: boolean): LeadingAxesReduction | null {
  if (x.dtype !== 'float32') return null;
  const axes = util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
  const count = axes.length;
  if (count === 0 || count >= x.shape.length || axes.some((a, i) => a !== i)) return null;
  const rows = util.sizeFromShape(x.shape.slice(0, count));
  const kept = x.shape.slice(count);
  const outShape = keepDims ? [...axes.map(() => 1), ...kept] : kept;
  return { rows, cols: util.sizeFromShape(kept), outShape };
}

/**
 * out[c] = scale · Σ_r heap[x + r · cols + c], accumulated in float64 as the cpu backend does:
 * on the SIMD glue kernel where it runs, else in JavaScript four rows per pass (a quarter of the
 * loads and stores of the running totals).
 */
export function sumColumns(module: WasmModuleView, x: number, out: number, r: LeadingAxesReduction, scale: number): void {
  const { rows, cols } = r;
  const kernel = trainKernelOf(module);
  if (kernel !== null) {
    const index = (scratchFor(module, columnTotals).reserve(2 * cols + 1) + 1) & ~1; // 8-byte aligned
    const totals = new Float64Array(module.HEAPF32.buffer, index * 4, cols);
    totals.fill(0);
    kernel.sumRows(x * 4, rows, cols, index * 4);
    const heap = module.HEAPF32;
    for (let c = 0; c < cols; c++) heap[out + c] = totals[c] * scale;
    return;
  }
  const heap = module.HEAPF32;
  const totals = new Float64Array(cols);
  let row = 0;
  for (; row + 4 <= rows; row += 4) {
    const a = x + row * cols;
    const b = a + cols;
    const c2 = b + cols;
    const d = c2 + cols;
    for (let c = 0; c < cols; c++) totals[c] += heap[a + c] + heap[b + c] + (heap[c2 + c] + heap[d + c]);
  }
  for (; row < rows; row++) {
    const a = x + row * cols;
    for (let c = 0; c < cols; c++) totals[c] += heap[a + c];
  }
  for (let c = 0; c < cols; c++) heap[out + c] = totals[c] * scale;
}
