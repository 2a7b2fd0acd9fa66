import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/fixtures';
import { sniffNativeRate, sniffNativeStream } from './native-rate-sniffer';

/** Files made with ffmpeg for the end-to-end tests (see e2e/fixtures/NOTICE.md); rates as ffprobe reports them. */
const COMPRESSED = [
  { file: 'ravdess-angry-44k1.mp3', rate: 44100, format: 'MP3 (MPEG-1 Layer III)' },
  { file: 'mpeg2-16k.mp3', rate: 16000, format: 'MP3 (MPEG-2 Layer III)' },
  { file: 'mpeg25-8k.mp3', rate: 8000, format: 'MP3 (MPEG-2.5 Layer III)' },
  { file: 'tess-sad-22k05.ogg', rate: 22050, format: 'Ogg Vorbis' },
  // The Opus header says 24000 (the encoder's input); Opus always decodes at 48 kHz.
  { file: 'tess-sad.opus', rate: 48000, format: 'Ogg Opus' },
  { file: 'ogg-flac-44k1.oga', rate: 44100, format: 'Ogg FLAC' },
  { file: 'ravdess-angry-32k.m4a', rate: 32000, format: 'MP4 AAC' },
  { file: 'ravdess-angry.webm', rate: 48000, format: 'WebM Opus' },
  { file: 'vorbis-22k05.mka', rate: 22050, format: 'Matroska Vorbis' },
  { file: 'tess-sad-24k4.flac', rate: 24414, format: 'FLAC' },
];

/** Uncompressed and FLAC files from src/fixtures, rates as SoX's soxi reports them. */
const LOSSLESS = [
  { file: 'speech/03-01-05-02-02-02-02.wav', rate: 48000, format: 'WAV' },
  { file: 'speech/OAF_base_sad.wav', rate: 24414, format: 'WAV' },
  { file: 'quirks/aiff_named_wav__YAF_germ_angry.wav', rate: 24414, format: 'AIFF' },
  { file: 'quirks/float32_44k1__OAF_back_angry.wav', rate: 44100, format: 'WAV' },
  { file: 'quirks/pcm16_96k__OAF_food_fear.wav', rate: 96000, format: 'WAV' },
  { file: 'audio/speech_f3_16k.wav', rate: 16000, format: 'WAV' },
];

function readE2eFixture(file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../e2e/fixtures/${file}`, import.meta.url)));
}

describe('sniffNativeStream reads the rate from the header of real files', () => {
  it.each(COMPRESSED)('$file', ({ file, rate, format }) => {
    expect(sniffNativeStream(readE2eFixture(file))).toEqual({ format, sampleRate: rate });
  });

  it.each(LOSSLESS)('$file', ({ file, rate, format }) => {
    expect(sniffNativeStream(readFixture(file))).toEqual({ format, sampleRate: rate });
  });

  it.each([
    { file: 'flac/ravdess_angry_48k.flac', rate: 48000 },
    { file: 'flac/speech_f3_16k.flac', rate: 16000 },
    { file: 'flac/speech_m3_44k1_stereo_24bit.flac', rate: 44100 },
  ])('$file', ({ file, rate }) => {
    expect(sniffNativeStream(readFixture(file))).toEqual({ format: 'FLAC', sampleRate: rate });
  });

  it('falls back to the mdhd timescale when the MP4 sample entry leaves its rate at 0', () => {
    const bytes = readE2eFixture('ravdess-angry-32k.m4a').slice();
    const entry = indexOfText(bytes, 'mp4a') + 4;
    bytes.fill(0, entry + 24, entry + 28);
    expect(sniffNativeRate(bytes)).toBe(32000);
  });
});

function indexOfText(bytes: Uint8Array, text: string): number {
  const codes = [...text].map((c) => c.charCodeAt(0));
  return bytes.findIndex((_, i) => codes.every((code, j) => bytes[i + j] === code));
}

describe('sniffNativeRate says "unknown" instead of guessing', () => {
  it('for a text file named .wav', () => {
    expect(sniffNativeRate(readE2eFixture('not-audio.wav'))).toBeNull();
  });

  it('for empty bytes', () => {
    expect(sniffNativeRate(new Uint8Array(0))).toBeNull();
  });

  it.each(['ravdess-angry-44k1.mp3', 'ravdess-angry-32k.m4a', 'ravdess-angry.webm', 'tess-sad-22k05.ogg'])(
    'for a copy of %s cut before its first audio header ends',
    (file) => {
      const bytes = readE2eFixture(file);
      // 40 bytes hold the container magic but not a complete header with the rate.
      expect(sniffNativeRate(bytes.subarray(0, 40))).toBeNull();
    },
  );

  it('for an MP3-looking sync pattern that no second frame confirms', () => {
    const bytes = new Uint8Array(2000);
    bytes.set([0xff, 0xfb, 0x90, 0x64]); // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, then zeros
    expect(sniffNativeRate(bytes)).toBeNull();
  });

  it('for an MP4 whose moov box is missing (cut download)', () => {
    const bytes = readE2eFixture('ravdess-angry-32k.m4a');
    expect(sniffNativeRate(bytes.subarray(0, bytes.length - 2000))).toBeNull();
  });
});
