import type { WasmModuleView } from './wasm-module';

/** A row-major matrix somewhere on the wasm heap (HEAPF32 index), possibly inside a larger buffer. */
export interface HeapMatrix {
  index: number;
  rows: number;
  cols: number;
}

type BatchMatMulC = (
  aId: number, aShape: Uint8Array, aRank: number,
  bId: number, bShape: Uint8Array, bRank: number,
  transposeA: boolean, transposeB: boolean, outId: number,
) => void;

// Our tensor ids live far above the backend's own (which count up from 1), so they never collide.
const FIRST_VIEW_ID = 0x40000000;
const batchMatMulByModule = new WeakMap<WasmModuleView, BatchMatMulC>();

/**
 * out = a × b through the wasm backend's own BatchMatMul, which hands batch-1, untransposed
 * products to XNNPACK's SIMD fully-connected operator (anything else takes its slow scalar loop).
 * `bReuses` > 1 keeps b packed for that many calls with the same b (XNNPACK caches the packed
 * operand by tensor id): use `XnnpackMatMul.withSharedB`.
 */
export class XnnpackMatMul {
  private nextId = FIRST_VIEW_ID;
  private readonly batchMatMul: BatchMatMulC;

  constructor(private readonly module: WasmModuleView) {
    let wrapped = batchMatMulByModule.get(module);
    if (wrapped === undefined) {
      wrapped = module.cwrap('BatchMatMul', null, ['number', 'array', 'number', 'number', 'array', 'number', 'number', 'number', 'number']) as BatchMatMulC;
      batchMatMulByModule.set(module, wrapped);
    }
    this.batchMatMul = wrapped;
  }

  multiply(a: HeapMatrix, b: HeapMatrix, outIndex: number): void {
    this.withSharedB(b, (multiplyBy) => multiplyBy(a, outIndex));
  }

  /** Runs `body` with a multiply function whose right operand b is packed once for all its calls. */
  withSharedB(b: HeapMatrix, body: (multiplyBy: (a: HeapMatrix, outIndex: number) => void) => void): void {
    const bId = this.register(b.index, b.rows * b.cols);
    try {
      body((a, outIndex) => {
        if (a.cols !== b.rows) throw new Error(`matmul: inner sizes ${a.cols} and ${b.rows} differ`);
        const aId = this.register(a.index, a.rows * a.cols);
        const outId = this.register(outIndex, a.rows * b.cols);
        this.batchMatMul(aId, shapeBytes(a), 3, bId, shapeBytes(b), 3, false, false, outId);
        this.module.tfjs.disposeData(aId);
        this.module.tfjs.disposeData(outId);
      });
    } finally {
      // Disposing b's id also drops XNNPACK's operator cached for it.
      this.module.tfjs.disposeData(bId);
    }
  }

  private register(index: number, size: number): number {
    const id = this.nextId;
    this.nextId = this.nextId >= 0x7ffffff0 ? FIRST_VIEW_ID : this.nextId + 1;
    this.module.tfjs.registerTensor(id, size, index * Float32Array.BYTES_PER_ELEMENT);
    return id;
  }
}

function shapeBytes(m: HeapMatrix): Uint8Array {
  return new Uint8Array(new Int32Array([1, m.rows, m.cols]).buffer);
}
