import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/seeded-random';
import { mixToMono } from '../mix-to-mono';
import { readWav } from '../wav-reader';
import { resample } from './resample';

const AUDIO = new URL('../../../fixtures/audio/', import.meta.url);
const LIBROSA_22050 = new URL('../../../fixtures/audio_22050/', import.meta.url);

function readMono(dir: URL, name: string): { samples: Float32Array; rate: number } {
  const decoded = readWav(new Uint8Array(readFileSync(new URL(name, dir))), name);
  return { samples: mixToMono(decoded), rate: decoded.sampleRate };
}

function noise(length: number, seed: number): Float32Array {
  const random = new SeededRandom(seed);
  return Float32Array.from({ length }, () => 0.3 * random.gaussian());
}

describe('resample on the wasm SIMD kernel and in TypeScript', () => {
  // First in the file, so the kernel's memory is fresh and grows mid-chain: views of it detach then.
  it('gives identical samples when the memory grows between stages (half-band, FIR and polyphase stages in memory)', () => {
    const long = noise(100_000, 8);
    for (const [from, to] of [[96000, 22050], [192000, 22050], [8000, 48000]]) {
      expect(resample(long, from, to, 'wasm-simd'), `${from} → ${to}`).toEqual(resample(long, from, to, 'js'));
    }
  });

  it('gives identical samples for every stage kind: rational, linear and quadratic polyphase, FIR up and down by 1, 2, 3, halvings', () => {
    const input = noise(20000, 3);
    const pairs = [
      [48000, 22050], [24414, 22050], [22050 / 2 ** (-2 / 12), 22050], [22050 / 2 ** (2 / 12), 22050], [22050 * 2 ** (1 / 12), 22050], [44100, 22050],
      [16000, 22050], [8000, 22050], [11025, 22050], [32000, 22050], [96000, 22050], [88200, 22050], [192000, 22050], [22050, 8000], [22050, 48000], [14700, 22050], [4000, 22050],
    ];
    for (const [from, to] of pairs) {
      expect(resample(input, from, to, 'wasm-simd'), `${from} → ${to}`).toEqual(resample(input, from, to, 'js'));
    }
  });

  it('gives identical samples for short clips, where the blocks and windows run off the ends', () => {
    for (const length of [1, 2, 17, 500, 4097]) {
      const input = noise(length, length);
      for (const from of [48000, 24414, 16000]) expect(resample(input, from, 22050, 'wasm-simd')).toEqual(resample(input, from, 22050, 'js'));
    }
  });

  it("keeps the TypeScript path at librosa's samples (the default path is checked in resample.test.ts)", () => {
    for (const name of readdirSync(AUDIO).filter((f) => f.endsWith('.wav'))) {
      const source = readMono(AUDIO, name);
      if (source.rate === 22050) continue;
      const reference = readMono(LIBROSA_22050, name).samples;
      const js = resample(source.samples, source.rate, 22050, 'js');
      expect(resample(source.samples, source.rate, 22050, 'wasm-simd')).toEqual(js);
      let maxAbs = 0;
      for (let i = 0; i < reference.length; i++) maxAbs = Math.max(maxAbs, Math.abs(js[i] - reference[i]));
      expect(maxAbs, name).toBeLessThan(1e-6);
    }
  });
});
