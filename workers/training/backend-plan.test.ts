import { describe, expect, it } from 'vitest';
import { planBackend } from './backend-plan';

const NONE = { webgpuAdapter: null, webgpuIsFallback: false, webglRenderer: null };
const SWIFTSHADER = {
  webgpuAdapter: 'google swiftshader SwiftShader Device (Subzero)',
  webgpuIsFallback: true,
  webglRenderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
};
const NVIDIA = { webgpuAdapter: 'nvidia ampere', webgpuIsFallback: false, webglRenderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)' };

describe('planBackend', () => {
  it('treats SwiftShader as no GPU and trains on wasm', () => {
    const plan = planBackend('auto', SWIFTSHADER);
    expect(plan.name).toBe('wasm');
    expect(plan.reason).toMatch(/no hardware GPU was found \(.*SwiftShader.* is software\)/);
  });

  it('uses a real GPU through WebGPU first, then WebGL', () => {
    expect(planBackend('auto', NVIDIA).name).toBe('webgpu');
    expect(planBackend('auto', { ...NVIDIA, webgpuAdapter: null }).name).toBe('webgl');
    expect(planBackend('auto', { ...NVIDIA, webgpuIsFallback: true }).name).toBe('webgl');
  });

  it('trains on wasm with no GPU at all', () => {
    expect(planBackend('auto', NONE)).toEqual({ name: 'wasm', reason: 'no hardware GPU was found, so the CPU through WebAssembly.' });
  });

  it('keeps an explicit choice, warning when it is a software GPU', () => {
    expect(planBackend('webgl', SWIFTSHADER).reason).toMatch(/software renderer: expect it to be very slow/);
    expect(planBackend('webgpu', NONE).reason).toMatch(/no WebGPU adapter/);
    expect(planBackend('cpu', NVIDIA).name).toBe('cpu');
  });
});
