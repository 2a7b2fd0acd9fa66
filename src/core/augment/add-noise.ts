import { type DspBackend, kernelFor } from '../dsp/wasm/dsp-kernel';
import type { SeededRandom } from '../random/seeded-random';
import { addNoiseOnKernel } from './add-noise-kernel';
import { fillStandardNormal } from './standard-normal';

/**
 * The clip plus white Gaussian noise scaled so that 10·log10(P_signal / P_noise) = snrDb exactly over
 * the clip, P being the mean square (of the clip, and of the noise actually drawn). A silent clip
 * has no SNR to keep and comes back unchanged (as a copy); it still consumes its draws. The wasm
 * kernel (the default where it runs) and the TypeScript path give the same samples and draws.
 */
export function addNoiseAtSnr(samples: Float32Array, snrDb: number, random: SeededRandom, backend: DspBackend = 'auto'): Float32Array {
  if (!Number.isFinite(snrDb)) throw new RangeError(`SNR must be finite (got ${snrDb} dB)`);
  const kernel = kernelFor(backend, samples.length);
  if (kernel) return addNoiseOnKernel(kernel, samples, snrDb, random);
  const noise = new Float64Array(samples.length);
  fillStandardNormal(noise, random);
  const signalPower = meanSquare(samples);
  const noisePower = meanSquare(noise);
  const out = samples.slice();
  if (signalPower === 0 || noisePower === 0) return out;
  const gain = Math.sqrt(signalPower / (noisePower * 10 ** (snrDb / 10)));
  for (let i = 0; i < out.length; i++) out[i] += gain * noise[i];
  return out;
}

function meanSquare(values: Float32Array | Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return values.length > 0 ? sum / values.length : 0;
}
