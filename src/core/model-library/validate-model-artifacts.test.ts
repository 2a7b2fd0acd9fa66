import { beforeAll, describe, expect, it } from 'vitest';
import { ModelFileError } from './model-file-error';
import { type SavedModelFiles, thesisModelFiles, tinyMetadata, tinyModelFiles } from './test-support/saved-model';
import { validateModelArtifacts } from './validate-model-artifacts';

type Layer = { class_name: string; config: Record<string, unknown> };

/** model.json as plain, writable JSON. */
interface WritableModelJson {
  format: string;
  modelTopology: { class_name: string; config: { layers: Layer[] } };
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string; quantization?: unknown }[] }[];
  userDefinedMetadata?: Record<string, unknown>;
}

/** A deep copy of the model.json to tamper with. */
function copyJson(files: SavedModelFiles): WritableModelJson {
  return JSON.parse(JSON.stringify(files.modelJson));
}

function refusal(modelJson: unknown, weights: Uint8Array): string {
  try {
    validateModelArtifacts(modelJson, weights);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFileError);
    return (error as Error).message;
  }
  throw new Error('the model was accepted');
}

let tiny: SavedModelFiles;
let thesis: SavedModelFiles;

beforeAll(async () => {
  tiny = await tinyModelFiles();
  thesis = await thesisModelFiles();
});

describe('validateModelArtifacts accepts what tfjs saves', () => {
  it('accepts the thesis CNN (182 × 40 input, 7 labels) and returns its metadata', () => {
    const validated = validateModelArtifacts(thesis.modelJson, thesis.weights);
    expect(validated.metadata.labels).toHaveLength(7);
    expect(validated.metadata.featureConfig.nMfcc).toBe(40);
    // 3 conv blocks (kernel, bias, gamma, beta, moving mean, moving variance) and two dense layers.
    expect(thesis.modelJson.weightsManifest[0].weights).toHaveLength(3 * 6 + 2 * 2);
    expect(thesis.weights.byteLength).toBe(4 * (5 * 40 * 256 + 256 + 4 * 256 + 5 * 256 * 128 + 128 + 4 * 128 + 5 * 128 * 64 + 64 + 4 * 64 + 1472 * 64 + 64 + 64 * 7 + 7));
  });

  it('accepts a small Conv1D/BatchNormalization/MaxPooling1D/Flatten/Dropout/Dense model on 8 × 4 features', () => {
    expect(validateModelArtifacts(tiny.modelJson, tiny.weights).metadata.name).toBe('Tiny');
  });

  it('accepts the same model written as a functional chain with a final Activation layer', () => {
    const json = copyJson(tiny);
    const layers = json.modelTopology.config.layers;
    const dense = layers[layers.length - 1];
    dense.config.activation = 'linear';
    layers.push({ class_name: 'Activation', config: { name: 'probabilities', activation: 'softmax' } });
    const chained = layers.map((layer, i) => ({ ...layer, name: layer.config.name, inbound_nodes: i === 0 ? [] : [[[layers[i - 1].config.name, 0, 0, {}]]] }));
    const functional = {
      ...json,
      modelTopology: {
        class_name: 'Model',
        config: { name: 'chain', layers: chained, input_layers: [[layers[0].config.name, 0, 0]], output_layers: [['probabilities', 0, 0]] },
      },
    };
    expect(validateModelArtifacts(functional, tiny.weights).metadata.labels).toEqual(['anger', 'happiness', 'sadness']);
  });
});

describe('validateModelArtifacts refuses tampered models with a sentence', () => {
  it('refuses a Lambda layer', () => {
    const json = copyJson(tiny);
    json.modelTopology.config.layers.splice(2, 0, { class_name: 'Lambda', config: { name: 'evil', function: 'fetch("x")' } });
    expect(refusal(json, tiny.weights)).toMatch(/layer "evil" is a Lambda layer, which the studio does not load/);
  });

  it('refuses a custom initialiser class inside a layer config', () => {
    const json = copyJson(tiny);
    json.modelTopology.config.layers[1].config.kernel_initializer = { class_name: 'MyInit', config: {} };
    expect(refusal(json, tiny.weights)).toMatch(/names the class "MyInit"/);
  });

  it('refuses weights one byte short or one float too long', () => {
    expect(refusal(tiny.modelJson, tiny.weights.subarray(1))).toMatch(/weights hold \d+ bytes, but the model\.json describes \d+ bytes/);
    const longer = new Uint8Array(tiny.weights.byteLength + 4);
    longer.set(tiny.weights);
    expect(refusal(tiny.modelJson, longer)).toMatch(/does not belong to this model\.json/);
  });

  it('refuses an extra label (more labels than outputs)', () => {
    const json = copyJson(tiny);
    json.userDefinedMetadata!.serStudio = tinyMetadata({ labels: ['anger', 'happiness', 'sadness', 'fear'] });
    expect(refusal(json, tiny.weights)).toMatch(/has 3 outputs but its metadata names 4 labels/);
  });

  it('refuses a model.json that is not JSON, or not a layers model', async () => {
    const { parseJsonText } = await import('./model-json');
    expect(() => parseJsonText('{"format": "layers-model", ', 'model.json')).toThrow(/model\.json is not valid JSON/);
    expect(refusal({ ...tiny.modelJson, format: 'graph-model' }, tiny.weights)).toMatch(/loads only TensorFlow\.js layers models/);
    expect(refusal([1, 2], tiny.weights)).toMatch(/not a TensorFlow\.js model/);
    expect(refusal({ ...tiny.modelJson, weightsManifest: 'weights.bin' }, tiny.weights)).toMatch(/no valid weights manifest/);
  });

  it('refuses NaN (saved as null) or a wrong count in the normalisation', () => {
    const json = copyJson(tiny);
    const metadata = json.userDefinedMetadata!.serStudio as { normalisation: { mean: unknown[]; std: unknown[] } };
    metadata.normalisation.mean[2] = Number.NaN;
    const reparsed = JSON.parse(JSON.stringify(json));
    expect(refusal(reparsed, tiny.weights)).toMatch(/"normalisation\.mean\[2\]" must be a finite number, not null/);
    expect(refusal(json, tiny.weights)).toMatch(/"normalisation\.mean\[2\]" must be a finite number, not NaN/);
    metadata.normalisation.mean = [0, 0, 0];
    expect(refusal(json, tiny.weights)).toMatch(/normalisation has 3 means and 4 standard deviations, but the features have 4 values a frame/);
  });

  it('refuses an input shape that does not fit the features', () => {
    const json = copyJson(tiny);
    json.modelTopology.config.layers[0].config.batch_input_shape = [null, 9, 4];
    expect(refusal(json, tiny.weights)).toMatch(/takes input of shape \[null, 9, 4\], but its features \(4 MFCCs × 8 frames\) need \[null, 8, 4\]/);
  });

  it('refuses the thesis CNN with metadata for other features', () => {
    const json = copyJson(thesis);
    (json.userDefinedMetadata!.serStudio as { featureConfig: { fixedLength: number } }).featureConfig.fixedLength = 66_150;
    expect(refusal(json, thesis.weights)).toMatch(/takes input of shape \[null, 182, 40\], but its features \(40 MFCCs × 130 frames\)/);
  });

  it('refuses a weight whose shape does not match its layer, a float16 weight, a quantized weight and an unknown weight', () => {
    const shaped = copyJson(tiny);
    shaped.weightsManifest[0].weights[0] = { ...shaped.weightsManifest[0].weights[0], shape: [3, 4, 2] };
    expect(refusal(shaped, tiny.weights)).toMatch(/has shape \[3, 4, 2\], but its layer needs \[3, 4, 3\]/);
    const half = copyJson(tiny);
    half.weightsManifest[0].weights[1] = { ...half.weightsManifest[0].weights[1], dtype: 'float16' };
    expect(refusal(half, tiny.weights)).toMatch(/is of type "float16"; the studio loads float32 weights only/);
    const quantized = copyJson(tiny);
    quantized.weightsManifest[0].weights[1] = { ...quantized.weightsManifest[0].weights[1], quantization: { dtype: 'uint8', scale: 1, min: 0 } };
    expect(refusal(quantized, tiny.weights)).toMatch(/is quantized/);
    const extra = copyJson(tiny);
    extra.weightsManifest[0].weights = [...extra.weightsManifest[0].weights, { name: 'stowaway/kernel', shape: [1], dtype: 'float32' }];
    expect(refusal(extra, tiny.weights)).toMatch(/lists "stowaway\/kernel", which no layer of the model has/);
  });

  it('refuses a model without metadata, and one whose output is not a softmax', () => {
    const bare = copyJson(tiny);
    delete bare.userDefinedMetadata;
    expect(refusal(bare, tiny.weights)).toMatch(/this model\.json has no SER Studio metadata \(labels, features\)/i);
    const linear = copyJson(tiny);
    const layers = linear.modelTopology.config.layers;
    layers[layers.length - 1].config.activation = 'linear';
    expect(refusal(linear, tiny.weights)).toMatch(/does not end in a Dense layer with a softmax/);
  });
});
