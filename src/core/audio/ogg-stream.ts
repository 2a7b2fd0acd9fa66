import { flacStreamInfoRate } from './flac-stream-info';
import type { NativeStream } from './native-stream';
import { fourCC } from './riff-chunks';

const BEGINNING_OF_STREAM = 0x02;
const OPUS_DECODE_RATE = 48000;

function matches(bytes: Uint8Array, offset: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

function uint32le(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
}

/** The codec and rate that the identification packet at `packet` announces, if it is an audio codec we know. */
function identifyPacket(bytes: Uint8Array, packet: number): NativeStream | null {
  if (bytes[packet] === 0x01 && matches(bytes, packet + 1, 'vorbis')) {
    return { format: 'Ogg Vorbis', sampleRate: uint32le(bytes, packet + 12) };
  }
  // Opus always decodes at 48 kHz; the "input sample rate" in its header is only a hint of the original.
  if (matches(bytes, packet, 'OpusHead')) return { format: 'Ogg Opus', sampleRate: OPUS_DECODE_RATE };
  if (bytes[packet] === 0x7f && matches(bytes, packet + 1, 'FLAC') && matches(bytes, packet + 9, 'fLaC')) {
    const rate = flacStreamInfoRate(bytes, packet + 17);
    return rate === null ? null : { format: 'Ogg FLAC', sampleRate: rate };
  }
  if (matches(bytes, packet, 'Speex   ')) return { format: 'Ogg Speex', sampleRate: uint32le(bytes, packet + 36) };
  return null;
}

/**
 * Reads the beginning-of-stream pages that open an Ogg file (one per logical stream, e.g. video
 * and audio) and returns the first audio stream found there.
 */
export function readOggStream(bytes: Uint8Array): NativeStream | null {
  let page = 0;
  while (page + 27 <= bytes.length && fourCC(bytes, page) === 'OggS' && bytes[page + 5] & BEGINNING_OF_STREAM) {
    const segments = bytes[page + 26];
    const packet = page + 27 + segments;
    const stream = identifyPacket(bytes, packet);
    if (stream && stream.sampleRate > 0) return stream;
    let bodyLength = 0;
    for (let i = 0; i < segments; i++) bodyLength += bytes[page + 27 + i];
    page = packet + bodyLength;
  }
  return null;
}
