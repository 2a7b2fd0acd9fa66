import { util } from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';

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

/** out[c] = scale · Σ_r heap[x + r · cols + c], accumulated in float64 as the cpu backend does. */
export function sumColumns(heap: Float32Array, x: number, out: number, r: LeadingAxesReduction, scale: number): void {
  const totals = new Float64Array(r.cols);
  for (let row = 0, i = x; row < r.rows; row++) {
    for (let c = 0; c < r.cols; c++, i++) totals[c] += heap[i];
  }
  for (let c = 0; c < r.cols; c++) heap[out + c] = totals[c] * scale;
}
