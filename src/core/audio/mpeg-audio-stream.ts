import { skipId3v2Tags } from './id3v2-tag';
import type { NativeStream } from './native-stream';

type MpegVersion = '1' | '2' | '2.5';

interface MpegFrameHeader {
  readonly version: MpegVersion;
  readonly layer: 1 | 2 | 3;
  readonly sampleRate: number;
  /** Bytes from this header to the next; null for free-format streams, which do not say. */
  readonly frameLength: number | null;
}

const VERSIONS: Record<number, MpegVersion | null> = { 0: '2.5', 1: null, 2: '2', 3: '1' };

const SAMPLE_RATES: Record<MpegVersion, readonly number[]> = {
  '1': [44100, 48000, 32000],
  '2': [22050, 24000, 16000],
  '2.5': [11025, 12000, 8000],
};

// kbit/s by bitrate index; index 0 is free format and 15 is invalid.
const BITRATES_V1: Record<1 | 2 | 3, readonly number[]> = {
  1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
};
const BITRATES_V2: Record<1 | 2 | 3, readonly number[]> = {
  1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  3: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};

const LAYER_NAMES = { 1: 'I', 2: 'II', 3: 'III' } as const;

// Junk before the first frame is rare and short; a real MP3 shows a frame well within this.
const SCAN_LIMIT = 64 * 1024;

/** Parses the 4-byte MPEG audio frame header at `offset`, or null if it is not a valid one. */
function parseFrameHeader(bytes: Uint8Array, offset: number): MpegFrameHeader | null {
  if (offset + 4 > bytes.length || bytes[offset] !== 0xff || (bytes[offset + 1] & 0xe0) !== 0xe0) return null;
  const version = VERSIONS[(bytes[offset + 1] >> 3) & 3];
  const layerBits = (bytes[offset + 1] >> 1) & 3;
  const bitrateIndex = bytes[offset + 2] >> 4;
  const rateIndex = (bytes[offset + 2] >> 2) & 3;
  if (version === null || layerBits === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const sampleRate = SAMPLE_RATES[version][rateIndex];
  const kbps = (version === '1' ? BITRATES_V1 : BITRATES_V2)[layer][bitrateIndex];
  const padding = (bytes[offset + 2] >> 1) & 1;
  return { version, layer, sampleRate, frameLength: kbps === 0 ? null : frameLength(version, layer, kbps * 1000, sampleRate, padding) };
}

function frameLength(version: MpegVersion, layer: 1 | 2 | 3, bitrate: number, sampleRate: number, padding: number): number {
  if (layer === 1) return (Math.floor((12 * bitrate) / sampleRate) + padding) * 4;
  const samplesPerByte = layer === 3 && version !== '1' ? 72 : 144;
  return Math.floor((samplesPerByte * bitrate) / sampleRate) + padding;
}

/**
 * A header counts only when the next frame starts where it says with the same version, layer and
 * rate (or the file ends there): a lone 0xFFE sync pattern turns up by chance in tag data and junk.
 */
function isConfirmed(bytes: Uint8Array, offset: number, header: MpegFrameHeader): boolean {
  if (header.frameLength === null) return false;
  const nextOffset = offset + header.frameLength;
  if (nextOffset + 4 > bytes.length) return nextOffset <= bytes.length;
  const next = parseFrameHeader(bytes, nextOffset);
  return next !== null && next.version === header.version && next.layer === header.layer && next.sampleRate === header.sampleRate;
}

/** The first confirmed MPEG audio frame after any ID3v2 tags: MPEG-1, 2 or 2.5, layer I, II or III. */
export function readMpegAudioStream(bytes: Uint8Array): NativeStream | null {
  const start = skipId3v2Tags(bytes);
  const end = Math.min(bytes.length - 4, start + SCAN_LIMIT);
  for (let offset = start; offset <= end; offset++) {
    const header = parseFrameHeader(bytes, offset);
    if (header && isConfirmed(bytes, offset, header)) {
      const format = `MP${header.layer} (MPEG-${header.version} Layer ${LAYER_NAMES[header.layer]})`;
      return { format, sampleRate: header.sampleRate };
    }
  }
  return null;
}
