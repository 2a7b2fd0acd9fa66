import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * The parts of the tfjs wasm backend's Emscripten module our kernels use: its heap, its
 * allocator, its exported C functions and its tensor registry (so XNNPACK can be handed views
 * into our own scratch buffers). tfjs types the module loosely; this narrows it to what we need.
 */
export interface WasmModuleView {
  HEAPF32: Float32Array;
  /** The heap's memory: `wasmMemory` in the threaded build, the instance's exported memory otherwise. */
  wasmMemory?: WebAssembly.Memory;
  asm?: { memory?: WebAssembly.Memory };
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  cwrap(name: string, returnType: null, argTypes: string[]): (...args: unknown[]) => void;
  tfjs: {
    registerTensor(id: number, size: number, memoryOffset: number): void;
    disposeData(id: number): void;
  };
}

export function wasmModuleOf(backend: BackendWasm): WasmModuleView {
  return backend.wasm as unknown as WasmModuleView;
}

/** Index into HEAPF32 of a tensor's data (the backend stores byte offsets). */
export function heapIndexOf(backend: BackendWasm, dataId: object): number {
  return backend.getMemoryOffset(dataId) / Float32Array.BYTES_PER_ELEMENT;
}
