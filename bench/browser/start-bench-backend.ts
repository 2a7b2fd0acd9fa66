import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../../src/core/model/wasm-kernels/register-wasm-training-kernels';
import { probeGpus } from '../../workers/training/gpu-probe';
import { TFJS_WASM_FILES } from '../../workers/training/tfjs-wasm-files';
import type { BackendFacts, BenchRequest } from './bench-protocol';

/**
 * Starts the requested backend with the app's own calls (workers/training/start-backend.ts), but
 * with the thread count the bench asks for and no fallback: a backend that will not start throws.
 */
export async function startBenchBackend(request: BenchRequest): Promise<BackendFacts> {
  return request.backend === 'wasm' ? startWasm(request.threads, request.liftCoreCap) : startGpu(request.backend);
}

async function startWasm(requestedThreads: number, liftCoreCap: boolean): Promise<BackendFacts> {
  const cores = navigator.hardwareConcurrency;
  // tfjs reads the core count once, when its wasm module starts: this must come before setBackend.
  if (liftCoreCap) Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2 * cores, configurable: true });
  registerWasmTrainingKernels();
  setWasmPaths(TFJS_WASM_FILES);
  const threads = requestedThreads > 0 ? requestedThreads : Math.max(1, cores || 1);
  setThreadsCount(threads);
  requireBackend('wasm', await tf.setBackend('wasm'));
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threadedBuild = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  const device = `CPU, ${threadedBuild ? 'threaded ' : ''}${simd ? 'SIMD' : 'plain'} wasm build${liftCoreCap ? `, told of ${2 * cores} cores` : ''}`;
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
