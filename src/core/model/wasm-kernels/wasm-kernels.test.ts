import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/seeded-random';
import { useNodeWasmBackend } from '../test-support/node-wasm-backend';
import { applyAdamFused } from './fused-adam';
import { disableTrainKernelForTests, trainKernelOf } from './train-kernel';
import { wasmModuleOf } from './wasm-module';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type Arrays = Float32Array[];

/** Runs `compute` on the cpu backend and on wasm with our kernels, from the same inputs. */
async function onBothBackends(inputs: { shape: number[]; values: Float32Array }[], compute: (...xs: tf.Tensor[]) => tf.Tensor[]): Promise<{ cpu: Arrays; wasm: Arrays }> {
  const run = async (backend: string): Promise<Arrays> => {
    await tf.setBackend(backend);
    const tensors = inputs.map((input) => tf.tensor(input.values, input.shape));
    const outputs = compute(...tensors);
    const values = outputs.map((t) => t.dataSync() as Float32Array);
    tf.dispose([...tensors, ...outputs]);
    return values;
  };
  const cpu = await run('cpu');
  const wasm = await run('wasm');
  return { cpu, wasm };
}

function randomInput(shape: number[], seed: number): { shape: number[]; values: Float32Array } {
  const random = new SeededRandom(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Float32Array.from({ length: size }, () => random.gaussian()) };
}

/** Max |a - b| relative to the reference's largest magnitude (gradients sum thousands of terms). */
function maxRelativeError(actual: Float32Array, expected: Float32Array): number {
  expect(actual.length).toBe(expected.length);
  let scale = 1e-6;
  for (const v of expected) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / scale);
  return worst;
}

function expectClose(result: { cpu: Arrays; wasm: Arrays }, tolerance = 1e-4): void {
  result.cpu.forEach((expected, i) => expect(maxRelativeError(result.wasm[i], expected)).toBeLessThanOrEqual(tolerance));
}

beforeAll(async () => {
  await useNodeWasmBackend();
});

it('the SIMD glue kernel runs on the wasm backend\'s memory here', async () => {
  await tf.setBackend('wasm');
  expect(trainKernelOf(wasmModuleOf(tf.backend() as BackendWasm))).not.toBeNull();
});

// Every case twice: with the SIMD glue kernel (assembly/train-kernel.ts) and with the JavaScript
// loops that run where it cannot be instantiated.
for (const glue of ['SIMD glue kernel', 'JavaScript fallback'] as const) describe(glue, () => {
  beforeAll(() => disableTrainKernelForTests(glue === 'JavaScript fallback'));
  afterAll(() => disableTrainKernelForTests(false));

  describe('Conv1D gradients (Conv2DBackpropFilter, Conv2DBackpropInput) match the cpu backend', () => {
    const cases = [
      // The model's real widths and channels; a batch of 2 keeps the cpu reference quick.
      { name: 'block 1', batch: 2, width: 182, inChannels: 40, outChannels: 256 },
      { name: 'block 2', batch: 2, width: 91, inChannels: 256, outChannels: 128 },
      { name: 'block 3', batch: 2, width: 46, inChannels: 128, outChannels: 64 },
      { name: 'batch 1, odd length', batch: 1, width: 23, inChannels: 7, outChannels: 5 },
      { name: 'odd length, narrow', batch: 3, width: 9, inChannels: 3, outChannels: 2 },
      // Over 512 padded frames: dW sums several chunks of frames (uneven ones in the second case).
      { name: 'several frame chunks', batch: 7, width: 100, inChannels: 12, outChannels: 9 },
      { name: 'three frame chunks', batch: 11, width: 91, inChannels: 6, outChannels: 5 },
    ];
    for (const { name, batch, width, inChannels, outChannels } of cases) {
      for (const [kernelSize, padding] of [[5, 'same'], [4, 'same'], [3, 'valid']] as const) {
        it(`${name}: kernel ${kernelSize}, ${padding}`, async () => {
          const outWidth = padding === 'same' ? width : width - kernelSize + 1;
          const result = await onBothBackends(
            [randomInput([batch, width, inChannels], 1), randomInput([kernelSize, inChannels, outChannels], 2), randomInput([batch, outWidth, outChannels], 3)],
            (x, w, dy) => {
              const loss = (xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.mul(tf.conv1d(xx as tf.Tensor3D, ww as tf.Tensor3D, 1, padding), dy));
              return tf.grads(loss)([x, w]);
            },
          );
          expectClose(result);
        });
      }
    }
  });

  describe('pooling, reductions and tiling match the cpu backend', () => {
    it('MaxPoolGrad for 1-D pools (valid, same, odd lengths, batch 1)', async () => {
      for (const [shape, padding] of [[[4, 182, 256], 'same'], [[4, 91, 128], 'same'], [[1, 45, 3], 'valid'], [[2, 45, 3], 'same']] as const) {
        const result = await onBothBackends([randomInput([...shape], 4)], (x) => [
          tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.layers.maxPooling1d({ poolSize: 2, padding }).apply(xx) as tf.Tensor, tf.range(1, 1 + Math.ceil(shape[1] / 2) * shape[2] * shape[0]).reshape([shape[0], -1, shape[2]]).slice([0, 0, 0], [shape[0], padding === 'same' ? Math.ceil(shape[1] / 2) : Math.floor(shape[1] / 2), shape[2]]))))(x),
        ]);
        expectClose(result, 1e-6);
      }
    });

    it('MaxPoolGrad routes ties to the first maximum, as the cpu backend does', async () => {
      const result = await onBothBackends([{ shape: [1, 6, 2], values: new Float32Array([1, 2, 1, 2, 3, 0, 3, 0, 5, 5, 5, 5]) }], (x) => [
        tf.grad((xx: tf.Tensor) => tf.sum(tf.layers.maxPooling1d({ poolSize: 2 }).apply(xx) as tf.Tensor))(x),
      ]);
      expect(Array.from(result.wasm[0])).toEqual(Array.from(result.cpu[0]));
    });

    it('MaxPoolGrad of pool 2 with -Infinity and NaN in a window routes as the cpu backend does', async () => {
      const values = new Float32Array([-Infinity, 1, NaN, -Infinity, -Infinity, NaN, 2, 2, NaN, NaN, 3, -Infinity, 0, 0, 7]);
      for (const padding of ['same', 'valid'] as const) {
        const pooled = padding === 'same' ? 8 : 7;
        const result = await onBothBackends([{ shape: [1, 15, 1], values }], (x) => [
          tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.layers.maxPooling1d({ poolSize: 2, padding }).apply(xx) as tf.Tensor, tf.range(1, pooled + 1).reshape([1, pooled, 1]))))(x),
        ]);
        expect(Array.from(result.wasm[0])).toEqual(Array.from(result.cpu[0]));
      }
    });

    it('Sum and Mean over leading axes, and the other reductions through the stock kernels', async () => {
      const result = await onBothBackends([randomInput([8, 182, 256], 5), randomInput([3, 5, 7], 6)], (x, y) => [
        tf.sum(x, [0, 1]), tf.mean(x, [0, 1], true), tf.sum(y, 0), tf.mean(y, [0, 1]), tf.sum(y, 2), tf.sum(y, [0, 2]), tf.mean(y), tf.sum(y),
      ]);
      expectClose(result, 1e-5);
    });

    it('Tile of a per-channel vector over batch and time, and other tilings', async () => {
      const result = await onBothBackends([randomInput([1, 1, 1, 7], 7), randomInput([2, 3], 8)], (v, m) => [
        tf.tile(v, [1, 3, 5, 1]), tf.tile(v, [2, 1, 1, 1]), tf.tile(m, [2, 3]), tf.tile(m, [3, 1]),
      ]);
      expectClose(result, 0);
    });

    it('batch-norm training gradients (Tile, Sum, Mean, Identity together)', async () => {
      const inputs = [randomInput([4, 9, 6], 9), randomInput([4, 9, 6], 10), randomInput([6], 11), randomInput([6], 12)];
      const result = await onBothBackends(inputs, (x, dy, gamma, beta) => {
        const loss = (xx: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
          const { mean, variance } = tf.moments(xx, [0, 1]);
          return tf.sum(tf.mul(tf.batchNorm(xx, mean, variance, b, g, 1e-3), dy));
        };
        return tf.grads(loss)([x, gamma, beta]);
      });
      expectClose(result);
    });
  });

  describe('the fused FusedBatchNorm gradient matches the stock one on the cpu backend', () => {
    it('the forward pass, with and without scale and offset, odd channel counts, and a broadcast case through the stock kernel', async () => {
      const result = await onBothBackends(
        [randomInput([4, 9, 7], 41), randomInput([7], 42), randomInput([7], 43), randomInput([7], 44), randomInput([7], 45), randomInput([2, 3, 64], 46), randomInput([64], 47), randomInput([64], 48)],
        (x, m, v, b, g, y, m2, v2) => [
          tf.batchNorm(x, m, tf.abs(v), b, g, 1e-3), tf.batchNorm(x, m, tf.abs(v)), tf.batchNorm(y, m2, tf.abs(v2), undefined, m2, 1e-3),
          tf.batchNorm(x, tf.mean(x, [0, 1], true), tf.reshape(tf.abs(v), [1, 1, 7])),
        ],
      );
      expectClose(result, 1e-5);
    });

    // (Without a scale, the stock gradient itself fails on every backend: tfjs cannot save the missing input.)
    it('layer-sized batch norm, with upstream gradients into mean and variance', async () => {
      const inputs = [randomInput([4, 45, 64], 21), randomInput([4, 45, 64], 22), randomInput([64], 23), randomInput([64], 24), randomInput([64], 25)];
      const result = await onBothBackends(inputs, (x, dy, gamma, beta, w) => {
        const loss = (xx: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
          const { mean, variance } = tf.moments(xx, [0, 1]);
          const normed = tf.batchNorm(xx, mean, variance, b, g, 1e-3);
          // A term in the raw statistics too, so their gradients are checked apart from x's.
          return tf.add(tf.sum(tf.mul(normed, dy)), tf.sum(tf.mul(tf.add(mean, variance), w)));
        };
        return tf.grads(loss)([x, gamma, beta]);
      });
      expectClose(result);
    });
  });

  describe('one-pass Relu, Square and Mean gradients and the sharing Cast match the cpu backend', () => {
    it('relu and square gradients, odd sizes included (vector loop and tail), zeros and negatives', async () => {
      const special = { shape: [7], values: new Float32Array([0, -0, -1, 2, -3.5, 1e-30, -1e-30]) };
      const result = await onBothBackends([randomInput([4, 45, 66], 31), randomInput([4, 45, 66], 32), special, randomInput([7], 33)], (x, dy, s, ds) => [
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.relu(xx), dy)))(x),
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.square(xx), dy)))(x),
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.relu(xx), ds)))(s),
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.square(xx), ds)))(s),
      ]);
      expectClose(result, 0);
    });

    it('mean gradients over leading axes (kept dims or not), and over other axes through the stock gradient', async () => {
      const result = await onBothBackends([randomInput([5, 9, 6], 34), randomInput([6], 35), randomInput([5, 9], 36)], (x, w, v) => [
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.mean(xx, [0, 1]), w)))(x),
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.mean(xx, [0, 1], true), w)))(x),
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.mean(xx, 0), tf.ones([9, 6]))))(x),
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.mean(xx, 2), v)))(x),
        tf.grad((xx: tf.Tensor) => tf.mean(xx))(x),
      ]);
      expectClose(result, 0);
    });

    it('cast to the same dtype shares the data and stays correct after the input is disposed', async () => {
      const result = await onBothBackends([randomInput([3, 4], 37)], (x) => {
        const same = tf.cast(x, 'float32');
        const copy = same.clone();
        x.dispose();
        return [copy, tf.cast(tf.cast(copy, 'int32'), 'float32')];
      });
      expectClose(result, 0);
    });
  });

  describe('BatchMatMul with transposes (the dense layers\' gradients) matches the cpu backend', () => {
    it('every transpose combination, rank 2 and 3, and a batched product through the stock kernel', async () => {
      const result = await onBothBackends(
        [randomInput([32, 1472], 13), randomInput([1472, 64], 14), randomInput([32, 64], 15), randomInput([1, 5, 3], 16), randomInput([2, 5, 3], 17)],
        (x, w, dy, p, q) => [
          tf.matMul(x, dy, true, false), tf.matMul(dy, w, false, true), tf.matMul(x, w), tf.matMul(w, x, true, true),
          tf.matMul(p, p, true, false), tf.matMul(p, p, false, true), tf.matMul(q, q, true, false),
        ],
      );
      expectClose(result, 1e-5);
    });
  });
});

describe('fused Adam (applyAdamFused) gives the stock AdamOptimizer\'s bits', () => {
  it('weights, moments and iterations after 4 steps on wasm, sizes with vector tails', async () => {
    await tf.setBackend('wasm');
    const run = async (fused: boolean) => {
      const random = new SeededRandom(51);
      const vars = [7, 64, 1001].map((n, i) => tf.variable(tf.tensor(Float32Array.from({ length: n }, () => random.gaussian())), true, `adam_test_${fused}_${i}`));
      const optimizer = tf.train.adam(0.01);
      for (let step = 0; step < 4; step++) {
        const { value, grads } = optimizer.computeGradients(() => tf.addN(vars.map((v, i) => tf.sum(tf.mul(tf.sin(tf.mul(v, i + 1)), v)))) as tf.Scalar, vars);
        const used = fused && applyAdamFused(optimizer, vars, grads);
        if (fused) expect(used).toBe(true);
        if (!used) optimizer.applyGradients(vars.map((v) => ({ name: v.name, tensor: grads[v.name] })));
        tf.dispose([value, grads]);
      }
      const state = await optimizer.getWeights();
      const values = [...vars.map((v) => Array.from(v.dataSync())), ...state.map((w) => Array.from(w.tensor.dataSync()))];
      tf.dispose(vars);
      optimizer.dispose();
      return values;
    };
    expect(await run(true)).toEqual(await run(false));
  });
});
