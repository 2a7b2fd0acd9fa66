/** ZIP extra-field ids the reader uses (APPNOTE 4.5, 4.6). */
export const ZIP64_EXTRA_ID = 0x0001;
export const UNICODE_PATH_EXTRA_ID = 0x7075;

/** The data of the first extra field with this id (after its 4-byte id and size), if present and whole. */
export function findExtraField(extra: Uint8Array, id: number): Uint8Array | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; ) {
    const fieldId = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > extra.length) return undefined;
    if (fieldId === id) return extra.subarray(at + 4, at + 4 + size);
    at += 4 + size;
  }
  return undefined;
}
