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
  const { bytes, view, dataOffset } = wavLayout({ format: PCM, bytesPerSample: 2, sampleRate, frames });
  let offset = dataOffset;
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
  const { bytes, view, dataOffset } = wavLayout({ format: IEEE_FLOAT, bytesPerSample: 4, sampleRate, frames });
  let offset = dataOffset;
  for (const block of blocks) {
    for (let index = 0; index < block.length; index++) view.setFloat32(offset + index * 4, block[index], true);
    offset += block.length * 4;
  }
  return bytes;
}

const PCM = 1;
const IEEE_FLOAT = 3;

/**
 * A mono WAV's bytes with its header written: RIFF, fmt (18 bytes with a fact chunk for float, as
 * the format asks; 16 for PCM) and the data chunk's header; samples go from `dataOffset`.
 */
function wavLayout(format: { format: number; bytesPerSample: number; sampleRate: number; frames: number }): { bytes: Uint8Array; view: DataView; dataOffset: number } {
  const float = format.format === IEEE_FLOAT;
  const dataOffset = float ? 58 : 44;
  const dataBytes = format.frames * format.bytesPerSample;
  const bytes = new Uint8Array(dataOffset + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, dataOffset - 8 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, float ? 18 : 16, true);
  view.setUint16(20, format.format, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, format.sampleRate, true);
  view.setUint32(28, format.sampleRate * format.bytesPerSample, true);
  view.setUint16(32, format.bytesPerSample, true);
  view.setUint16(34, format.bytesPerSample * 8, true);
  if (float) {
    view.setUint16(36, 0, true);
    text(38, 'fact');
    view.setUint32(42, 4, true);
    view.setUint32(46, format.frames, true);
  }
  text(dataOffset - 8, 'data');
  view.setUint32(dataOffset - 4, dataBytes, true);
  return { bytes, view, dataOffset };
}
