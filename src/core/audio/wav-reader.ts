import { AudioDecodeError } from './audio-decode-error';
import type { DecodedAudio } from './decoded-audio';
import { deinterleavePcm } from './deinterleave-pcm';
import { bytesPerSample, describeSampleFormat, type PcmSampleFormat } from './pcm-sample-format';
import { type Chunk, fourCC, listChunks } from './riff-chunks';

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_ALAW = 0x0006;
const WAVE_FORMAT_MULAW = 0x0007;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

const KNOWN_CODECS: Record<number, string> = {
  0x0002: 'Microsoft ADPCM',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG',
  0x0055: 'MPEG Layer 3',
  0x0161: 'Windows Media Audio',
  0x1610: 'AAC',
  0xf1ac: 'FLAC',
};

interface WavFormat {
  readonly channelCount: number;
  readonly sampleRate: number;
  readonly blockAlign: number;
  readonly sample: PcmSampleFormat;
}

/**
 * Reads a WAV (RIFF or RF64) file: PCM 8/16/24/32-bit, IEEE float 32/64, A-law, µ-law, plain or
 * WAVE_FORMAT_EXTENSIBLE, any channel count. Unknown chunks are skipped; a data size of 0 or one
 * larger than the file (streaming writers) means "to the end of the file".
 */
export function readWav(bytes: Uint8Array, fileName: string): DecodedAudio {
  const fail = (reason: string, kind: 'malformed' | 'unsupported' | 'empty' = 'malformed') =>
    new AudioDecodeError(fileName, reason, kind);
  if (bytes.length < 12) throw fail('the file is too short to be a WAV file');
  const riff = fourCC(bytes, 0);
  if (riff === 'RIFX') throw fail('big-endian WAV (RIFX) is not supported', 'unsupported');
  if (riff !== 'RIFF' && riff !== 'RF64') throw fail('not a WAV file (no RIFF header)');
  if (fourCC(bytes, 8) !== 'WAVE') throw fail(`a RIFF file of type "${fourCC(bytes, 8)}", not WAVE`);

  const chunks = listChunks(bytes, 12, true);
  const fmtChunk = chunks.find((c) => c.id === 'fmt ');
  const dataChunk = chunks.find((c) => c.id === 'data');
  if (!fmtChunk) throw fail('the WAV header is truncated or has no "fmt " chunk');
  if (!dataChunk) throw fail('the WAV file has no "data" chunk (truncated?)');

  const format = parseFormat(bytes, fmtChunk, fail);
  const dataSize = resolveDataSize(bytes, dataChunk, riff === 'RF64' ? rf64DataSize(bytes, chunks) : undefined);
  const frames = Math.floor(dataSize / format.blockAlign);
  if (frames === 0) throw fail('the WAV file holds no audio samples', 'empty');
  const channels = deinterleaveFrames(bytes, dataChunk.offset, frames, format);
  return { channels, sampleRate: format.sampleRate, sourceFormat: `WAV ${describeSampleFormat(format.sample)}` };
}

function deinterleaveFrames(bytes: Uint8Array, offset: number, frames: number, format: WavFormat): Float32Array[] {
  const packed = bytesPerSample(format.sample) * format.channelCount === format.blockAlign;
  if (packed) return deinterleavePcm(bytes, offset, frames, format.channelCount, format.sample, true);
  // Rare: blockAlign pads each frame (e.g. 20-bit in 3 bytes inside 4). Repack frame by frame.
  const width = bytesPerSample(format.sample) * format.channelCount;
  const repacked = new Uint8Array(frames * width);
  for (let i = 0; i < frames; i++) {
    repacked.set(bytes.subarray(offset + i * format.blockAlign, offset + i * format.blockAlign + width), i * width);
  }
  return deinterleavePcm(repacked, 0, frames, format.channelCount, format.sample, true);
}

function resolveDataSize(bytes: Uint8Array, data: Chunk, rf64Size: number | undefined): number {
  const available = bytes.length - data.offset;
  const declared = rf64Size ?? data.declaredSize;
  if (declared === 0 || declared === 0xffffffff || declared > available) return available;
  return declared;
}

/** RF64 stores the real 64-bit data size in its "ds64" chunk. */
function rf64DataSize(bytes: Uint8Array, chunks: Chunk[]): number | undefined {
  const ds64 = chunks.find((c) => c.id === 'ds64');
  if (!ds64 || ds64.offset + 16 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Number(view.getBigUint64(ds64.offset + 8, true));
}

function parseFormat(bytes: Uint8Array, fmt: Chunk, fail: (reason: string, kind?: 'unsupported') => Error): WavFormat {
  if (fmt.declaredSize < 16 || fmt.offset + 16 > bytes.length) throw fail('the "fmt " chunk is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let formatTag = view.getUint16(fmt.offset, true);
  const channelCount = view.getUint16(fmt.offset + 2, true);
  const sampleRate = view.getUint32(fmt.offset + 4, true);
  const blockAlign = view.getUint16(fmt.offset + 12, true);
  const bits = view.getUint16(fmt.offset + 14, true);
  if (formatTag === WAVE_FORMAT_EXTENSIBLE) {
    if (fmt.declaredSize < 40 || fmt.offset + 26 > bytes.length) throw fail('the extensible "fmt " chunk is truncated');
    formatTag = view.getUint16(fmt.offset + 24, true); // first two bytes of the SubFormat GUID
  }
  if (channelCount === 0) throw fail('the WAV header declares 0 channels');
  if (sampleRate === 0) throw fail('the WAV header declares a sample rate of 0');
  const sample = sampleFormat(formatTag, bits, fail);
  const minimumAlign = bytesPerSample(sample) * channelCount;
  return { channelCount, sampleRate, blockAlign: Math.max(blockAlign, minimumAlign), sample };
}

function sampleFormat(formatTag: number, bits: number, fail: (reason: string, kind?: 'unsupported') => Error): PcmSampleFormat {
  if (formatTag === WAVE_FORMAT_PCM) {
    if (bits === 8) return { kind: 'int', bits: 8, signed: false };
    if (bits === 16 || bits === 24 || bits === 32) return { kind: 'int', bits, signed: true };
    throw fail(`PCM with ${bits} bits per sample is not supported`, 'unsupported');
  }
  if (formatTag === WAVE_FORMAT_IEEE_FLOAT) {
    if (bits === 32 || bits === 64) return { kind: 'float', bits };
    throw fail(`IEEE float with ${bits} bits per sample is not supported`, 'unsupported');
  }
  if (formatTag === WAVE_FORMAT_ALAW) return { kind: 'alaw' };
  if (formatTag === WAVE_FORMAT_MULAW) return { kind: 'ulaw' };
  const name = KNOWN_CODECS[formatTag] ?? 'an unknown codec';
  const hex = formatTag.toString(16).padStart(4, '0');
  throw fail(`the WAV file is encoded with ${name} (format 0x${hex}), which is not supported`, 'unsupported');
}
