import { describe, expect, it } from 'vitest';
import { chooseBackend, type EnvironmentReport } from './backend-choice';

const noGpu: EnvironmentReport = { webgpuAdapter: null, webglRenderer: null, crossOriginIsolated: false, hardwareConcurrency: 8 };
const adapter = (vendor: string, architecture: string, description = '', isFallbackAdapter = false) => ({ vendor, architecture, description, isFallbackAdapter });

describe('chooseBackend', () => {
  it('prefers a hardware WebGPU adapter', () => {
    expect(chooseBackend({ ...noGpu, webgpuAdapter: adapter('nvidia', 'ampere'), webglRenderer: 'ANGLE (NVIDIA GeForce RTX 3060)' })).toMatchObject({ backend: 'webgpu', threads: 1 });
    expect(chooseBackend({ ...noGpu, webgpuAdapter: adapter('', '') }).backend).toBe('webgpu');
  });

  it('treats fallback and software WebGPU adapters as no GPU', () => {
    const gl = 'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)';
    expect(chooseBackend({ ...noGpu, webgpuAdapter: adapter('intel', 'gen-9', '', true), webglRenderer: gl }).backend).toBe('webgl');
    expect(chooseBackend({ ...noGpu, webgpuAdapter: adapter('google', 'swiftshader'), webglRenderer: gl }).backend).toBe('webgl');
    expect(chooseBackend({ ...noGpu, webgpuAdapter: adapter('mesa', '', 'llvmpipe (LLVM 15.0.7, 256 bits)') }).backend).toBe('wasm');
  });

  it('treats software WebGL renderers as no GPU', () => {
    for (const renderer of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 12.0.0, 256 bits)',
      'Google SwiftShader',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Software Renderer',
    ]) {
      expect(chooseBackend({ ...noGpu, webglRenderer: renderer }).backend, renderer).toBe('wasm');
    }
    expect(chooseBackend({ ...noGpu, webglRenderer: 'Apple M1' }).backend).toBe('webgl');
  });

  it('runs wasm on threads only when cross-origin isolated, at most 8', () => {
    expect(chooseBackend(noGpu)).toMatchObject({ backend: 'wasm', threads: 1 });
    expect(chooseBackend({ ...noGpu, crossOriginIsolated: true, hardwareConcurrency: 2 })).toMatchObject({ backend: 'wasm', threads: 2 });
    expect(chooseBackend({ ...noGpu, crossOriginIsolated: true, hardwareConcurrency: 32 }).threads).toBe(8);
    expect(chooseBackend({ ...noGpu, crossOriginIsolated: true, hardwareConcurrency: 0 }).threads).toBe(1);
  });

  it('says why', () => {
    expect(chooseBackend({ ...noGpu, webglRenderer: 'llvmpipe (LLVM 12.0.0, 256 bits)' }).reason).toMatch(/no WebGPU adapter.*llvmpipe.*software.*1 thread$/);
  });
});
