import { sniffContainer } from './container-sniffer';
import { nativeFlacRate } from './flac-stream-info';
import { skipId3v2Tags } from './id3v2-tag';
import { readIeeeExtended } from './ieee-extended';
import { readMatroskaAudioTrack } from './matroska-audio-track';
import { readMp4AudioTrack } from './mp4-audio-track';
import { readMpegAudioStream } from './mpeg-audio-stream';
import type { NativeStream } from './native-stream';
import { readOggStream } from './ogg-stream';
import { fourCC, listChunks } from './riff-chunks';

/**
 * The format and sample rate a file's header announces, without decoding it: MP3, Ogg (Vorbis,
 * Opus, FLAC, Speex), MP4/M4A, WebM/Matroska, and WAV, AIFF and FLAC. Null when the container is
 * unknown or its header is missing, truncated or corrupt.
 */
export function sniffNativeStream(bytes: Uint8Array): NativeStream | null {
  try {
    return readNativeStream(bytes);
  } catch {
    // A header that points past the end of the bytes (a truncated download) just means "unknown".
    return null;
  }
}

/**
 * The sample rate a decoder produces for these bytes without resampling (Opus: always 48000), read
 * from the container header; null when unknown.
 */
export function sniffNativeRate(bytes: Uint8Array): number | null {
  return sniffNativeStream(bytes)?.sampleRate ?? null;
}

function readNativeStream(bytes: Uint8Array): NativeStream | null {
  switch (sniffContainer(bytes)) {
    case 'mp3':
      return readMpegAudioStream(bytes);
    case 'ogg':
      return readOggStream(bytes);
    case 'mp4':
      return readMp4AudioTrack(bytes);
    case 'webm':
      return readMatroskaAudioTrack(bytes);
    case 'flac':
      // Ogg FLAC counts as FLAC to the container sniffer (our FLAC decoder reads both).
      if (fourCC(bytes, 0) === 'OggS') return readOggStream(bytes);
      return withRate('FLAC', nativeFlacRate(bytes, skipId3v2Tags(bytes)));
    case 'wav':
      return withRate('WAV', wavRate(bytes));
    case 'aiff':
      return withRate(fourCC(bytes, 8) === 'AIFC' ? 'AIFF-C' : 'AIFF', aiffRate(bytes));
    case 'unknown':
      return null;
  }
}

function withRate(format: string, sampleRate: number | null): NativeStream | null {
  return sampleRate !== null && sampleRate > 0 ? { format, sampleRate } : null;
}

/** nSamplesPerSec of the "fmt " chunk (little-endian RIFF; RIFX is big-endian). */
function wavRate(bytes: Uint8Array): number | null {
  const littleEndian = fourCC(bytes, 0) !== 'RIFX';
  const fmt = listChunks(bytes, 12, littleEndian).find((chunk) => chunk.id === 'fmt ');
  if (!fmt) return null;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(fmt.offset + 4, littleEndian);
}

/** The 80-bit float rate in the COMM chunk, after channels (2), frames (4) and bits (2). */
function aiffRate(bytes: Uint8Array): number | null {
  const comm = listChunks(bytes, 12, false).find((chunk) => chunk.id === 'COMM');
  if (!comm) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Math.round(readIeeeExtended(view, comm.offset + 8));
}
