import { BatchMatMul, Cast, Conv2DBackpropInput, FusedBatchNorm, getGradient, getKernel, Identity, MaxPoolGrad, Mean, registerGradient, registerKernel, Relu, Square, Sum, Tile, unregisterKernel } from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { batchMatMulConfig } from './batch-mat-mul';
import { batchNormGradConfig, batchNormGradKernelConfig, fusedBatchNormConfig } from './batch-norm-grad';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input';
import { adamStepKernelConfig } from './fused-adam';
import { castConfig, elementwiseGradKernelConfigs, meanGradConfig, reluGradConfig, squareGradConfig } from './elementwise-grads';
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
  [Cast]: castConfig,
  [FusedBatchNorm]: fusedBatchNormConfig,
};

let registered = false;

/**
 * Registers the kernels that training the thesis CNN needs on the 'wasm' backend: the missing
 * Conv2DBackpropFilter, and faster versions of the stock kernels a training step spends its time
 * in, and one-pass gradients for FusedBatchNorm, Relu, Square and Mean. Call before `tf.setBackend('wasm')` (calling again is a
 * no-op).
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
  // The gradient registry is shared by every backend: ours runs on wasm, the stock one elsewhere.
  registerKernel(batchNormGradKernelConfig);
  registerGradient(batchNormGradConfig(getGradient(FusedBatchNorm)));
  for (const config of [...elementwiseGradKernelConfigs, adamStepKernelConfig]) registerKernel(config);
  registerGradient(reluGradConfig(getGradient(Relu)));
  registerGradient(squareGradConfig(getGradient(Square)));
  registerGradient(meanGradConfig(getGradient(Mean)));
  registered = true;
}
