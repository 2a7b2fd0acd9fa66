import { TRAIN_KERNEL_SHARED_WASM_BASE64, TRAIN_KERNEL_WASM_BASE64 } from './train-kernel-binary';
import type { WasmModuleView } from './wasm-module';

/** The glue kernel's exports (assembly/train-kernel.ts); pointers are byte offsets into the tfjs heap. */
export interface TrainKernel {
  batchNormGrad(dy: number, x: number, dx: number, rows: number, channels: number, factor: number, mean: number, sumDy: number, sumDyCentred: number): void;
  sumRows(x: number, rows: number, channels: number, out: number): void;
  maxPoolGradPairs(x: number, dy: number, dx: number, batch: number, inRows: number, outRows: number, channels: number, padTop: number): void;
  transpose(source: number, target: number, rows: number, cols: number): void;
  transposeIntoSlots(x: number, xT: number, batch: number, width: number, channels: number, paddedWidth: number, padLeft: number): void;
  addInto(target: number, source: number, count: number): void;
  reluGrad(x: number, dy: number, dx: number, n: number): void;
  squareGrad(x: number, dy: number, dx: number, n: number): void;
  batchNorm(x: number, out: number, rows: number, channels: number, mean: number, factor: number, offset: number): void;
  shiftedRows(xT: number, inner: number, start: number, frames: number, taps: number, channels: number, out: number): void;
  spanRows(dyPad: number, batch: number, width: number, paddedWidth: number, channels: number, span: number, out: number): void;
  flipFilter(filter: number, flipped: number, taps: number, inChannels: number, outChannels: number): void;
  adam(
    w: number, m: number, v: number, g: number, wOut: number, mOut: number, vOut: number, n: number,
    beta1: number, beta2: number, oneMinusBeta1: number, oneMinusBeta2: number, oneMinusAccBeta1: number, oneMinusAccBeta2: number, epsilon: number, minusRate: number,
  ): void;
}

const instances = new WeakMap<WasmModuleView, TrainKernel | null>();
let forcedOff = false;

/**
 * The SIMD glue kernel instantiated on this tfjs wasm module's own memory (shared in the threaded
 * build), or null where that cannot be done (no SIMD, memory not reachable): callers then run
 * their JavaScript loops, which compute the same values.
 */
export function trainKernelOf(module: WasmModuleView): TrainKernel | null {
  if (forcedOff) return null;
  let kernel = instances.get(module);
  if (kernel === undefined) {
    kernel = instantiate(module);
    instances.set(module, kernel);
  }
  return kernel;
}

/** Tests: run the JavaScript paths instead (true) or the kernel again (false). */
export function disableTrainKernelForTests(off: boolean): void {
  forcedOff = off;
}

function instantiate(module: WasmModuleView): TrainKernel | null {
  const memory = module.wasmMemory ?? module.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) return null;
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const bytes = Uint8Array.from(atob(shared ? TRAIN_KERNEL_SHARED_WASM_BASE64 : TRAIN_KERNEL_WASM_BASE64), (c) => c.charCodeAt(0));
  try {
    if (!WebAssembly.validate(bytes)) return null;
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports as unknown as TrainKernel;
  } catch {
    return null;
  }
}
