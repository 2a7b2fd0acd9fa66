import { describe, expect, it } from 'vitest';
import { dspKernel } from '../dsp/wasm/dsp-kernel';
import { SeededRandom } from '../random/seeded-random';
import { pitchShift } from './pitch-shift';
import { voiced } from './test-signals';
import { timeStretch } from './time-stretch';

const SR = 22050;

describe('timeStretch on the wasm SIMD kernel and in TypeScript', () => {
  it('has the kernel in this runtime (Node 20 has wasm SIMD)', () => {
    expect(dspKernel()).not.toBeNull();
  });

  it('gives identical samples for speech-like and noisy clips, interior and edge frames, slower and faster', () => {
    const random = new SeededRandom(11);
    for (const n of [20001, 2049, 1000, 5, 1]) {
      const speechLike = voiced(SR, n);
      const noisy = speechLike.map((value) => value + 0.05 * random.gaussian());
      for (const samples of [speechLike, noisy]) {
        for (const rate of [0.5, 0.8, 2 ** (-2 / 12), 1, 1.12, 1.25, 2, 3.7]) {
          const js = timeStretch(samples, rate, 'js');
          const wasm = timeStretch(samples, rate, 'wasm-simd');
          expect(wasm, `n ${n}, rate ${rate}`).toEqual(js);
        }
      }
    }
  });

  it('gives identical samples for a 4.2 s clip at the pitch-shift rates', () => {
    const clip = voiced(SR, 92610);
    for (const rate of [2 ** (-2 / 12), 2 ** (2 / 12)]) expect(timeStretch(clip, rate, 'wasm-simd')).toEqual(timeStretch(clip, rate, 'js'));
  });

  it('handles silence (|D| = 0, unit phasor 1) the same way', () => {
    const silent = new Float32Array(20000);
    silent.fill(0.25, 8000, 9000);
    expect(timeStretch(silent, 0.9, 'wasm-simd')).toEqual(timeStretch(silent, 0.9, 'js'));
  });

  it('gives pitchShift identical samples through both backends end to end', () => {
    const input = voiced(SR, 40000);
    for (const semitones of [-2, 2, 3.3]) {
      const auto = pitchShift(input, SR, semitones);
      expect(auto).toEqual(pitchShift(input, SR, semitones, 'js'));
    }
  });
});
