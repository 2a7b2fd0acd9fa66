import type { DecodedAudio } from './decoded-audio';

/** The mean of the channels, as librosa's `to_mono` does. */
export function mixToMono(audio: DecodedAudio): Float32Array {
  const { channels } = audio;
  if (channels.length === 1) return channels[0];
  const length = channels[0].length;
  const mono = new Float32Array(length);
  const scale = 1 / channels.length;
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i];
    mono[i] = sum * scale;
  }
  return mono;
}
