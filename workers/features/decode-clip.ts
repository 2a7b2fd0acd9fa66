import { AudioDecodeError } from '../../src/core/audio/audio-decode-error';
import { CONTAINER_NAMES, sniffContainer } from '../../src/core/audio/container-sniffer';
import { decodeAudioFile } from '../../src/core/audio/decode-audio-file';
import { type DecodedAudio, frameCount } from '../../src/core/audio/decoded-audio';
import type { SkipReason } from '../../src/core/dataset';

/** Formats a browser decodes but a worker cannot: named so the user knows what to convert. */
const BROWSER_ONLY = new Set(['mp3', 'ogg', 'mp4', 'webm']);

/** A file of a ZIP, decoded in a worker; or why it cannot be, as a skip for the report. */
export type DecodedClip = { readonly kind: 'decoded'; readonly audio: DecodedAudio } | { readonly kind: 'skipped'; readonly skip: SkipReason };

/** Decodes a file's bytes with the core's readers; whatever is wrong with it becomes a skip with a reason. */
export async function decodeClip(bytes: Uint8Array, name: string): Promise<DecodedClip> {
  const container = sniffContainer(bytes);
  if (container === 'unknown') return skipped({ kind: 'not-audio', message: 'it is not an audio file (WAV, AIFF or FLAC).' });
  if (BROWSER_ONLY.has(container)) {
    return skipped(undecodable(`it is ${CONTAINER_NAMES[container]} audio, which the studio cannot yet read from inside a ZIP: convert it to WAV or FLAC`));
  }
  try {
    const audio = await decodeAudioFile(bytes, name);
    if (frameCount(audio) === 0) return skipped(undecodable('it holds no audio samples'));
    return { kind: 'decoded', audio };
  } catch (error) {
    if (error instanceof AudioDecodeError) return skipped(undecodable(error.reason));
    return skipped(undecodable(`it could not be decoded (${error instanceof Error ? error.message : String(error)})`));
  }
}

export function undecodable(reason: string): SkipReason {
  return { kind: 'undecodable', message: /[.!?]$/.test(reason) ? reason : `${reason}.` };
}

function skipped(skip: SkipReason): DecodedClip {
  return { kind: 'skipped', skip };
}
