/** Offset of the first byte after any ID3v2 tags at `offset` (MP3, and sometimes FLAC, start with one). */
export function skipId3v2Tags(bytes: Uint8Array, offset = 0): number {
  let position = offset;
  while (position + 10 <= bytes.length && bytes[position] === 0x49 && bytes[position + 1] === 0x44 && bytes[position + 2] === 0x33) {
    // The tag size is "synchsafe": four 7-bit bytes, excluding the 10-byte header and the optional footer.
    const size =
      ((bytes[position + 6] & 0x7f) << 21) |
      ((bytes[position + 7] & 0x7f) << 14) |
      ((bytes[position + 8] & 0x7f) << 7) |
      (bytes[position + 9] & 0x7f);
    const footer = bytes[position + 5] & 0x10 ? 10 : 0;
    position += 10 + size + footer;
  }
  return Math.min(position, bytes.length);
}
