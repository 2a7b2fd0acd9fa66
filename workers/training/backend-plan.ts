import type { BackendPreference } from './training-settings';
import { type GpuFacts, isSoftwareRenderer } from './gpu-probe';

export type TfjsBackendName = 'wasm' | 'webgpu' | 'webgl' | 'cpu';

/** The backend to start, and the sentence that says why. */
export interface BackendPlan {
  readonly name: TfjsBackendName;
  readonly reason: string;
}

/**
 * 'auto' trains on a real GPU (WebGPU first, then WebGL) and otherwise on wasm: a software GPU
 * (SwiftShader, llvmpipe) trains the thesis CNN at about 2 samples/s here, wasm at 70 or more.
 * An explicit choice is kept, with a warning when it is a software GPU.
 */
export function planBackend(preference: BackendPreference, gpus: GpuFacts): BackendPlan {
  const realWebgpu = gpus.webgpuAdapter !== null && !gpus.webgpuIsFallback && !isSoftwareRenderer(gpus.webgpuAdapter);
  const realWebgl = gpus.webglRenderer !== null && !isSoftwareRenderer(gpus.webglRenderer);
  switch (preference) {
    case 'auto':
      if (realWebgpu) return { name: 'webgpu', reason: `the GPU ${gpus.webgpuAdapter} through WebGPU.` };
      if (realWebgl) return { name: 'webgl', reason: `the GPU ${gpus.webglRenderer} through WebGL.` };
      return { name: 'wasm', reason: `no hardware GPU was found${softwareNote(gpus)}, so the CPU through WebAssembly.` };
    case 'webgpu':
      return { name: 'webgpu', reason: realWebgpu ? 'chosen by you.' : `chosen by you, but ${gpus.webgpuAdapter === null ? 'this browser offers no WebGPU adapter' : `${gpus.webgpuAdapter} is a software renderer`}: expect it to be slow.` };
    case 'webgl':
      return { name: 'webgl', reason: realWebgl ? 'chosen by you.' : `chosen by you, but ${gpus.webglRenderer ?? 'WebGL'} is a software renderer: expect it to be very slow.` };
    case 'wasm':
      return { name: 'wasm', reason: 'chosen by you.' };
    case 'cpu':
      return { name: 'cpu', reason: 'chosen by you (plain JavaScript, the slowest).' };
  }
}

function softwareNote(gpus: GpuFacts): string {
  const software = [gpus.webgpuAdapter, gpus.webglRenderer].filter((name): name is string => name !== null && isSoftwareRenderer(name));
  return software.length > 0 ? ` (${[...new Set(software)].join(', ')} is software)` : '';
}
