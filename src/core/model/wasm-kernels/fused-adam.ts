import * as tf from '@tensorflow/tfjs';
import { util } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, NamedTensorMap, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { trainKernelOf } from './train-kernel';
import { heapIndexOf, wasmModuleOf } from './wasm-module';

export const ADAM_STEP = 'SerStudioAdamStep';

/** The AdamOptimizer state tfjs keeps in (TypeScript-)private fields, as its applyGradients uses it. */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | null | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | null | undefined)[];
  incrementIterations(): void;
}

interface AdamAttrs {
  beta1: number;
  beta2: number;
  epsilon: number;
  learningRate: number;
}

/**
 * tfjs's AdamOptimizer.applyGradients for `vars` (in that order, as minimize passes them), with
 * each variable's update as one kernel instead of about fifteen tensor operations (each a pass over
 * the weights, plus its dispatch): same float32 operations in the same order, so the same weights
 * and moments, and the optimizer's state (moments, β powers, iterations) stays where tfjs keeps it,
 * so its getWeights / setWeights (the run's checkpoints) are unchanged. Returns false, having done
 * nothing, where it does not apply (not Adam, not wasm, no SIMD glue kernel); then call
 * applyGradients.
 */
export function applyAdamFused(optimizer: tf.Optimizer, vars: tf.Variable[], grads: NamedTensorMap): boolean {
  if (!(optimizer instanceof tf.AdamOptimizer) || tf.getBackend() !== 'wasm') return false;
  if (trainKernelOf(wasmModuleOf(tf.backend() as BackendWasm)) === null) return false;
  const state = optimizer as unknown as AdamState;
  tf.tidy(() => {
    vars.forEach((value, i) => {
      if (state.accumulatedFirstMoment[i] == null) {
        state.accumulatedFirstMoment[i] = { originalName: `${value.name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      }
      if (state.accumulatedSecondMoment[i] == null) {
        state.accumulatedSecondMoment[i] = { originalName: `${value.name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      }
      const gradient = grads[value.name];
      if (gradient == null) return;
      const m = state.accumulatedFirstMoment[i]!.variable;
      const v = state.accumulatedSecondMoment[i]!.variable;
      const attrs: AdamAttrs = { beta1: state.beta1, beta2: state.beta2, epsilon: state.epsilon, learningRate: state.learningRate };
      const [newValue, newM, newV] = tf.engine().runKernel(
        ADAM_STEP, { value, m, v, gradient, accBeta1: state.accBeta1, accBeta2: state.accBeta2 }, attrs as unknown as NamedAttrMap,
      ) as tf.Tensor[];
      m.assign(newM);
      v.assign(newV);
      value.assign(newValue);
    });
    state.accBeta1.assign(tf.mul(state.accBeta1, state.beta1));
    state.accBeta2.assign(tf.mul(state.accBeta2, state.beta2));
  });
  state.incrementIterations();
  return true;
}

function adamStep(args: { inputs: Record<'value' | 'm' | 'v' | 'gradient' | 'accBeta1' | 'accBeta2', TensorInfo>; backend: BackendWasm; attrs: AdamAttrs }): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const module = wasmModuleOf(backend);
  const kernel = trainKernelOf(module);
  if (kernel === null) throw new Error(`${ADAM_STEP} needs the SIMD glue kernel`);
  const outputs = [0, 1, 2].map(() => backend.makeOutput(inputs.value.shape, 'float32'));
  const heap = module.HEAPF32;
  const at = (t: TensorInfo) => heapIndexOf(backend, t.dataId) * 4;
  const f = Math.fround;
  // As tfjs computes them: 1 − β (JavaScript numbers, then float32 scalars) and 1 − βᵗ in float32.
  const oneMinusAccBeta1 = f(1 - heap[heapIndexOf(backend, inputs.accBeta1.dataId)]);
  const oneMinusAccBeta2 = f(1 - heap[heapIndexOf(backend, inputs.accBeta2.dataId)]);
  kernel.adam(
    at(inputs.value), at(inputs.m), at(inputs.v), at(inputs.gradient), at(outputs[0]), at(outputs[1]), at(outputs[2]),
    util.sizeFromShape(inputs.value.shape),
    f(attrs.beta1), f(attrs.beta2), f(1 - attrs.beta1), f(1 - attrs.beta2), oneMinusAccBeta1, oneMinusAccBeta2, f(attrs.epsilon), f(-attrs.learningRate),
  );
  return outputs;
}

export const adamStepKernelConfig: KernelConfig = { kernelName: ADAM_STEP, backendName: 'wasm', kernelFunc: adamStep as unknown as KernelFunc };
