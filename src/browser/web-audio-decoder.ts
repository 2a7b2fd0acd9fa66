// Page only: AudioContext and OfflineAudioContext do not exist in Web Workers, so compressed
// formats (MP3, Ogg, MP4, WebM) are decoded here and the samples are sent to the worker.
import { AudioDecodeError } from '../core/audio/audio-decode-error';
import { CONTAINER_NAMES, sniffContainer } from '../core/audio/container-sniffer';
import type { DecodedAudio } from '../core/audio/decoded-audio';
import { sniffNativeStream } from '../core/audio/native-rate-sniffer';

const FALLBACK_RATE = 48000;

/**
 * A context at the file's own rate, so that decodeAudioData hands back the samples as stored:
 * the browser would otherwise resample to the context's rate with its own filter, and features
 * must come from our resampler, which matches librosa.
 */
function contextAt(rate: number): OfflineAudioContext | null {
  try {
    return new OfflineAudioContext(1, 1, rate);
  } catch {
    // Rates outside the browser's range (Chromium: 3 to 768 kHz) are refused.
    return null;
  }
}

/** Decodes any format the browser knows, at the file's native rate when its header tells it. */
export async function decodeWithWebAudio(bytes: Uint8Array, fileName: string): Promise<DecodedAudio> {
  const stream = sniffNativeStream(bytes);
  const nativeContext = stream ? contextAt(stream.sampleRate) : null;
  const context = nativeContext ?? new OfflineAudioContext(1, 1, FALLBACK_RATE);
  const formatName = stream?.format ?? CONTAINER_NAMES[sniffContainer(bytes)];
  let buffer: AudioBuffer;
  try {
    // decodeAudioData detaches the buffer it is given, and the caller still owns `bytes`.
    buffer = await context.decodeAudioData(bytes.slice().buffer);
  } catch {
    const what = formatName === 'unknown' ? 'this file' : `this ${formatName} file`;
    throw new AudioDecodeError(fileName, `the browser could not decode ${what}; it may be damaged or use a codec this browser lacks`, 'malformed');
  }
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, i) => buffer.getChannelData(i).slice());
  const sourceFormat = nativeContext
    ? `${formatName}, decoded by the browser`
    : `${formatName}, decoded by the browser at 48 kHz; native rate unknown`;
  return { channels, sampleRate: buffer.sampleRate, sourceFormat };
}
