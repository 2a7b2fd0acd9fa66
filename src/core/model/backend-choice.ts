/** What the page or worker can find out about its machine (see each field for where from). */
export interface EnvironmentReport {
  /** From `navigator.gpu.requestAdapter()` and `adapter.info`; null when there is no adapter. */
  webgpuAdapter: WebGpuAdapterReport | null;
  /** `UNMASKED_RENDERER_WEBGL` (WEBGL_debug_renderer_info) of a WebGL2 context; null without WebGL. */
  webglRenderer: string | null;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
}

export interface WebGpuAdapterReport {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}

export type TrainingBackend = 'webgpu' | 'webgl' | 'wasm';

export interface BackendChoice {
  backend: TrainingBackend;
  /** XNNPACK threads for 'wasm' (1 unless cross-origin isolated); 1 for the GPU backends. */
  threads: number;
  reason: string;
}

// Renderers that run on the CPU: a GPU backend on them is slower than wasm.
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render|warp/i;
const MAX_WASM_THREADS = 8;

/** Picks the fastest backend that is really a GPU, else wasm with as many threads as allowed. */
export function chooseBackend(env: EnvironmentReport): BackendChoice {
  const adapter = env.webgpuAdapter;
  if (adapter !== null && !adapter.isFallbackAdapter && !isSoftware(adapter.vendor, adapter.architecture, adapter.description)) {
    return { backend: 'webgpu', threads: 1, reason: `WebGPU adapter ${describeAdapter(adapter)}` };
  }
  if (env.webglRenderer !== null && env.webglRenderer !== '' && !isSoftware(env.webglRenderer)) {
    return { backend: 'webgl', threads: 1, reason: `WebGL renderer ${env.webglRenderer}` };
  }
  const threads = env.crossOriginIsolated ? Math.min(MAX_WASM_THREADS, Math.max(1, Math.floor(env.hardwareConcurrency))) : 1;
  return { backend: 'wasm', threads, reason: `no hardware GPU (${whyNoGpu(env)}); wasm on ${threads} thread${threads === 1 ? '' : 's'}` };
}

function isSoftware(...names: string[]): boolean {
  return names.some((name) => SOFTWARE_RENDERER.test(name));
}

function describeAdapter(adapter: WebGpuAdapterReport): string {
  return [adapter.vendor, adapter.architecture, adapter.description].filter((s) => s !== '').join(' / ') || '(unnamed)';
}

function whyNoGpu(env: EnvironmentReport): string {
  const gpu = env.webgpuAdapter === null ? 'no WebGPU adapter' : `WebGPU adapter ${describeAdapter(env.webgpuAdapter)} is ${env.webgpuAdapter.isFallbackAdapter ? 'a fallback' : 'software'}`;
  const gl = env.webglRenderer === null || env.webglRenderer === '' ? 'no WebGL renderer' : `WebGL renderer ${env.webglRenderer} is software`;
  return `${gpu}, ${gl}`;
}
