import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/** The arguments tfjs passes to a kernel function, with our backend type. */
export interface KernelArgs<Inputs, Backend, Attrs> {
  inputs: Inputs;
  backend: Backend;
  attrs: Attrs;
}

/**
 * A kernel config that runs `fast` and, where that returns null (a case it does not cover),
 * the stock kernel it replaces. Keeps the stock setup so the fallback is ready.
 */
export function withStockFallback<Inputs, Backend, Attrs>(
  stock: KernelConfig,
  fast: (args: KernelArgs<Inputs, Backend, Attrs>) => TensorInfo | null,
): KernelConfig {
  const kernelFunc = (args: KernelArgs<Inputs, Backend, Attrs>): TensorInfo | TensorInfo[] =>
    fast(args) ?? stock.kernelFunc(args as unknown as Parameters<KernelFunc>[0]);
  return { ...stock, kernelFunc: kernelFunc as unknown as KernelFunc };
}
