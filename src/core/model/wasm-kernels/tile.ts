import type { KernelConfig, TensorInfo, TileAttrs, TileInputs } from '@tensorflow/tfjs';
import { util } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { withStockFallback } from './stock-fallback';
import { heapIndexOf, wasmModuleOf } from './wasm-module';

/**
 * Tile that only repeats along leading size-1 axes (how the batch-norm gradient broadcasts
 * 1/σ per channel over batch and time) is the whole input repeated: done with doubling block
 * copies instead of the stock kernel's per-element index arithmetic.
 */
export function tileConfig(stock: KernelConfig): KernelConfig {
  return withStockFallback<TileInputs, BackendWasm, TileAttrs>(stock, ({ inputs, backend, attrs }) => {
    const x = inputs.x as TensorInfo;
    const copies = wholeBlockCopies(x, attrs.reps);
    if (copies === null) return null;
    const out = backend.makeOutput(x.shape.map((size, i) => size * attrs.reps[i]), 'float32');
    repeatBlock(wasmModuleOf(backend).HEAPF32, heapIndexOf(backend, x.dataId), heapIndexOf(backend, out.dataId), util.sizeFromShape(x.shape), copies);
    return out;
  });
}

/** How many times the whole input repeats, if every repeated axis precedes every non-unit axis. */
function wholeBlockCopies(x: TensorInfo, reps: number[]): number | null {
  if (x.dtype !== 'float32' || reps.length !== x.shape.length) return null;
  const firstNonUnit = x.shape.findIndex((size) => size > 1);
  const tail = firstNonUnit === -1 ? x.shape.length : firstNonUnit;
  if (reps.slice(tail).some((r) => r !== 1)) return null;
  return reps.reduce((product, r) => product * r, 1);
}

function repeatBlock(heap: Float32Array, x: number, out: number, blockSize: number, copies: number): void {
  const total = blockSize * copies;
  if (total === 0) return;
  heap.copyWithin(out, x, x + blockSize);
  for (let filled = blockSize; filled < total; filled *= 2) {
    heap.copyWithin(out + filled, out, out + Math.min(filled, total - filled));
  }
}
