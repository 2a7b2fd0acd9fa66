import { AudioDecodeError } from './audio-decode-error';
import type { DecodedAudio } from './decoded-audio';

/**
 * The audio as it is, or an error when a sample is NaN or infinite (possible in float WAV and
 * AIFF-C files): one such sample would turn every feature of its frames, and the prediction, into
 * NaN. librosa refuses such audio too ("Audio buffer is not finite everywhere").
 */
export function finiteAudio(audio: DecodedAudio, fileName: string): DecodedAudio {
  for (const channel of audio.channels) {
    for (let index = 0; index < channel.length; index++) {
      if (!Number.isFinite(channel[index])) {
        const seconds = (index / audio.sampleRate).toFixed(2);
        throw new AudioDecodeError(fileName, `it holds samples that are not numbers (NaN or infinity), the first at ${seconds} s`, 'malformed');
      }
    }
  }
  return audio;
}
