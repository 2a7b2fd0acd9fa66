import { ALAW_TO_FLOAT, ULAW_TO_FLOAT } from './g711';
import { bytesPerSample, type PcmSampleFormat } from './pcm-sample-format';

/**
 * Splits interleaved PCM bytes into one Float32Array per channel, scaled as libsndfile (and so
 * librosa) scales them: integers divided by 2^(bits-1), unsigned 8-bit centred on 128.
 */
export function deinterleavePcm(
  bytes: Uint8Array,
  offset: number,
  frames: number,
  channelCount: number,
  format: PcmSampleFormat,
  littleEndian: boolean,
): Float32Array[] {
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = sampleReader(view, bytes, format, littleEndian);
  const step = bytesPerSample(format);
  let position = offset;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channelCount; c++) {
      channels[c][i] = read(position);
      position += step;
    }
  }
  return channels;
}

type SampleReader = (position: number) => number;

function sampleReader(view: DataView, bytes: Uint8Array, format: PcmSampleFormat, le: boolean): SampleReader {
  switch (format.kind) {
    case 'alaw':
      return (p) => ALAW_TO_FLOAT[bytes[p]];
    case 'ulaw':
      return (p) => ULAW_TO_FLOAT[bytes[p]];
    case 'float':
      return format.bits === 32 ? (p) => view.getFloat32(p, le) : (p) => view.getFloat64(p, le);
    case 'int':
      return intReader(view, bytes, format.bits, format.signed, le);
  }
}

function intReader(view: DataView, bytes: Uint8Array, bits: 8 | 16 | 24 | 32, signed: boolean, le: boolean): SampleReader {
  switch (bits) {
    case 8:
      return signed ? (p) => view.getInt8(p) / 128 : (p) => (bytes[p] - 128) / 128;
    case 16:
      return (p) => view.getInt16(p, le) / 32768;
    case 24:
      return le
        ? (p) => (((bytes[p + 2] << 24) | (bytes[p + 1] << 16) | (bytes[p] << 8)) >> 8) / 8388608
        : (p) => (((bytes[p] << 24) | (bytes[p + 1] << 16) | (bytes[p + 2] << 8)) >> 8) / 8388608;
    case 32:
      return (p) => view.getInt32(p, le) / 2147483648;
  }
}
