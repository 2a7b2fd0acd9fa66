import { describe, expect, it } from 'vitest';
import { decodeAudioFile } from './decode-audio-file';
import { encodeWav16, wavFloat32 } from './wav-writer';

describe('encodeWav16', () => {
  it('writes a WAV our reader reads back within 16-bit rounding, clipping what exceeds full scale', async () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => 0.8 * Math.sin(i / 7));
    samples[3] = 1.7;
    samples[4] = -3;
    const decoded = await decodeAudioFile(encodeWav16(samples, 44100), 'r.wav');
    expect(decoded.sampleRate).toBe(44100);
    expect(decoded.channels).toHaveLength(1);
    expect(decoded.sourceFormat).toBe('WAV PCM 16-bit');
    const back = decoded.channels[0];
    expect(back.length).toBe(1000);
    expect(back[3]).toBeCloseTo(32767 / 32768, 6);
    expect(back[4]).toBe(-1);
    samples.forEach((value, i) => i > 4 && expect(Math.abs(back[i] - value)).toBeLessThanOrEqual(0.5 / 32768 + 1e-7));
  });
});

describe('wavFloat32', () => {
  it('writes samples our reader gives back bit for bit', async () => {
    const a = Float32Array.from({ length: 300 }, (_, i) => Math.sin(i / 3) * 0.3 + 1e-7 * i);
    const b = Float32Array.from([1.5, -2, 0]);
    const decoded = await decodeAudioFile(wavFloat32([a, b], 48000), 'f.wav');
    expect(decoded.sampleRate).toBe(48000);
    expect(decoded.sourceFormat).toBe('WAV float 32-bit');
    expect(Array.from(decoded.channels[0])).toEqual([...a, ...b]);
  });
});
