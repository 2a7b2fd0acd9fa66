import { readAiff } from './aiff-reader';
import { AudioDecodeError } from './audio-decode-error';
import { CONTAINER_NAMES, sniffContainer } from './container-sniffer';
import type { DecodedAudio } from './decoded-audio';
import { finiteAudio } from './finite-samples';
import { readFlac } from './flac-reader';
import { readWav } from './wav-reader';

/**
 * Decodes WAV, AIFF and FLAC anywhere (page, worker, Node). Other containers (MP3, Ogg, MP4, WebM)
 * throw an `unsupported` AudioDecodeError: the page decodes those with the browser's own decoder
 * (see src/browser/web-audio-decoder.ts) and hands the samples over.
 */
export async function decodeAudioFile(bytes: Uint8Array, fileName: string): Promise<DecodedAudio> {
  if (bytes.length === 0) throw new AudioDecodeError(fileName, 'the file is empty (0 bytes)', 'empty');
  const container = sniffContainer(bytes);
  switch (container) {
    case 'wav':
      return finiteAudio(readWav(bytes, fileName), fileName);
    case 'aiff':
      return finiteAudio(readAiff(bytes, fileName), fileName);
    case 'flac':
      return readFlac(bytes, fileName);
    case 'unknown':
      throw new AudioDecodeError(fileName, 'not a recognised audio file', 'malformed');
    default:
      throw new AudioDecodeError(fileName, `${CONTAINER_NAMES[container]} needs the browser's decoder`, 'unsupported');
  }
}
