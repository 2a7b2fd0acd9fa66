import { bitReversalTable, planarRadix4Twiddles } from '../fft-tables';
import { DSP_KERNEL_WASM_BASE64 } from './dsp-kernel-binary';

/** Which implementation runs a DSP hot loop: the wasm SIMD kernel where it exists ('auto'), or either one by name. */
export type DspBackend = 'auto' | 'wasm-simd' | 'js';

/** The kernel's exports (assembly/dsp-kernel.ts); pointers are byte offsets into `memory`. */
export interface DspKernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  forwardFft(re: number, im: number, size: number, full: boolean, twiddles: number): void;
  inverseFft(re: number, im: number, size: number, full: boolean, twiddles: number): void;
  multiplySpectra(re: number, im: number, hr: number, hi: number, size: number): void;
  multiplySpectraBetweenPasses(re: number, im: number, hr: number, hi: number, size: number): void;
  repeatHalfSpectrum(re: number, im: number, half: number): void;
  foldSpectrum(re: number, im: number, half: number): void;
  toFloat32(x: number, out: number, n: number): void;
  rational16(table: number, x: number, out: number, count: number, div: number, rem: number, L: number, stepDiv: number, stepRem: number): void;
  halfBand(centres: number, wings: number, coefs: number, nc: number, out: number, count: number): void;
  splitForHalfBand(x: number, n: number, float32: boolean, centres: number, wings: number, nc: number, plane: number): void;
  linear16(
    a: number, b: number, x: number, out: number, count: number,
    atInt: number, atFrac: number, stepInt: number, stepFrac: number, phaseUnit: number,
  ): void;
  quadratic16(
    a: number, b: number, c: number, x: number, out: number, count: number,
    atInt: number, atFrac: number, stepInt: number, stepFrac: number, phaseUnit: number,
  ): void;
  standardNormals(seedState: number, out: number, n: number, tables: number): number;
  meanSquareF32(x: number, n: number): number;
  meanSquareF64(x: number, n: number): number;
  addScaled(x: number, noise: number, gain: number, n: number): void;
  stretchWorkBytes(half: number): number;
  scalePeriodically(sum: number, out: number, from: number, to: number, phase: number, reciprocals: number, hop: number): void;
  timeStretch(
    tables: number, window: number, input: number, n: number, hop: number, rate: number,
    frameCount: number, sum: number, length: number, work: number,
  ): void;
}

const align16 = (bytes: number) => (bytes + 15) & ~15;

/**
 * One instance of the float64 wasm SIMD DSP kernel per thread, and its memory: tables that last
 * (twiddles, windows), laid out once from the heap base, then scratch that each call lays out anew
 * after them. Views into the memory must be made after `reserve`, which may grow it.
 */
export class DspKernel {
  readonly exports: DspKernelExports;
  private tablesEnd: number;
  private readonly tables = new Map<string, number>();

  constructor(module: WebAssembly.Module) {
    // The noise's rare slow path uses the host's exp and log, to decide exactly as the TypeScript path does.
    const imports = { env: { exp: Math.exp, log: Math.log } };
    this.exports = new WebAssembly.Instance(module, imports).exports as unknown as DspKernelExports;
    this.tablesEnd = align16(this.exports.heapBase());
  }

  /** A lasting table, made by `write` into its bytes on first use; its address. */
  table(key: string, bytes: number, write: (address: number) => void): number {
    let address = this.tables.get(key);
    if (address === undefined) {
      address = this.tablesEnd;
      this.tablesEnd = align16(address + bytes);
      this.ensure(this.tablesEnd);
      write(address);
      this.tables.set(key, address);
    }
    return address;
  }

  /**
   * Scratch regions of the given byte sizes, 16-byte aligned, laid out from `from` (after the tables
   * by default; a caller keeping scratch it already holds passes that scratch's end). Valid until
   * scratch is laid out over them again or a new table is made: make tables first.
   */
  reserve(sizes: readonly number[], from = this.tablesEnd): number[] {
    let next = align16(Math.max(from, this.tablesEnd));
    const addresses = sizes.map((bytes) => {
      const address = next;
      next = align16(next + bytes);
      return address;
    });
    this.ensure(next);
    return addresses;
  }

  /** Where `array` lies in the kernel's memory, or null when it is not a view of it. */
  addressOf(array: Float32Array | Float64Array): number | null {
    return array.buffer === this.exports.memory.buffer ? array.byteOffset : null;
  }

  f64(address: number, length: number): Float64Array {
    return new Float64Array(this.exports.memory.buffer, address, length);
  }

  f32(address: number, length: number): Float32Array {
    return new Float32Array(this.exports.memory.buffer, address, length);
  }

  /** The complex FFT's twiddles for sizes up to `maxSize` (complex-fft.ts's layout). */
  twiddles(maxSize: number): number {
    const length = 6 * Math.max(1, maxSize);
    return this.table(`twiddles:${maxSize}`, 8 * length, (address) => this.f64(address, length).set(planarRadix4Twiddles(maxSize)));
  }

  /** A RealFftTables block (real-fft.ts) for real frames of `size` samples. */
  realFftTables(size: number): number {
    const half = size >> 1;
    const quarter = (half >> 1) + 1;
    const twiddles = this.twiddles(half);
    return this.table(`real:${size}`, 20 + 4 * half + 16 * quarter + 16, (address) => {
      const bitReverse = align16(address + 20);
      const cos = align16(bitReverse + 4 * half);
      const sin = cos + 8 * quarter;
      new Int32Array(this.exports.memory.buffer, address, 5).set([half, twiddles, bitReverse, cos, sin]);
      new Int32Array(this.exports.memory.buffer, bitReverse, half).set(bitReversalTable(half));
      const cosines = this.f64(cos, quarter);
      const sines = this.f64(sin, quarter);
      for (let k = 0; k < quarter; k++) {
        cosines[k] = Math.cos((2 * Math.PI * k) / size);
        sines[k] = Math.sin((2 * Math.PI * k) / size);
      }
    });
  }

  /** A float64 table copied from `values` once, under `key`. */
  f64Table(key: string, values: Float64Array): number {
    return this.table(key, 8 * values.length, (address) => this.f64(address, values.length).set(values));
  }

  private ensure(bytes: number): void {
    const { memory } = this.exports;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  }
}

let compiled: WebAssembly.Module | null | undefined;
let instance: DspKernel | null | undefined;

/**
 * This thread's kernel, or null where the runtime lacks wasm SIMD or will not compile it here
 * (Chromium refuses synchronous compiles over 4 kB on a page's main thread; workers may).
 */
export function dspKernel(): DspKernel | null {
  if (instance !== undefined) return instance;
  compiled ??= compileKernel();
  instance = compiled ? new DspKernel(compiled) : null;
  return instance;
}

function compileKernel(): WebAssembly.Module | null {
  if (typeof WebAssembly !== 'object') return null;
  const bytes = Uint8Array.from(atob(DSP_KERNEL_WASM_BASE64), (c) => c.charCodeAt(0));
  if (!WebAssembly.validate(bytes)) return null;
  try {
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}

/**
 * Samples beyond which 'auto' takes the TypeScript path: the kernel's working set is a few times the
 * signal in float64, and wasm memory, once grown, stays grown for the worker's life (2^24 samples
 * is 5.8 min at 48 kHz, ~0.5 GB at most).
 */
export const KERNEL_MAX_SAMPLES = 2 ** 24;

/**
 * The kernel a backend choice runs on for a signal of `samples` samples: null for 'js', and for
 * 'auto' without wasm SIMD or past KERNEL_MAX_SAMPLES; 'wasm-simd' without wasm SIMD throws.
 */
export function kernelFor(backend: DspBackend, samples = 0): DspKernel | null {
  if (backend === 'js' || (backend === 'auto' && samples > KERNEL_MAX_SAMPLES)) return null;
  const kernel = dspKernel();
  if (!kernel && backend === 'wasm-simd') throw new Error('wasm SIMD is not available in this runtime');
  return kernel;
}
