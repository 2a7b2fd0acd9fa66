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
  /**
   * XNNPACK threads; only used where the threaded build loads (cross-origin isolated pages).
   * tfjs-backend-wasm caps its pool at half of navigator.hardwareConcurrency (it assumes two
   * hyper-threads per core), which leaves one thread on a 2-core machine; we lift that cap so
   * the count asked for is the count used (check with getThreadsCount()).
   */
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
  const restoreCores = options.threads === undefined ? () => {} : reportCoresForThreads(options.threads);
  let succeeded: boolean;
  try {
    succeeded = await tf.setBackend('wasm');
    await tf.ready();
  } finally {
    restoreCores();
  }
  if (!succeeded || tf.getBackend() !== 'wasm') {
    throw new Error(`tfjs could not start the wasm backend from ${JSON.stringify(options.wasmPaths)} (active backend: ${tf.getBackend()})`);
  }
}

/**
 * The wasm module reads navigator.hardwareConcurrency once, while tf.setBackend starts it, and
 * gives XNNPACK at most half of it. Shadowing it with 2 × threads for that moment lifts the cap;
 * the returned function removes the shadow again. No-op where there is no navigator (Node reads
 * os.cpus()) or where the cap does not bite.
 */
function reportCoresForThreads(threads: number): () => void {
  if (typeof navigator === 'undefined') return () => {};
  const cores = navigator.hardwareConcurrency || 1;
  if (threads <= Math.floor(cores / 2)) return () => {};
  try {
    Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
  } catch {
    return () => {};
  }
  return () => {
    delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  };
}
