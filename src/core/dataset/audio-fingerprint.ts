/**
 * A 64-bit FNV-1a hash of the samples' bytes, with the sample count: equal for sample-identical
 * audio, so exact duplicates under different names group together. Not for near duplicates.
 */
export function audioFingerprint(samples: Float32Array): string {
  const hash = fnv1a64(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
  return `${hash}:${samples.length}`;
}

/**
 * FNV-1a, 64-bit, as 16 hex digits. Kept in two 32-bit halves: BigInt arithmetic would be far too
 * slow for the megabytes of a clip. Multiplying by the prime 2^40 + 0x1b3 is `low * 0x1b3` (exact
 * in a double) plus the low half shifted 40 bits into the high half.
 */
export function fnv1a64(bytes: Uint8Array): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    low ^= bytes[i];
    const lowProduct = (low >>> 0) * 0x1b3;
    const newLow = lowProduct >>> 0;
    high = (Math.imul(high, 0x1b3) + Math.imul(low, 0x100) + (lowProduct - newLow) / 0x1_0000_0000) >>> 0;
    low = newLow;
  }
  return hex32(high) + hex32(low);
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
