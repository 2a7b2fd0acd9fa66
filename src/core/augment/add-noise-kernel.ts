import type { DspKernel } from '../dsp/wasm/dsp-kernel';
import type { SeededRandom } from '../random/seeded-random';
import { zigguratTableBlock } from './standard-normal';

/**
 * addNoiseAtSnr on the wasm kernel (dsp/wasm/assembly/gaussian-noise.ts): the same draws from
 * `random` (which it moves on past them), the same sums and the same samples as the TypeScript path.
 */
export function addNoiseOnKernel(kernel: DspKernel, samples: Float32Array, snrDb: number, random: SeededRandom): Float32Array {
  const n = samples.length;
  const tables = kernel.f64Table('ziggurat', zigguratTableBlock());
  const [signal, noise] = kernel.reserve([4 * n, 8 * n]);
  const k = kernel.exports;
  random.skip(k.standardNormals(random.stateWord(), noise, n, tables));
  kernel.f32(signal, n).set(samples);
  const signalPower = k.meanSquareF32(signal, n);
  const noisePower = k.meanSquareF64(noise, n);
  if (signalPower === 0 || noisePower === 0) return samples.slice();
  k.addScaled(signal, noise, Math.sqrt(signalPower / (noisePower * 10 ** (snrDb / 10))), n);
  return kernel.f32(signal, n).slice();
}
