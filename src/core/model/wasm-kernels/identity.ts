import type { IdentityInputs, KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { withStockFallback } from './stock-fallback';

/**
 * Identity sharing the input's memory (as the cpu backend does) instead of copying it: tfjs
 * clones every activation a gradient needs through Identity, megabytes per layer per step, and
 * tensor data is never written in place, so sharing is safe.
 */
export function identityConfig(stock: KernelConfig): KernelConfig {
  return withStockFallback<IdentityInputs, BackendWasm, Record<string, never>>(stock, ({ inputs, backend }) => {
    const x = inputs.x as TensorInfo;
    if (x.dtype === 'string') return null;
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  });
}
