/**
 * A mono 16-bit PCM WAV of `samples` (clipped to full scale): what a browser plays and any audio
 * tool opens, at a third of float32's size. Rounding to 16 bits is far below what features see.
 */
export function encodeWav16(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
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
  view.setUint32(40, samples.length * 2, true);
  for (let index = 0; index < samples.length; index++) {
    // Scaled by 32768 as readers divide by it, so a read-back is within half a step.
    view.setInt16(44 + index * 2, Math.max(-32768, Math.min(32767, Math.round(samples[index] * 32768))), true);
  }
  return bytes;
}
