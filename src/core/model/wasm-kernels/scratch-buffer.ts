import type { WasmModuleView } from './wasm-module';

/**
 * A float buffer on the wasm heap that is kept between calls and only grows, so a training step
 * does not malloc and free megabytes per kernel. Returns HEAPF32 indices; read `module.HEAPF32`
 * only after every allocation of a call, since growing the heap replaces that view.
 */
export class ScratchBuffer {
  private pointer = 0;
  private capacity = 0;

  constructor(private readonly module: WasmModuleView) {}

  /** Heap index of at least `floats` floats (contents undefined). */
  reserve(floats: number): number {
    if (floats > this.capacity) {
      if (this.pointer !== 0) this.module._free(this.pointer);
      this.capacity = Math.ceil(floats * 1.25);
      this.pointer = this.module._malloc(this.capacity * Float32Array.BYTES_PER_ELEMENT) >>> 0;
    }
    return this.pointer / Float32Array.BYTES_PER_ELEMENT;
  }
}

/** One scratch buffer per (module, purpose): a backend re-created after dispose gets new ones. */
export function scratchFor(module: WasmModuleView, cache: WeakMap<WasmModuleView, ScratchBuffer>): ScratchBuffer {
  let buffer = cache.get(module);
  if (buffer === undefined) {
    buffer = new ScratchBuffer(module);
    cache.set(module, buffer);
  }
  return buffer;
}
