import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { AudioDecodeError } from './audio-decode-error';
import type { DecodedAudio } from './decoded-audio';

// FLAC is decoded by libFLAC compiled to wasm (@wasm-audio-decoders/flac, 69 kB): it runs in
// workers and in Node, where the Web Audio API does not exist, and it is bit-exact, so a FLAC and
// the WAV it was made from give identical samples. One decoder is kept and calls are queued.
let decoder: FLACDecoder | undefined;
let queue: Promise<unknown> = Promise.resolve();

function sharedDecoder(): FLACDecoder {
  decoder ??= new FLACDecoder();
  return decoder;
}

/** Reads a native FLAC or Ogg FLAC file. */
export function readFlac(bytes: Uint8Array, fileName: string): Promise<DecodedAudio> {
  const run = queue.then(() => decodeWithSharedDecoder(bytes, fileName));
  queue = run.catch(() => undefined);
  return run;
}

async function decodeWithSharedDecoder(bytes: Uint8Array, fileName: string): Promise<DecodedAudio> {
  const flac = sharedDecoder();
  await flac.ready;
  let decoded;
  try {
    decoded = await flac.decodeFile(bytes);
  } catch (error) {
    await flac.reset().catch(() => undefined);
    throw new AudioDecodeError(fileName, `the FLAC stream could not be decoded (${String(error)})`, 'malformed');
  }
  if (decoded.samplesDecoded === 0) {
    const detail = decoded.errors.length > 0 ? ` (${decoded.errors[0].message})` : '';
    throw new AudioDecodeError(fileName, `the FLAC file holds no decodable audio${detail}`, 'malformed');
  }
  // The decoder reuses its output memory, so the channels are copied before the next call.
  const channels = decoded.channelData.map((channel) => channel.slice(0, decoded.samplesDecoded));
  for (const channel of channels) rescaleLikeLibsndfile(channel, decoded.bitDepth);
  return { channels, sampleRate: decoded.sampleRate, sourceFormat: `FLAC ${decoded.bitDepth}-bit` };
}

/**
 * This libFLAC build divides samples by 2^(bits-1) - 1; libsndfile (and so librosa and our WAV
 * reader) divides by 2^(bits-1). Going back to the integers makes a FLAC decode exactly as its WAV.
 */
function rescaleLikeLibsndfile(channel: Float32Array, bitDepth: number): void {
  if (bitDepth > 24) return; // float32 cannot hold the integers exactly; the 3e-10 difference is noise
  const decoderScale = 2 ** (bitDepth - 1) - 1;
  const librosaScale = 2 ** -(bitDepth - 1);
  for (let i = 0; i < channel.length; i++) channel[i] = Math.round(channel[i] * decoderScale) * librosaScale;
}
