import type { KernelConfig, MeanAttrs, MeanInputs, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { leadingAxesReduction, sumColumns } from './leading-axes-reduction';
import { withStockFallback } from './stock-fallback';
import { heapIndexOf, wasmModuleOf } from './wasm-module';

/** Mean over leading axes (batch statistics) without the stock kernel's transpose. */
export function meanConfig(stock: KernelConfig): KernelConfig {
  return withStockFallback<MeanInputs, BackendWasm, MeanAttrs>(stock, ({ inputs, backend, attrs }) => {
    const x = inputs.x as TensorInfo;
    const reduction = leadingAxesReduction(x, attrs.axis, attrs.keepDims);
    if (reduction === null) return null;
    const out = backend.makeOutput(reduction.outShape, 'float32');
    sumColumns(wasmModuleOf(backend), heapIndexOf(backend, x.dataId), heapIndexOf(backend, out.dataId), reduction, 1 / reduction.rows);
    return out;
  });
}
