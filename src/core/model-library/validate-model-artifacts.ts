import { frameCount, modelInputBins, modelInputName } from '../features/feature-config';
import { findForeignConfigClass } from './builtin-classes';
import { describeValue, isPlainObject } from './json-reader';
import { ALLOWED_LAYER_CLASSES, type ExpectedWeight, fail, LAYER_RULES } from './layer-rules';
import { ModelFileError } from './model-file-error';
import { manifestWeights, METADATA_KEY, type ModelJson, parseModelJsonShape, type WeightSpec } from './model-json';
import { type ModelMetadata, parseModelMetadata } from './model-metadata';
import { type TopologyLayer, topologyLayers } from './topology-layers';

/** A model whose topology, weights and metadata were all checked and agree with each other. */
export interface ValidatedModel {
  readonly modelJson: ModelJson;
  readonly metadata: ModelMetadata;
  readonly weights: Uint8Array;
}

/** The shapes a model's layers imply: its input, output, weights, and whether it ends in a softmax. */
interface LayerWalk {
  readonly input: readonly (number | null)[];
  readonly output: readonly number[];
  readonly weights: readonly ExpectedWeight[];
  readonly softmax: boolean;
  readonly lastWeighted: TopologyLayer | undefined;
}

const FLOAT32_BYTES = 4;

/**
 * Checks a tfjs layers model (its parsed model.json and the bytes of its weights) before anything
 * is saved: the layers are all of the allowed kinds, the weights are float32 and exactly fill the
 * bytes, each layer's weights have the shapes its config implies, the input fits the features of
 * its metadata and the output has one softmax unit per label. Throws a ModelFileError otherwise.
 */
export function validateModelArtifacts(modelJson: unknown, weights: Uint8Array): ValidatedModel {
  const json = parseModelJsonShape(modelJson);
  const metadata = readEmbeddedMetadata(json);
  const layers = topologyLayers(json.modelTopology);
  checkLayerClasses(layers);
  const walk = walkLayers(layers);
  checkInput(walk.input, metadata);
  checkOutput(walk, metadata.labels);
  checkWeights(manifestWeights(json), walk.weights, weights.byteLength);
  return { modelJson: json, metadata, weights };
}

/** The SER Studio metadata a model.json carries in `userDefinedMetadata.serStudio`, checked. */
export function readEmbeddedMetadata(json: ModelJson): ModelMetadata {
  const embedded = json.userDefinedMetadata?.[METADATA_KEY];
  if (!isPlainObject(embedded)) {
    throw new ModelFileError(
      'This model.json has no SER Studio metadata (labels, features), so the studio cannot tell what its outputs mean or how to make its input. Import a model exported from SER Studio: its .zip, or its model.json with weights.bin.',
    );
  }
  return parseModelMetadata(embedded);
}

function checkLayerClasses(layers: readonly TopologyLayer[]): void {
  for (const layer of layers) {
    if (!ALLOWED_LAYER_CLASSES.includes(layer.className)) {
      throw new ModelFileError(
        `The model's layer "${layer.name}" is a ${layer.className} layer, which the studio does not load (it loads only ${ALLOWED_LAYER_CLASSES.join(', ')}; never custom code such as Lambda layers).`,
      );
    }
    const foreign = findForeignConfigClass(layer.config);
    if (foreign !== undefined) fail(layer, `names the class "${foreign}" in its config, which is not part of TensorFlow.js (custom code is not loaded)`);
  }
}

function walkLayers(layers: readonly TopologyLayer[]): LayerWalk {
  const input = inputShape(layers);
  if (input.slice(1).some((size) => size === null)) {
    throw new ModelFileError(`The model's input shape [${input.map(String).join(', ')}] has an open size; the studio's models take a fixed number of frames and coefficients.`);
  }
  let shape = input.slice(1) as number[];
  let softmax = false;
  let lastWeighted: TopologyLayer | undefined;
  const weights: ExpectedWeight[] = [];
  for (const layer of layers) {
    if (layer.className === 'InputLayer') {
      if (layer !== layers[0]) fail(layer, 'is an input layer in the middle of the model');
      continue;
    }
    const outcome = LAYER_RULES[layer.className](layer, shape, softmax);
    shape = [...outcome.shape];
    softmax = outcome.softmax;
    weights.push(...outcome.weights);
    if (outcome.weights.length > 0) lastWeighted = layer;
  }
  return { input, output: shape, weights, softmax, lastWeighted };
}

/** [null, frames, coefficients], from the InputLayer or (Sequential without one) the first layer. */
function inputShape(layers: readonly TopologyLayer[]): readonly (number | null)[] {
  const first = layers[0];
  const shape = first.config.batch_input_shape ?? first.config.batch_shape;
  const valid = Array.isArray(shape) && shape.every((size) => size === null || (Number.isInteger(size) && size > 0));
  if (!valid) throw new ModelFileError(`The model's first layer "${first.name}" does not say the shape of its input (batch_input_shape).`);
  return shape as (number | null)[];
}

function checkInput(input: readonly (number | null)[], metadata: ModelMetadata): void {
  const config = metadata.featureConfig;
  if (config.fixedLength === null) throw new ModelFileError("The model's metadata gives its features no fixed length, so its fixed input size cannot be met.");
  const expected = [null, frameCount(config, config.fixedLength), modelInputBins(config)];
  if (input.length !== 3 || input[0] !== null || input[1] !== expected[1] || input[2] !== expected[2]) {
    throw new ModelFileError(
      `The model takes input of shape [${input.map(String).join(', ')}], but its features (${modelInputName(config)} × ${expected[1]} frames) need [null, ${expected[1]}, ${expected[2]}]: the model and its metadata do not belong together.`,
    );
  }
}

function checkOutput(walk: LayerWalk, labels: readonly string[]): void {
  const { output, lastWeighted } = walk;
  if (output.length !== 1 || lastWeighted?.className !== 'Dense' || !walk.softmax) {
    throw new ModelFileError("The model does not end in a Dense layer with a softmax, one probability per label, so it is not a classifier the studio can use.");
  }
  if (output[0] !== labels.length) {
    throw new ModelFileError(
      `The model has ${output[0]} outputs but its metadata names ${labels.length} labels (${labels.join(', ')}); there must be one output per label.`,
    );
  }
}

function checkWeights(specs: readonly WeightSpec[], expected: readonly ExpectedWeight[], byteLength: number): void {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  if (byName.size !== specs.length) throw new ModelFileError("The model.json's weights manifest lists a weight twice.");
  for (const spec of specs) checkWeightSpec(spec);
  for (const weight of expected) checkWeightShape(weight, byName.get(weight.name));
  const unknown = specs.find((spec) => !expected.some((weight) => weight.name === spec.name));
  if (unknown !== undefined) throw new ModelFileError(`The model.json's weights manifest lists "${unknown.name}", which no layer of the model has.`);
  const declared = specs.reduce((sum, spec) => sum + elementCount(spec.shape) * FLOAT32_BYTES, 0);
  if (declared !== byteLength) {
    throw new ModelFileError(
      `The weights hold ${byteLength.toLocaleString('en')} bytes, but the model.json describes ${declared.toLocaleString('en')} bytes of weights: the weights file does not belong to this model.json, or it is damaged or cut short.`,
    );
  }
}

function checkWeightSpec(spec: WeightSpec): void {
  if (spec.dtype !== 'float32') throw new ModelFileError(`The weight "${spec.name}" is of type ${describeValue(spec.dtype)}; the studio loads float32 weights only.`);
  if (spec.quantization !== undefined) throw new ModelFileError(`The weight "${spec.name}" is quantized; the studio loads unquantized float32 weights only.`);
}

function checkWeightShape(weight: ExpectedWeight, spec: WeightSpec | undefined): void {
  if (spec === undefined) throw new ModelFileError(`The model.json's weights manifest has no "${weight.name}", which its layers need.`);
  if (spec.shape.join(',') !== weight.shape.join(',')) {
    throw new ModelFileError(`The weight "${weight.name}" has shape [${spec.shape.join(', ')}], but its layer needs [${weight.shape.join(', ')}].`);
  }
}

function elementCount(shape: readonly number[]): number {
  return shape.reduce((product, size) => product * size, 1);
}
