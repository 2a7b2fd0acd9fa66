/**
 * A little-endian 64-bit ZIP64 size or offset as a number. Above 2^53 it could not be exact, and
 * no real archive gets there, so such a value reads as Infinity and fails the callers' bounds checks.
 */
export function readUint64(view: DataView, offset: number): number {
  const value = view.getBigUint64(offset, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
}
