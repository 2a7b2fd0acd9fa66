/** A chunk of a RIFF (WAV) or IFF (AIFF) file: its four-letter id and where its body lies. */
export interface Chunk {
  readonly id: string;
  readonly offset: number;
  /** The size the header declares; may exceed the file (streaming writers, truncated copies). */
  readonly declaredSize: number;
}

export function fourCC(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]);
}

/**
 * Lists the chunks from `start` to the end of the file. Bodies are padded to an even size, as both
 * RIFF and IFF require; a chunk that runs past the end ends the walk.
 */
export function listChunks(bytes: Uint8Array, start: number, littleEndian: boolean): Chunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  let position = start;
  while (position + 8 <= bytes.length) {
    const id = fourCC(bytes, position);
    const declaredSize = view.getUint32(position + 4, littleEndian);
    chunks.push({ id, offset: position + 8, declaredSize });
    const next = position + 8 + declaredSize + (declaredSize & 1);
    if (next > bytes.length || next <= position) break;
    position = next;
  }
  return chunks;
}
