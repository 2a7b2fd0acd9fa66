import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { useWasmBackend } from '../../src/core/model/use-wasm-backend';
import type { BackendReport } from '../protocol';
import type { BackendPlan } from './backend-plan';
import { TFJS_WASM_FILES } from './tfjs-wasm-files';

/**
 * Starts the planned tfjs backend and checks that tfjs really is on it: `setBackend` reports a
 * failure only by returning false and keeping the previous backend. A GPU backend that will not
 * start gives way to wasm, and the report says so.
 */
export async function startBackend(plan: BackendPlan): Promise<BackendReport> {
  if (plan.name !== 'wasm' && (await tryBackend(plan.name))) return { name: plan.name, threads: 1, reason: plan.reason };
  const threads = await startWasm();
  const reason = plan.name === 'wasm' ? plan.reason : `${plan.name} could not be started here, so the CPU through WebAssembly.`;
  return { name: 'wasm', threads, reason };
}

async function tryBackend(name: 'webgpu' | 'webgl' | 'cpu'): Promise<boolean> {
  try {
    if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/** wasm with our training kernels; threads only where the page is cross-origin isolated (SharedArrayBuffer). */
async function startWasm(): Promise<number> {
  await useWasmBackend({ wasmPaths: TFJS_WASM_FILES, threads: self.crossOriginIsolated ? Math.max(1, navigator.hardwareConcurrency || 1) : 1 });
  // What the backend really uses (useWasmBackend lifts tfjs-backend-wasm's cap of half the cores).
  return getThreadsCount();
}
