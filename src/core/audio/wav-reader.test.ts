import { describe, expect, it } from 'vitest';
import { AudioDecodeError } from './audio-decode-error';
import { mixToMono } from './mix-to-mono';
import { readWav } from './wav-reader';

/** Builds RIFF files byte by byte, so every header variant can be tested. */
function chunk(id: string, body: Uint8Array, declaredSize = body.length): Uint8Array {
  const out = new Uint8Array(8 + body.length + (body.length & 1));
  out.set([...id].map((c) => c.charCodeAt(0)), 0);
  new DataView(out.buffer).setUint32(4, declaredSize, true);
  out.set(body, 8);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function riff(...chunks: Uint8Array[]): Uint8Array {
  const body = concat(new TextEncoder().encode('WAVE'), ...chunks);
  return chunk('RIFF', body);
}

function fmt(tag: number, channels: number, rate: number, bits: number, blockAlign = (channels * bits) / 8): Uint8Array {
  const body = new Uint8Array(16);
  const v = new DataView(body.buffer);
  v.setUint16(0, tag, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, rate * blockAlign, true);
  v.setUint16(12, blockAlign, true);
  v.setUint16(14, bits, true);
  return chunk('fmt ', body);
}

function extensibleFmt(subFormat: number, channels: number, rate: number, bits: number): Uint8Array {
  const body = new Uint8Array(40);
  const v = new DataView(body.buffer);
  v.setUint16(0, 0xfffe, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, (rate * channels * bits) / 8, true);
  v.setUint16(12, (channels * bits) / 8, true);
  v.setUint16(14, bits, true);
  v.setUint16(16, 22, true);
  v.setUint16(18, bits, true);
  v.setUint32(20, channels === 2 ? 3 : 4, true);
  v.setUint16(24, subFormat, true);
  body.set([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], 26);
  return chunk('fmt ', body);
}

function samples(write: (v: DataView, i: number, x: number) => void, values: number[], width: number): Uint8Array {
  const body = new Uint8Array(values.length * width);
  const v = new DataView(body.buffer);
  values.forEach((x, i) => write(v, i * width, x));
  return body;
}

const int16 = (values: number[]) => samples((v, o, x) => v.setInt16(o, x, true), values, 2);
const int24 = (values: number[]) =>
  samples((v, o, x) => {
    v.setUint8(o, x & 0xff);
    v.setUint8(o + 1, (x >> 8) & 0xff);
    v.setUint8(o + 2, (x >> 16) & 0xff);
  }, values, 3);

describe('readWav: sample formats, scaled as libsndfile scales them', () => {
  it('reads unsigned 8-bit PCM centred on 128', () => {
    const audio = readWav(riff(fmt(1, 1, 8000, 8), chunk('data', new Uint8Array([0, 128, 255]))), 'u8.wav');
    expect(Array.from(audio.channels[0])).toEqual([-1, 0, 127 / 128]);
    expect(audio.sourceFormat).toBe('WAV PCM 8-bit');
  });

  it('reads 16-bit PCM', () => {
    const audio = readWav(riff(fmt(1, 1, 22050, 16), chunk('data', int16([-32768, 0, 16384, 32767]))), 'a.wav');
    expect(Array.from(audio.channels[0])).toEqual([-1, 0, 0.5, 32767 / 32768]);
    expect(audio.sampleRate).toBe(22050);
  });

  it('reads 24-bit PCM, negative values included', () => {
    const audio = readWav(riff(fmt(1, 1, 44100, 24), chunk('data', int24([-8388608, -1, 4194304, 8388607]))), 'a.wav');
    expect(Array.from(audio.channels[0])).toEqual([-1, Math.fround(-1 / 8388608), 0.5, Math.fround(8388607 / 8388608)]);
  });

  it('reads 32-bit PCM', () => {
    const body = samples((v, o, x) => v.setInt32(o, x, true), [-2147483648, 1073741824], 4);
    const audio = readWav(riff(fmt(1, 1, 16000, 32), chunk('data', body)), 'a.wav');
    expect(Array.from(audio.channels[0])).toEqual([-1, 0.5]);
  });

  it('reads IEEE float 32 and 64', () => {
    const f32 = samples((v, o, x) => v.setFloat32(o, x, true), [0.25, -0.75], 4);
    const f64 = samples((v, o, x) => v.setFloat64(o, x, true), [0.125, -0.5], 8);
    expect(Array.from(readWav(riff(fmt(3, 1, 48000, 32), chunk('data', f32)), 'f.wav').channels[0])).toEqual([0.25, -0.75]);
    expect(Array.from(readWav(riff(fmt(3, 1, 48000, 64), chunk('data', f64)), 'd.wav').channels[0])).toEqual([0.125, -0.5]);
  });

  it('reads A-law and µ-law (G.711)', () => {
    // 0xd5 and 0xff are the codes of (near) silence in A-law and µ-law.
    const alaw = readWav(riff(fmt(6, 1, 8000, 8), chunk('data', new Uint8Array([0xd5, 0x55, 0xaa]))), 'a.wav');
    expect(alaw.channels[0][0]).toBeCloseTo(8 / 32768, 9);
    expect(alaw.channels[0][1]).toBeCloseTo(-8 / 32768, 9);
    expect(alaw.channels[0][2]).toBeCloseTo(32256 / 32768, 9);
    const ulaw = readWav(riff(fmt(7, 1, 8000, 8), chunk('data', new Uint8Array([0xff, 0x80, 0x00]))), 'u.wav');
    expect(Array.from(ulaw.channels[0])).toEqual([0, Math.fround(32124 / 32768), Math.fround(-32124 / 32768)]);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE PCM and float', () => {
    const pcm = readWav(riff(extensibleFmt(1, 2, 48000, 24), chunk('data', int24([4194304, -4194304]))), 'x.wav');
    expect(pcm.channels.map((c) => c[0])).toEqual([0.5, -0.5]);
    const body = samples((v, o, x) => v.setFloat32(o, x, true), [0.5], 4);
    const float = readWav(riff(extensibleFmt(3, 1, 48000, 32), chunk('data', body)), 'x.wav');
    expect(float.channels[0][0]).toBe(0.5);
  });

  it('splits any number of channels and mixes them to mono as their mean', () => {
    const audio = readWav(riff(fmt(1, 3, 16000, 16), chunk('data', int16([3000, 6000, 9000, -3000, -6000, -9000]))), 'three.wav');
    expect(audio.channels.map((c) => Array.from(c).map((x) => x * 32768))).toEqual([[3000, -3000], [6000, -6000], [9000, -9000]]);
    expect(Array.from(mixToMono(audio)).map((x) => Math.round(x * 32768))).toEqual([6000, -6000]);
  });
});

describe('readWav: layouts real writers produce', () => {
  const data = int16([100, 200, 300, 400]);

  it('skips unknown and odd-sized chunks (LIST, fact, bext) wherever they sit', () => {
    const odd = chunk('LIST', new Uint8Array([1, 2, 3]));
    const fact = chunk('fact', new Uint8Array(4));
    const audio = readWav(riff(odd, fmt(1, 1, 8000, 16), fact, chunk('data', data), chunk('bext', new Uint8Array(5))), 'a.wav');
    expect(Array.from(audio.channels[0]).map((x) => x * 32768)).toEqual([100, 200, 300, 400]);
  });

  it.each([
    ['0 (a streaming writer that never came back)', 0],
    ['0xFFFFFFFF', 0xffffffff],
    ['larger than the file', 1_000_000],
  ])('reads to the end of the file when the data size is %s', (_label, declared) => {
    const audio = readWav(riff(fmt(1, 1, 8000, 16), chunk('data', data, declared)), 'stream.wav');
    expect(audio.channels[0].length).toBe(4);
  });

  it('drops a trailing partial frame', () => {
    const audio = readWav(riff(fmt(1, 2, 8000, 16), chunk('data', new Uint8Array(10))), 'partial.wav');
    expect(audio.channels[0].length).toBe(2);
  });
});

describe('readWav: errors name the file and the reason', () => {
  function errorOf(bytes: Uint8Array, name = 'bad.wav'): AudioDecodeError {
    try {
      readWav(bytes, name);
    } catch (error) {
      expect(error).toBeInstanceOf(AudioDecodeError);
      return error as AudioDecodeError;
    }
    throw new Error('readWav accepted bad input');
  }
  const good = riff(fmt(1, 1, 8000, 16), chunk('data', int16([1, 2, 3])));

  it('a truncated header', () => {
    const error = errorOf(good.subarray(0, 20), 'cut.wav');
    expect(error.message).toMatch(/^cut\.wav: .*(truncated|no "fmt ")/);
    expect(error.kind).toBe('malformed');
  });

  it('a file that is not RIFF', () => {
    expect(errorOf(new TextEncoder().encode('FORM....AIFFCOMM')).message).toBe('bad.wav: not a WAV file (no RIFF header)');
  });

  it('a codec we do not decode, named', () => {
    const error = errorOf(riff(fmt(2, 1, 8000, 4, 256), chunk('data', new Uint8Array(256))));
    expect(error.message).toContain('Microsoft ADPCM (format 0x0002)');
    expect(error.kind).toBe('unsupported');
  });

  it('no audio at all', () => {
    expect(errorOf(riff(fmt(1, 1, 8000, 16), chunk('data', new Uint8Array(0)))).kind).toBe('empty');
  });

  it('no data chunk', () => {
    expect(errorOf(riff(fmt(1, 1, 8000, 16))).message).toContain('no "data" chunk');
  });
});
