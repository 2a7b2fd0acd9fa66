import { describeValue } from './json-reader';
import { ModelFileError } from './model-file-error';
import type { TopologyLayer } from './topology-layers';

/** A weight a layer must have, by its full name (`layer/param`) and shape. */
export interface ExpectedWeight {
  readonly name: string;
  readonly shape: readonly number[];
}

/** What a layer turns its input into: the output shape (no batch axis), its weights, whether the output is a softmax. */
export interface LayerOutcome {
  readonly shape: readonly number[];
  readonly weights: readonly ExpectedWeight[];
  readonly softmax: boolean;
}

type LayerRule = (layer: TopologyLayer, input: readonly number[], inputIsSoftmax: boolean) => LayerOutcome;

/** tfjs's built-in activations; a name outside it would be a custom function. */
const ACTIVATIONS = new Set(['linear', 'relu', 'relu6', 'elu', 'selu', 'softmax', 'sigmoid', 'hard_sigmoid', 'tanh', 'softplus', 'softsign', 'swish', 'mish', 'gelu', 'gelu_new']);

/** The layers a SER Studio model may hold; anything else (Lambda, custom layers) is refused. */
export const LAYER_RULES: Readonly<Record<string, LayerRule>> = {
  Conv1D: conv1d,
  BatchNormalization: batchNormalization,
  MaxPooling1D: maxPooling1d,
  GlobalAveragePooling1D: globalPooling1d,
  Dropout: (_layer, input, softmax) => ({ shape: input, weights: [], softmax }),
  Flatten: (_layer, input) => ({ shape: [input.reduce((a, b) => a * b, 1)], weights: [], softmax: false }),
  Dense: dense,
  Activation: (layer, input) => ({ shape: input, weights: [], softmax: activation(layer) === 'softmax' }),
};

export const ALLOWED_LAYER_CLASSES = ['InputLayer', ...Object.keys(LAYER_RULES)];

function conv1d(layer: TopologyLayer, input: readonly number[]): LayerOutcome {
  const [frames, channels] = sequenceInput(layer, input);
  checkChannelsLast(layer);
  const filters = positiveInteger(layer, 'filters');
  const kernel = singleInteger(layer, 'kernel_size');
  const stride = singleInteger(layer, 'strides', 1);
  const dilation = singleInteger(layer, 'dilation_rate', 1);
  if (stride > 1 && dilation > 1) fail(layer, 'has both a stride and a dilation above 1, which tfjs does not support');
  const padding = oneOf(layer, 'padding', ['valid', 'same', 'causal']);
  const length = outputLength(frames, kernel, stride, padding, dilation);
  if (length < 1) fail(layer, `leaves no frames: its kernel (${kernel}) is longer than its ${frames} input frames`);
  activation(layer);
  return {
    shape: [length, filters],
    weights: withBias(layer, [{ name: `${layer.name}/kernel`, shape: [kernel, channels, filters] }], filters),
    softmax: activation(layer) === 'softmax',
  };
}

function maxPooling1d(layer: TopologyLayer, input: readonly number[]): LayerOutcome {
  const [frames, channels] = sequenceInput(layer, input);
  checkChannelsLast(layer);
  const pool = singleInteger(layer, 'pool_size', 2);
  const stride = layer.config.strides === null ? pool : singleInteger(layer, 'strides', pool);
  const length = outputLength(frames, pool, stride, oneOf(layer, 'padding', ['valid', 'same']), 1);
  if (length < 1) fail(layer, `leaves no frames: its pool (${pool}) is longer than its ${frames} input frames`);
  return { shape: [length, channels], weights: [], softmax: false };
}

/** The mean over frames: one value per channel, whatever the clip's length. */
function globalPooling1d(layer: TopologyLayer, input: readonly number[]): LayerOutcome {
  const [, channels] = sequenceInput(layer, input);
  checkChannelsLast(layer);
  return { shape: [channels], weights: [], softmax: false };
}

function batchNormalization(layer: TopologyLayer, input: readonly number[]): LayerOutcome {
  const axis = layer.config.axis ?? -1;
  // The batch axis is 0, so the last feature axis is input.length (not input.length - 1).
  if (axis !== -1 && axis !== input.length) fail(layer, `normalises axis ${describeValue(axis)}; only the last axis (the channels) is supported`);
  const channels = input[input.length - 1];
  const param = (name: string) => ({ name: `${layer.name}/${name}`, shape: [channels] });
  const weights = [
    ...(flag(layer, 'scale', true) ? [param('gamma')] : []),
    ...(flag(layer, 'center', true) ? [param('beta')] : []),
    param('moving_mean'),
    param('moving_variance'),
  ];
  return { shape: input, weights, softmax: false };
}

function dense(layer: TopologyLayer, input: readonly number[]): LayerOutcome {
  const units = positiveInteger(layer, 'units');
  const inputs = input[input.length - 1];
  return {
    shape: [...input.slice(0, -1), units],
    weights: withBias(layer, [{ name: `${layer.name}/kernel`, shape: [inputs, units] }], units),
    softmax: activation(layer) === 'softmax',
  };
}

/** Keras's conv_output_length, which tfjs follows. */
function outputLength(length: number, kernel: number, stride: number, padding: string, dilation: number): number {
  const dilatedKernel = kernel + (kernel - 1) * (dilation - 1);
  const padded = padding === 'valid' ? length - dilatedKernel + 1 : length;
  return Math.floor((padded + stride - 1) / stride);
}

function withBias(layer: TopologyLayer, weights: ExpectedWeight[], units: number): ExpectedWeight[] {
  return flag(layer, 'use_bias', true) ? [...weights, { name: `${layer.name}/bias`, shape: [units] }] : weights;
}

function sequenceInput(layer: TopologyLayer, input: readonly number[]): readonly [number, number] {
  if (input.length !== 2) fail(layer, `needs a sequence of frames (frames × channels) as input, but gets a shape of [${input.join(', ')}]`);
  return [input[0], input[1]];
}

function checkChannelsLast(layer: TopologyLayer): void {
  const format = layer.config.data_format;
  if (format !== undefined && format !== null && format !== 'channelsLast' && format !== 'channels_last') fail(layer, 'does not keep channels last');
}

function activation(layer: TopologyLayer): string {
  const name = layer.config.activation ?? 'linear';
  if (typeof name !== 'string' || !ACTIVATIONS.has(name)) fail(layer, `uses the activation ${describeValue(name)}, which is not one of tfjs's built-in activations`);
  return name;
}

function positiveInteger(layer: TopologyLayer, key: string): number {
  const value = layer.config[key];
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 1_000_000) fail(layer, `has "${key}" ${describeValue(value)}, not a positive whole number`);
  return value as number;
}

/** A 1-D size Keras writes either as a number or as a one-element array. */
function singleInteger(layer: TopologyLayer, key: string, fallback?: number): number {
  const raw = layer.config[key];
  if (raw === undefined && fallback !== undefined) return fallback;
  const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 100_000) fail(layer, `has "${key}" ${describeValue(raw)}, not one positive whole number`);
  return value as number;
}

function oneOf(layer: TopologyLayer, key: string, allowed: readonly string[]): string {
  const value = layer.config[key] ?? 'valid';
  if (typeof value !== 'string' || !allowed.includes(value)) fail(layer, `has "${key}" ${describeValue(value)}; it must be ${allowed.join(' or ')}`);
  return value;
}

function flag(layer: TopologyLayer, key: string, fallback: boolean): boolean {
  const value = layer.config[key] ?? fallback;
  if (typeof value !== 'boolean') fail(layer, `has "${key}" ${describeValue(value)}, not true or false`);
  return value;
}

export function fail(layer: TopologyLayer, problem: string): never {
  throw new ModelFileError(`The model's layer "${layer.name}" (${layer.className}) ${problem}.`);
}
