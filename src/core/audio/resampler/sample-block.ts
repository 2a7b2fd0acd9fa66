/**
 * What one stage hands the next: data[start, start + length) are the samples, and data holds only
 * zeros before and after them, so a stage can read past either end without a copy. Each stage sees
 * its input as preceded and followed by zeros (soxr pre-loads zeros and flushes with zeros).
 */
export interface SampleBlock {
  readonly data: Float32Array | Float64Array;
  readonly start: number;
  readonly length: number;
}
