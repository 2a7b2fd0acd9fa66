/**
 * Sample rate from a FLAC STREAMINFO block whose body starts at `bodyOffset`: 20 bits after the
 * block sizes (2 + 2 bytes) and frame sizes (3 + 3 bytes). Null when absent or zero.
 */
export function flacStreamInfoRate(bytes: Uint8Array, bodyOffset: number): number | null {
  const at = bodyOffset + 10;
  if (at + 3 > bytes.length) return null;
  const rate = (bytes[at] << 12) | (bytes[at + 1] << 4) | (bytes[at + 2] >> 4);
  return rate > 0 ? rate : null;
}

/** The rate of a native FLAC file: "fLaC" at `offset`, then STREAMINFO (always the first block). */
export function nativeFlacRate(bytes: Uint8Array, offset: number): number | null {
  const blockType = bytes[offset + 4] & 0x7f;
  return blockType === 0 ? flacStreamInfoRate(bytes, offset + 8) : null;
}
