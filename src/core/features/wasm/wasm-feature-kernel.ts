import { bitReversalTable, unitRoots } from '../../dsp/fft-tables';
import { type FeatureConfig, frameCount } from '../feature-config';
import type { MelBand } from '../mel-filterbank';
import { MEL_KERNEL_WASM_BASE64 } from './mel-kernel-binary';

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  melPower(
    signal: number, frames: number, hop: number, nFft: number, window: number,
    bitReverse: number, twiddles: number, split: number,
    bands: number, weights: number, nMels: number, work: number, melOut: number,
  ): void;
  powerToDb(values: number, count: number, amin: number, referenceDb: number, topDb: number): void;
  cepstrum(logMel: number, frames: number, nMels: number, matrix: number, nMfcc: number, out: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel, or null where the runtime lacks wasm SIMD (then the float64 JS path runs). */
function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  const bytes = Uint8Array.from(atob(MEL_KERNEL_WASM_BASE64), (c) => c.charCodeAt(0));
  compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  return compiled;
}

/** Whether this config can run on the kernel: it computes power spectra (power 2) and a DCT over a multiple of 4 bands. */
export function kernelSupports(config: FeatureConfig): boolean {
  return kernelModule() !== null && config.power === 2 && config.nMels % 4 === 0 && config.nFft >= 16;
}

const align16 = (n: number) => (n + 15) & ~15;

/** Where each table lives in the kernel's memory. */
interface TableLayout {
  window: number; bitReverse: number; twiddles: number; split: number;
  bands: number; weights: number; dct: number; end: number;
}

/** Log-mel (dB) and MFCC, time-major, as float32 computed by the wasm SIMD kernel. */
export interface KernelOutput {
  readonly frames: number;
  readonly logMel: Float32Array;
  readonly mfcc: Float32Array;
}

/** One kernel instance with its own memory, holding the tables of one FeatureConfig. */
export class WasmFeatureKernel {
  private readonly config: FeatureConfig;
  private readonly kernel: KernelExports;
  private readonly tables: TableLayout;

  constructor(config: FeatureConfig, window: Float64Array, bands: MelBand[], dct: Float64Array) {
    const module = kernelModule();
    if (!module || !kernelSupports(config)) throw new Error('the wasm SIMD feature kernel cannot run this config here');
    this.config = config;
    this.kernel = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
    this.tables = this.writeTables(window, bands, dct);
  }

  /** Features of a clip already at config.sampleRate and of its final length. */
  extract(samples: Float32Array): KernelOutput {
    const { nFft, hopLength, nMels, nMfcc, center, dbAmin, dbReference, topDb } = this.config;
    const frames = frameCount(this.config, samples.length);
    const padding = center ? nFft >> 1 : 0;
    const blockFrames = Math.ceil(frames / 4) * 4;
    const signalLength = Math.max((blockFrames - 1) * hopLength + nFft, padding + samples.length);
    const signal = this.tables.end;
    const work = align16(signal + 4 * signalLength);
    const melOut = align16(work + 16 * (3 * (nFft >> 1) + 1));
    const mfccOut = align16(melOut + 4 * frames * nMels);
    this.ensureMemory(mfccOut + 4 * frames * nMfcc);

    const heap = new Float32Array(this.kernel.memory.buffer);
    heap.fill(0, signal >> 2, (signal >> 2) + signalLength);
    heap.set(samples, (signal >> 2) + padding);
    const t = this.tables;
    this.kernel.melPower(signal, frames, hopLength, nFft, t.window, t.bitReverse, t.twiddles, t.split, t.bands, t.weights, nMels, work, melOut);
    const referenceDb = 10 * Math.log10(Math.max(dbAmin, dbReference));
    this.kernel.powerToDb(melOut, frames * nMels, dbAmin, referenceDb, topDb ?? -1);
    this.kernel.cepstrum(melOut, frames, nMels, t.dct, nMfcc, mfccOut);

    const view = new Float32Array(this.kernel.memory.buffer);
    return {
      frames,
      logMel: view.slice(melOut >> 2, (melOut >> 2) + frames * nMels),
      mfcc: view.slice(mfccOut >> 2, (mfccOut >> 2) + frames * nMfcc),
    };
  }

  private writeTables(window: Float64Array, bands: MelBand[], dct: Float64Array): TableLayout {
    const half = this.config.nFft >> 1;
    const weightCount = bands.reduce((sum, b) => sum + b.weights.length, 0);
    const base = align16(this.kernel.heapBase());
    const layout: TableLayout = { window: base, bitReverse: 0, twiddles: 0, split: 0, bands: 0, weights: 0, dct: 0, end: 0 };
    layout.bitReverse = align16(layout.window + 4 * window.length);
    layout.twiddles = align16(layout.bitReverse + 4 * half);
    layout.split = align16(layout.twiddles + 4 * half);
    layout.bands = align16(layout.split + 8 * half);
    layout.weights = align16(layout.bands + 12 * bands.length);
    layout.dct = align16(layout.weights + 4 * weightCount);
    layout.end = align16(layout.dct + 4 * dct.length);
    this.ensureMemory(layout.end);

    const buffer = this.kernel.memory.buffer;
    new Float32Array(buffer, layout.window, window.length).set(window);
    new Int32Array(buffer, layout.bitReverse, half).set(bitReversalTable(half));
    new Float32Array(buffer, layout.twiddles, half).set(unitRoots(half, half >> 1));
    new Float32Array(buffer, layout.split, 2 * half).set(unitRoots(this.config.nFft, half));
    const bandTable = new Int32Array(buffer, layout.bands, 3 * bands.length);
    const weights = new Float32Array(buffer, layout.weights, weightCount);
    let next = 0;
    bands.forEach((band, m) => {
      bandTable.set([band.firstBin, band.weights.length, next], 3 * m);
      weights.set(band.weights, next);
      next += band.weights.length;
    });
    new Float32Array(buffer, layout.dct, dct.length).set(dct);
    return layout;
  }

  private ensureMemory(bytes: number): void {
    const { memory } = this.kernel;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  }
}
