import type { FeatureMatrix } from '../../src/core/features/feature-matrix';

/**
 * One side of a training set as the training worker takes it: every row a frames x bins MFCC
 * (time-major) in one buffer, so it crosses between workers without copying.
 */
export interface PackedFeatures {
  readonly frames: number;
  readonly bins: number;
  /** rows x frames x bins. */
  readonly x: Float32Array;
  /** The label index of each row. */
  readonly labels: Int32Array;
  /** The index, in the request's list for this side, of the item each row was made from. */
  readonly items: Int32Array;
  /** 1 for a row that is an augmented copy, 0 for the item as it is. */
  readonly augmented: Uint8Array;
}

/** A row before packing. */
export interface FeatureRow {
  readonly matrix: FeatureMatrix;
  readonly label: number;
  readonly item: number;
  readonly augmented: boolean;
}

export function rowCount(packed: PackedFeatures): number {
  return packed.labels.length;
}

/** Packs rows of equal shape; no rows give an empty set of the given shape. */
export function packFeatures(rows: readonly FeatureRow[], frames: number, bins: number): PackedFeatures {
  const size = frames * bins;
  const x = new Float32Array(rows.length * size);
  rows.forEach(({ matrix }, row) => {
    if (matrix.frames !== frames || matrix.bins !== bins) throw new Error(`Row ${row} is ${matrix.frames} x ${matrix.bins}, not ${frames} x ${bins}.`);
    x.set(matrix.data, row * size);
  });
  return {
    frames,
    bins,
    x,
    labels: Int32Array.from(rows, (row) => row.label),
    items: Int32Array.from(rows, (row) => row.item),
    augmented: Uint8Array.from(rows, (row) => (row.augmented ? 1 : 0)),
  };
}

/** The buffers to hand over with a message. */
export function packedBuffers(packed: PackedFeatures): ArrayBuffer[] {
  return [packed.x.buffer, packed.labels.buffer, packed.items.buffer, packed.augmented.buffer].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}
