import { describeValue, isPlainObject } from './json-reader';
import { ModelFileError } from './model-file-error';

/** One weight as a tfjs weights manifest lists it. */
export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: string;
  /** Present only in quantized models, which the studio does not load. */
  readonly quantization?: unknown;
}

/** One group of the manifest: its weights are the concatenation of the files named in `paths`. */
export interface WeightsManifestGroup {
  readonly paths: readonly string[];
  readonly weights: readonly WeightSpec[];
}

/**
 * A tfjs layers-format model.json (what `model.save('downloads://…')` writes) as far as the studio
 * reads it; other keys are kept as they are.
 */
export interface ModelJson {
  readonly format: 'layers-model';
  readonly modelTopology: Record<string, unknown>;
  readonly weightsManifest: readonly WeightsManifestGroup[];
  readonly userDefinedMetadata?: Record<string, unknown>;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
  readonly [key: string]: unknown;
}

/** The key under userDefinedMetadata that holds a SER Studio model's metadata. */
export const METADATA_KEY = 'serStudio';

/** model.json's text as JSON, or a ModelFileError saying it is not JSON. */
export function parseJsonText(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ModelFileError(`${fileName} is not valid JSON, so it is not a TensorFlow.js model.json (the file may be damaged or cut short).`);
  }
}

/** Checks model.json's outer shape: a layers model with a topology and a weights manifest. */
export function parseModelJsonShape(value: unknown): ModelJson {
  if (!isPlainObject(value)) throw new ModelFileError(`The model.json is not a TensorFlow.js model: it holds ${describeValue(value)} instead of an object.`);
  if (value.format !== 'layers-model') {
    const found = value.format === undefined ? 'no "format"' : `the format ${describeValue(value.format)}`;
    throw new ModelFileError(
      `The model.json has ${found}; the studio loads only TensorFlow.js layers models ("layers-model"), such as the ones it saves. Graph models and Keras .h5 files cannot be used.`,
    );
  }
  if (!isPlainObject(value.modelTopology)) throw new ModelFileError('The model.json has no model topology (its layers), so there is no model to load.');
  if (!Array.isArray(value.weightsManifest) || !value.weightsManifest.every(isManifestGroup)) {
    throw new ModelFileError('The model.json has no valid weights manifest (the list of its weights and the files that hold them).');
  }
  if (value.userDefinedMetadata !== undefined && !isPlainObject(value.userDefinedMetadata)) {
    throw new ModelFileError('The model.json\'s "userDefinedMetadata" is not an object.');
  }
  return value as ModelJson;
}

function isManifestGroup(group: unknown): group is WeightsManifestGroup {
  return (
    isPlainObject(group) &&
    Array.isArray(group.paths) &&
    group.paths.every((path) => typeof path === 'string' && path !== '') &&
    Array.isArray(group.weights) &&
    group.weights.every(isWeightSpec)
  );
}

function isWeightSpec(spec: unknown): spec is WeightSpec {
  return (
    isPlainObject(spec) &&
    typeof spec.name === 'string' &&
    typeof spec.dtype === 'string' &&
    Array.isArray(spec.shape) &&
    spec.shape.every((size) => Number.isInteger(size) && (size as number) >= 0)
  );
}

/** The manifest's weights in the order their bytes follow each other. */
export function manifestWeights(modelJson: ModelJson): WeightSpec[] {
  return modelJson.weightsManifest.flatMap((group) => group.weights);
}

/** The files named by the manifest, in the order their bytes are concatenated. */
export function manifestPaths(modelJson: ModelJson): string[] {
  return modelJson.weightsManifest.flatMap((group) => group.paths);
}
