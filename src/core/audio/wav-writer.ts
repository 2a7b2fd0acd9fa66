/** A 16-bit PCM value of a float sample, scaled by 32768 as readers divide by it (a read-back is within half a step), clipped. */
export function toPcm16(sample: number): number {
  return Math.max(-32768, Math.min(32767, Math.round(sample * 32768)));
}

/**
 * A mono 16-bit PCM WAV of `samples` (clipped to full scale): what a browser plays and any audio
 * tool opens, at half of float32's size. Rounding to 16 bits is far below what features see.
 */
export function encodeWav16(samples: Float32Array, sampleRate: number): Uint8Array {
  return wav16FromPcm([Int16Array.from(samples, toPcm16)], sampleRate);
}

/** A mono 16-bit PCM WAV of PCM blocks, in order. */
export function wav16FromPcm(blocks: readonly Int16Array[], sampleRate: number): Uint8Array {
  const frames = blocks.reduce((sum, block) => sum + block.length, 0);
  const bytes = new Uint8Array(44 + frames * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + frames * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, frames * 2, true);
  let offset = 44;
  for (const block of blocks) {
    // WAV is little-endian, like every platform a browser runs on; DataView keeps it right anyway.
    for (let index = 0; index < block.length; index++) view.setInt16(offset + index * 2, block[index], true);
    offset += block.length * 2;
  }
  return bytes;
}

/**
 * A mono 32-bit float WAV (WAVE_FORMAT_IEEE_FLOAT, with the fact chunk the format asks for) of
 * sample blocks, in order: the samples exactly as they were, for recordings that must be
 * reproducible bit for bit.
 */
export function wavFloat32(blocks: readonly Float32Array[], sampleRate: number): Uint8Array {
  const frames = blocks.reduce((sum, block) => sum + block.length, 0);
  const header = 58;
  const bytes = new Uint8Array(header + frames * 4);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, header - 8 + frames * 4, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 18, true);
  view.setUint16(20, 3, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 4, true);
  view.setUint16(32, 4, true);
  view.setUint16(34, 32, true);
  view.setUint16(36, 0, true);
  text(38, 'fact');
  view.setUint32(42, 4, true);
  view.setUint32(46, frames, true);
  text(50, 'data');
  view.setUint32(54, frames * 4, true);
  let offset = header;
  for (const block of blocks) {
    for (let index = 0; index < block.length; index++) view.setFloat32(offset + index * 4, block[index], true);
    offset += block.length * 4;
  }
  return bytes;
}
