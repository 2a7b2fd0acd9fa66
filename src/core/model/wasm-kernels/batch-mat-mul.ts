import { util } from '@tensorflow/tfjs';
import type { BatchMatMulAttrs, BatchMatMulInputs, KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { ScratchBuffer, scratchFor } from './scratch-buffer';
import { withStockFallback } from './stock-fallback';
import { trainKernelOf } from './train-kernel';
import { heapIndexOf, wasmModuleOf, type WasmModuleView } from './wasm-module';
import { XnnpackMatMul, type HeapMatrix } from './xnnpack-matmul';

const transposedA = new WeakMap<WasmModuleView, ScratchBuffer>();
const transposedB = new WeakMap<WasmModuleView, ScratchBuffer>();

/**
 * The stock BatchMatMul sends any transposed product to a scalar triple loop; the dense layers'
 * gradients (xᵀ · dy, dy · Wᵀ) are exactly such products. Transposing the operand first is cheap
 * next to the product, which then runs on XNNPACK. Batched products go to the stock kernel.
 */
export function batchMatMulConfig(stock: KernelConfig): KernelConfig {
  return withStockFallback<BatchMatMulInputs, BackendWasm, BatchMatMulAttrs>(stock, ({ inputs, backend, attrs }) => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = attrs;
    const single = (t: TensorInfo) => t.dtype === 'float32' && t.shape.length >= 2 && util.sizeFromShape(t.shape.slice(0, -2)) === 1;
    if (!(transposeA || transposeB) || !single(a) || !single(b)) return null;
    const module = wasmModuleOf(backend);
    const left = asMatrix(backend, a, transposeA);
    const right = asMatrix(backend, b, transposeB);
    if (left.cols !== right.rows) return null; // let the stock kernel report the shape error
    const leftBuffer = transposeA ? scratchFor(module, transposedA).reserve(left.rows * left.cols) : left.index;
    const rightBuffer = transposeB ? scratchFor(module, transposedB).reserve(right.rows * right.cols) : right.index;
    const rank = Math.max(a.shape.length, b.shape.length);
    const out = backend.makeOutput([...new Array(rank - 2).fill(1), left.rows, right.cols], 'float32');
    const heap = module.HEAPF32;
    const kernel = trainKernelOf(module);
    const transpose = (source: number, target: number, rows: number, cols: number) =>
      kernel !== null ? kernel.transpose(source * 4, target * 4, rows, cols) : transposeInto(heap, source, target, rows, cols);
    if (transposeA) transpose(heapIndexOf(backend, a.dataId), leftBuffer, left.cols, left.rows);
    if (transposeB) transpose(heapIndexOf(backend, b.dataId), rightBuffer, right.cols, right.rows);
    new XnnpackMatMul(module).multiply({ ...left, index: leftBuffer }, { ...right, index: rightBuffer }, heapIndexOf(backend, out.dataId));
    return out;
  });
}

/** The operand as the product sees it (rows × cols after the transpose); index is the stored data. */
function asMatrix(backend: BackendWasm, t: TensorInfo, transposed: boolean): HeapMatrix {
  const [r, c] = t.shape.slice(-2);
  return { index: heapIndexOf(backend, t.dataId), rows: transposed ? c : r, cols: transposed ? r : c };
}

/** target (cols × rows) = source (rows × cols) transposed, in tiles that stay in cache. */
function transposeInto(heap: Float32Array, source: number, target: number, rows: number, cols: number): void {
  const TILE = 32;
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const rEnd = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const cEnd = Math.min(cols, c0 + TILE);
      for (let r = r0; r < rEnd; r++) {
        for (let c = c0; c < cEnd; c++) heap[target + c * rows + r] = heap[source + r * cols + c];
      }
    }
  }
}
