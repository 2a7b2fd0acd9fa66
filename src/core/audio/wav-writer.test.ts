import { describe, expect, it } from 'vitest';
import { decodeAudioFile } from './decode-audio-file';
import { encodeWav16 } from './wav-writer';

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
