import { BatchMatMul, Conv2DBackpropInput, getKernel, Identity, MaxPoolGrad, Mean, registerKernel, Sum, Tile, unregisterKernel } from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { batchMatMulConfig } from './batch-mat-mul';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input';
import { identityConfig } from './identity';
import { maxPoolGradConfig } from './max-pool-grad';
import { meanConfig } from './mean';
import { sumConfig } from './sum';
import { tileConfig } from './tile';

/** Our replacements for stock wasm kernels: each falls back to the stock kernel outside its fast case. */
const overrides: Record<string, (stock: KernelConfig) => KernelConfig> = {
  [Conv2DBackpropInput]: conv2dBackpropInputConfig,
  [MaxPoolGrad]: maxPoolGradConfig,
  [Sum]: sumConfig,
  [Mean]: meanConfig,
  [Tile]: tileConfig,
  [Identity]: identityConfig,
  [BatchMatMul]: batchMatMulConfig,
};

let registered = false;

/**
 * Registers the kernels that training the thesis CNN needs on the 'wasm' backend: the missing
 * Conv2DBackpropFilter, and faster versions of the stock kernels a training step spends its time
 * in. Call before `tf.setBackend('wasm')` (calling again is a no-op).
 */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  for (const [name, makeConfig] of Object.entries(overrides)) {
    const stock = getKernel(name, 'wasm');
    if (stock === undefined) throw new Error(`tfjs-backend-wasm is not loaded (no stock ${name} kernel)`);
    unregisterKernel(name, 'wasm');
    registerKernel(makeConfig(stock));
  }
  registerKernel(conv2dBackpropFilterConfig);
  registered = true;
}
