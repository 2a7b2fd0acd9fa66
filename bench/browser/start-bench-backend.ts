import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { useWasmBackend } from '../../src/core/model/use-wasm-backend';
import { probeGpus } from '../../workers/training/gpu-probe';
import { TFJS_WASM_FILES } from '../../workers/training/tfjs-wasm-files';
import type { BackendFacts, BenchRequest } from './bench-protocol';

/**
 * Starts the requested backend with the app's own calls (workers/training/start-backend.ts), but
 * with the thread count the bench asks for and no fallback: a backend that will not start throws.
 */
export async function startBenchBackend(request: BenchRequest): Promise<BackendFacts> {
  return request.backend === 'wasm' ? startWasm(request.threads) : startGpu(request.backend);
}

/** Through useWasmBackend, as the app's training worker (which asks for one thread per core). */
async function startWasm(requestedThreads: number): Promise<BackendFacts> {
  const cores = navigator.hardwareConcurrency;
  const threads = requestedThreads > 0 ? requestedThreads : Math.max(1, cores || 1);
  await useWasmBackend({ wasmPaths: TFJS_WASM_FILES, threads });
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threadedBuild = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  const device = `CPU, ${threadedBuild ? 'threaded ' : ''}${simd ? 'SIMD' : 'plain'} wasm build`;
  return { name: tf.getBackend(), requestedThreads: threads, threads: getThreadsCount(), hardwareConcurrency: cores, device, crossOriginIsolated: self.crossOriginIsolated };
}

async function startGpu(name: 'webgl' | 'webgpu'): Promise<BackendFacts> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  let started = false;
  try {
    started = await tf.setBackend(name);
  } catch (error) {
    throw new Error(`tf.setBackend('${name}') threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  requireBackend(name, started);
  const gpus = await probeGpus();
  const device = name === 'webgpu' ? `${gpus.webgpuAdapter ?? 'unknown adapter'}${gpus.webgpuIsFallback ? ' (fallback adapter)' : ''}` : (gpus.webglRenderer ?? 'unknown renderer');
  return { name: tf.getBackend(), requestedThreads: 1, threads: 1, hardwareConcurrency: navigator.hardwareConcurrency, device, crossOriginIsolated: self.crossOriginIsolated };
}

/** setBackend reports failure only by returning false and keeping the previous backend. */
function requireBackend(name: string, started: boolean): void {
  if (!started || tf.getBackend() !== name) throw new Error(`${name} could not be started here (tf.setBackend returned ${started})`);
}
