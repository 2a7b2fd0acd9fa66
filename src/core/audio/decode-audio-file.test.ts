import { describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/fixtures';
import { AudioDecodeError } from './audio-decode-error';
import { decodeAudioFile } from './decode-audio-file';
import { mixToMono } from './mix-to-mono';

/** Facts about each real quirk file, read with SoX's soxi. */
const QUIRKS = [
  { file: 'aiff_named_wav__YAF_germ_angry.wav', rate: 24414, channels: 1, frames: 53847, format: 'AIFF PCM 16-bit' },
  { file: 'duplicate_a__03-01-03-01-02-01-07.wav', rate: 48000, channels: 1, frames: 163363, format: 'WAV PCM 16-bit' },
  { file: 'duplicate_b__03-01-03-01-02-02-07.wav', rate: 48000, channels: 1, frames: 163363, format: 'WAV PCM 16-bit' },
  { file: 'float32_44k1__OAF_back_angry.wav', rate: 44100, channels: 1, frames: 220500, format: 'WAV float 32-bit' },
  { file: 'pcm16_96k__OAF_food_fear.wav', rate: 96000, channels: 1, frames: 145172, format: 'WAV PCM 16-bit' },
  { file: 'stereo_48k__03-01-02-01-01-02-01.wav', rate: 48000, channels: 2, frames: 172972, format: 'WAV PCM 16-bit' },
];

async function decodeQuirk(file: string) {
  return decodeAudioFile(readFixture(`quirks/${file}`), file);
}

/** Bitwise equality; vitest's deep equality is far too slow for arrays of 10^5 samples. */
function identical(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && Buffer.compare(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

function peak(samples: Float32Array): number {
  let p = 0;
  for (const x of samples) p = Math.max(p, Math.abs(x));
  return p;
}

describe('decodeAudioFile reads every real quirk file correctly', () => {
  it.each(QUIRKS)('$file', async ({ file, rate, channels, frames, format }) => {
    const audio = await decodeQuirk(file);
    expect(audio.sampleRate).toBe(rate);
    expect(audio.channels.length).toBe(channels);
    expect(audio.channels[0].length).toBe(frames);
    expect(audio.sourceFormat).toBe(format);
    const level = peak(mixToMono(audio));
    expect(level).toBeGreaterThan(0.01);
    // Integer PCM is within full scale; float WAVs may exceed it (this TESS one peaks at 2.28), and
    // librosa keeps such values as they are, so do we.
    if (format.includes('PCM')) expect(level).toBeLessThanOrEqual(1);
  });

  it('reads the AIFF named .wav sample for sample as SoX does (big-endian)', async () => {
    const audio = await decodeQuirk(QUIRKS[0].file);
    const soxFirstTen = [15, 6, -17, -7, 3, 11, 9, 3, -9, -2];
    expect(Array.from(audio.channels[0].subarray(0, 10)).map((x) => x * 32768)).toEqual(soxFirstTen);
  });

  it('gives byte-identical duplicates identical samples', async () => {
    const [a, b] = await Promise.all([decodeQuirk(QUIRKS[1].file), decodeQuirk(QUIRKS[2].file)]);
    expect(identical(a.channels[0], b.channels[0])).toBe(true);
  });

  it('reads the stereo file as two channels, which in this RAVDESS file are the same, so mono equals either', async () => {
    const audio = await decodeQuirk(QUIRKS[5].file);
    expect(identical(audio.channels[0], audio.channels[1])).toBe(true);
    expect(identical(mixToMono(audio), audio.channels[0])).toBe(true);
  });
});

describe('decodeAudioFile reads FLAC exactly as the WAV it was made from', () => {
  it.each([
    ['ravdess_angry_48k', 'flac'],
    ['speech_m3_44k1_stereo_24bit', 'flac'],
    ['speech_f3_16k', 'flac'],
    ['speech_f3_16k', 'oga'],
  ])('%s.%s', async (name, extension) => {
    const [wav, flac] = await Promise.all([
      decodeAudioFile(readFixture(`audio/${name}.wav`), `${name}.wav`),
      decodeAudioFile(readFixture(`flac/${name}.${extension}`), `${name}.${extension}`),
    ]);
    expect(flac.sampleRate).toBe(wav.sampleRate);
    expect(flac.channels.length).toBe(wav.channels.length);
    flac.channels.forEach((channel, c) => expect(identical(channel, wav.channels[c])).toBe(true));
    expect(flac.sourceFormat).toMatch(/^FLAC (16|24)-bit$/);
  });
});

describe('decodeAudioFile refuses what it cannot read, saying why', () => {
  async function reason(bytes: Uint8Array, name: string): Promise<AudioDecodeError> {
    const error = await decodeAudioFile(bytes, name).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AudioDecodeError);
    return error as AudioDecodeError;
  }

  it('an empty file', async () => {
    const error = await reason(new Uint8Array(0), 'empty.wav');
    expect(error.message).toBe('empty.wav: the file is empty (0 bytes)');
    expect(error.kind).toBe('empty');
  });

  it('text named .wav', async () => {
    const error = await reason(new TextEncoder().encode('this is not audio at all, sorry'), 'notes.wav');
    expect(error.message).toBe('notes.wav: not a recognised audio file');
  });

  it('an MP3, which the page decodes with the browser instead', async () => {
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64, 0, 0]);
    const error = await reason(mp3, 'song.mp3');
    expect(error.kind).toBe('unsupported');
    expect(error.message).toContain('MP3');
  });

  it('a FLAC cut short after its header', async () => {
    const flac = readFixture('flac/speech_f3_16k.flac').subarray(0, 60);
    const error = await reason(flac, 'cut.flac');
    expect(error.message).toMatch(/^cut\.flac: /);
  });

  it('decodes the next file normally after a failure', async () => {
    await reason(readFixture('flac/speech_f3_16k.flac').subarray(0, 60), 'cut.flac');
    const audio = await decodeAudioFile(readFixture('flac/speech_f3_16k.flac'), 'ok.flac');
    expect(audio.sampleRate).toBe(16000);
  });
});
