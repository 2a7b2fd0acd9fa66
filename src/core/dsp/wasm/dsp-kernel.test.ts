import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/seeded-random';
import { Radix4Fft } from '../radix-fft';
import { dspKernel, KERNEL_MAX_SAMPLES, kernelFor } from './dsp-kernel';

function randomPlane(size: number, random: SeededRandom): Float64Array {
  return Float64Array.from({ length: size }, () => random.gaussian());
}

describe('the wasm SIMD DSP kernel', () => {
  const kernel = dspKernel();

  it('runs here (Node 20 has wasm SIMD), and backend choices resolve to it or to none', () => {
    expect(kernel).not.toBeNull();
    expect(kernelFor('auto')).toBe(kernel);
    expect(kernelFor('wasm-simd')).toBe(kernel);
    expect(kernelFor('js')).toBeNull();
    expect(kernelFor('auto', KERNEL_MAX_SAMPLES)).toBe(kernel);
    expect(kernelFor('auto', KERNEL_MAX_SAMPLES + 1)).toBeNull();
    expect(kernelFor('wasm-simd', KERNEL_MAX_SAMPLES + 1)).toBe(kernel);
  });

  it("gives Radix4Fft's exact bits, forward and inverse, full or without the twiddle-free pass, every size 8 to 8192", () => {
    if (!kernel) return;
    const random = new SeededRandom(17);
    const reference = new Radix4Fft(8192);
    const twiddles = kernel.twiddles(8192);
    for (let size = 8; size <= 8192; size <<= 1) {
      for (const full of [true, false]) {
        const re = randomPlane(size, random);
        const im = randomPlane(size, random);
        const [kre, kim] = kernel.reserve([8 * size, 8 * size]);
        kernel.f64(kre, size).set(re);
        kernel.f64(kim, size).set(im);
        reference.forward(re, im, size, full);
        kernel.exports.forwardFft(kre, kim, size, full, twiddles);
        expect(kernel.f64(kre, size), `forward ${size}`).toEqual(re);
        expect(kernel.f64(kim, size), `forward ${size}`).toEqual(im);
        reference.inverse(re, im, size, full);
        kernel.exports.inverseFft(kre, kim, size, full, twiddles);
        expect(kernel.f64(kre, size), `inverse ${size}`).toEqual(re);
        expect(kernel.f64(kim, size), `inverse ${size}`).toEqual(im);
      }
    }
  });
});
