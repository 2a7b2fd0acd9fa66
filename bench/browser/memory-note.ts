import * as tf from '@tensorflow/tfjs';

/** tf.memory() as the GPU backends extend it: each names its allocated bytes its own way. */
type BackendMemory = tf.MemoryInfo & { numBytesInGPUAllocated?: number; numBytesAllocatedInGPU?: number };

export interface MemoryNote {
  readonly tensors: number;
  /** Bytes the GPU backend holds in buffers, pooled ones included; null on wasm. */
  readonly gpuBytesAllocated: number | null;
}

export function memoryNote(): MemoryNote {
  const memory = tf.memory() as BackendMemory;
  return { tensors: memory.numTensors, gpuBytesAllocated: memory.numBytesInGPUAllocated ?? memory.numBytesAllocatedInGPU ?? null };
}

export function describeMemory(note: MemoryNote): string {
  const gpu = note.gpuBytesAllocated === null ? '' : `, ${(note.gpuBytesAllocated / 1e6).toFixed(0)} MB in GPU buffers`;
  return `${note.tensors} tensors${gpu}`;
}
