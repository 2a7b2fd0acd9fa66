/** A time-major matrix of features: `data[frame * bins + bin]`, the layout the model reads (frames x coefficients). */
export interface FeatureMatrix {
  readonly data: Float32Array;
  readonly frames: number;
  readonly bins: number;
}

/** Value at (bin, frame), for code that thinks in librosa's [bin][frame] layout. */
export function valueAt(matrix: FeatureMatrix, bin: number, frame: number): number {
  return matrix.data[frame * matrix.bins + bin];
}
