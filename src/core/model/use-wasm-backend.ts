import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './wasm-kernels/register-wasm-training-kernels';

export interface WasmBackendOptions {
  /**
   * Where the tfjs-backend-wasm .wasm files are: a URL prefix ending in '/' or, for bundlers that
   * hash file names (Vite's `?url` imports), a map from each file name
   * ('tfjs-backend-wasm.wasm', '-simd.wasm', '-threaded-simd.wasm') to its URL; in Node, a
   * directory path (node_modules/@tensorflow/tfjs-backend-wasm/dist/).
   */
  wasmPaths: Parameters<typeof setWasmPaths>[0];
  /** XNNPACK threads; only used where the threaded build loads (cross-origin isolated pages). */
  threads?: number;
}

/**
 * Makes 'wasm' the active tfjs backend with our training kernels registered. Throws if tfjs ends
 * up on another backend: `setBackend` reports failure by returning false and quietly keeping
 * the previous backend, which would otherwise train at a fraction of the speed unnoticed.
 */
export async function useWasmBackend(options: WasmBackendOptions): Promise<void> {
  registerWasmTrainingKernels();
  setWasmPaths(options.wasmPaths);
  if (options.threads !== undefined) setThreadsCount(options.threads);
  const succeeded = await tf.setBackend('wasm');
  await tf.ready();
  if (!succeeded || tf.getBackend() !== 'wasm') {
    throw new Error(`tfjs could not start the wasm backend from ${JSON.stringify(options.wasmPaths)} (active backend: ${tf.getBackend()})`);
  }
}
