/**
 * Copies each sample's `width` rows of `rowSize` values into a slot of `paddedWidth` rows,
 * after `lead` zero rows, zeroing the rest: every sample then starts at a fixed stride, so a
 * shift in time is a pointer offset for the matrix products.
 */
export function writePaddedRows(
  heap: Float32Array, source: number, target: number, batch: number, width: number, paddedWidth: number, rowSize: number, lead = 0,
): void {
  for (let b = 0; b < batch; b++) {
    const slot = target + b * paddedWidth * rowSize;
    const from = source + b * width * rowSize;
    heap.fill(0, slot, slot + lead * rowSize);
    heap.copyWithin(slot + lead * rowSize, from, from + width * rowSize);
    heap.fill(0, slot + (lead + width) * rowSize, slot + paddedWidth * rowSize);
  }
}
