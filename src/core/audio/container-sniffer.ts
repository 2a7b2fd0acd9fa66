import { fourCC } from './riff-chunks';

/** Audio containers told apart by their first bytes, never by the file name. */
export type AudioContainer = 'wav' | 'aiff' | 'flac' | 'ogg' | 'mp3' | 'mp4' | 'webm' | 'unknown';

export const CONTAINER_NAMES: Record<AudioContainer, string> = {
  wav: 'WAV',
  aiff: 'AIFF',
  flac: 'FLAC',
  ogg: 'Ogg (Vorbis, Opus or FLAC)',
  mp3: 'MP3',
  mp4: 'MP4/M4A (AAC or ALAC)',
  webm: 'WebM/Matroska',
  unknown: 'unknown',
};

export function sniffContainer(bytes: Uint8Array): AudioContainer {
  if (bytes.length < 12) return 'unknown';
  const head = fourCC(bytes, 0);
  if (head === 'RIFF' || head === 'RF64' || head === 'RIFX') return 'wav';
  if (head === 'FORM') return 'aiff';
  if (head === 'fLaC') return 'flac';
  if (head === 'OggS') return isOggFlac(bytes) ? 'flac' : 'ogg';
  if (fourCC(bytes, 4) === 'ftyp') return 'mp4';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  if (head.startsWith('ID3')) return containerAfterId3(bytes);
  if (isMpegAudioSync(bytes, 0)) return 'mp3';
  return 'unknown';
}

/** An ID3v2 tag may precede MP3 and (rarely) FLAC data. */
function containerAfterId3(bytes: Uint8Array): AudioContainer {
  const size = ((bytes[6] & 0x7f) << 21) | ((bytes[7] & 0x7f) << 14) | ((bytes[8] & 0x7f) << 7) | (bytes[9] & 0x7f);
  const footer = bytes[5] & 0x10 ? 10 : 0;
  const next = 10 + size + footer;
  if (next + 4 <= bytes.length && fourCC(bytes, next) === 'fLaC') return 'flac';
  return 'mp3';
}

/** Ogg FLAC's first packet starts with 0x7F "FLAC", right after the first page's segment table. */
function isOggFlac(bytes: Uint8Array): boolean {
  const packet = 27 + bytes[26];
  return packet + 5 <= bytes.length && bytes[packet] === 0x7f && fourCC(bytes, packet + 1) === 'FLAC';
}

function isMpegAudioSync(bytes: Uint8Array, offset: number): boolean {
  return bytes[offset] === 0xff && (bytes[offset + 1] & 0xe0) === 0xe0 && (bytes[offset + 1] & 0x06) !== 0;
}
