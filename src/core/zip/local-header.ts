export const LOCAL_HEADER_SIGNATURE = 0x04034b50;
export const LOCAL_HEADER_SIZE = 30;

/**
 * Where an entry's data starts, from the fixed part of its local header (APPNOTE 4.3.7): its name
 * and extra field may differ in length from the central directory's, so only this header tells.
 * Undefined if the bytes are not a local header.
 */
export function dataOffsetAfterLocalHeader(header: Uint8Array, headerOffset: number): number | undefined {
  if (header.length < LOCAL_HEADER_SIZE) return undefined;
  const view = new DataView(header.buffer, header.byteOffset, LOCAL_HEADER_SIZE);
  if (view.getUint32(0, true) !== LOCAL_HEADER_SIGNATURE) return undefined;
  return headerOffset + LOCAL_HEADER_SIZE + view.getUint16(26, true) + view.getUint16(28, true);
}
