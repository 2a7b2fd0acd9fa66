import * as tf from '@tensorflow/tfjs';
import { BATCH_NORM_GRAD } from '../../src/core/model/wasm-kernels/batch-norm-grad';
import { SeededRandom } from '../../src/core/random/seeded-random';

export interface KernelTiming {
  kernel: string;
  ms: number;
  /** Rate of the matrix product, or 0 where the kernel is not one. */
  gflops: number;
}

/**
 * The training step's heaviest wasm kernels one by one at the thesis CNN's shapes (batch 32): the
 * fastest of `runs` calls each (the minimum is what a busy shared machine disturbs least).
 * Runs on whatever backend is active (bench/kernels.ts in Node, the bench worker in Chromium).
 */
export function timeTrainingKernels(runs: number): KernelTiming[] {
  const random = new SeededRandom(3);
  const gaussian = (shape: number[]) => tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.gaussian()), shape);
  const fastestMs = (run: () => tf.Tensor | tf.Tensor[]): number => {
    let best = Infinity;
    for (let i = 0; i < runs + 2; i++) {
      const start = performance.now();
      const out = run();
      const ms = performance.now() - start;
      tf.dispose(out);
      if (i >= 2) best = Math.min(best, ms);
    }
    return best;
  };
  const rows: KernelTiming[] = [];
  const add = (kernel: string, ms: number, flops = 0) => rows.push({ kernel, ms: +ms.toFixed(2), gflops: flops > 0 ? +(flops / ms / 1e6).toFixed(1) : 0 });
  const layers = [
    { name: 'conv 1', width: 182, inC: 40, outC: 256 },
    { name: 'conv 2', width: 91, inC: 256, outC: 128 },
    { name: 'conv 3', width: 46, inC: 128, outC: 64 },
  ];
  for (const { name, width, inC, outC } of layers) {
    const x = gaussian([32, 1, width, inC]);
    const w = gaussian([1, 5, inC, outC]);
    const dy = gaussian([32, 1, width, outC]);
    const flops = 2 * 32 * width * 5 * inC * outC;
    const conv = { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', dilations: [1, 1] };
    add(`${name} Conv2D`, fastestMs(() => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same')), flops);
    add(`${name} Conv2DBackpropFilter`, fastestMs(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...conv, filterShape: w.shape }) as tf.Tensor), flops);
    if (name !== 'conv 1') add(`${name} Conv2DBackpropInput`, fastestMs(() => tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...conv, inputShape: x.shape }) as tf.Tensor), flops);
    tf.dispose([x, w, dy]);
  }
  const x = gaussian([1, 32, 182, 256]);
  const dy = gaussian([1, 32, 182, 256]);
  const [mean, variance, scale] = [gaussian([256]), tf.abs(gaussian([256])), gaussian([256])];
  add('block 1 batch-norm gradient (ours, fused)', fastestMs(() => tf.engine().runKernel(BATCH_NORM_GRAD, { dy, x, mean, variance, scale }, { varianceEpsilon: 1e-3 }) as tf.Tensor[]));
  add('block 1 FusedBatchNorm', fastestMs(() => tf.batchNorm(x, mean, variance, mean, scale, 1e-3)));
  const input = gaussian([32, 182, 1, 256]);
  const output = tf.maxPool(input as tf.Tensor4D, [2, 1], [2, 1], 'same');
  const pooledDy = gaussian(output.shape);
  add('block 1 MaxPoolGrad', fastestMs(() => tf.engine().runKernel('MaxPoolGrad', { dy: pooledDy, input, output }, { filterSize: [2, 1], strides: [2, 1], pad: 'same' }) as tf.Tensor));
  add('block 1 Add (same shapes)', fastestMs(() => tf.add(x, dy)));
  tf.dispose([x, dy, mean, variance, scale, input, output, pooledDy]);
  return rows;
}
