import type { io } from '@tensorflow/tfjs-core';
import { ModelFileError } from './model-file-error';
import { manifestWeights, METADATA_KEY, type ModelJson } from './model-json';
import type { ModelMetadata } from './model-metadata';

/** The name the studio gives a model's weights file, in bundles and exported pairs alike. */
export const WEIGHTS_FILE_NAME = 'weights.bin';

/**
 * tfjs's in-memory form of a saved model (what `model.save(tf.io.withSaveHandler(…))` hands
 * over) as model.json and one run of weight bytes, with `metadata` embedded under
 * userDefinedMetadata.serStudio and the manifest pointing at weights.bin; no training config.
 */
export function modelJsonFromArtifacts(artifacts: io.ModelArtifacts, metadata: ModelMetadata): { modelJson: ModelJson; weights: Uint8Array } {
  if (artifacts.modelTopology === undefined || artifacts.modelTopology instanceof ArrayBuffer || artifacts.weightSpecs === undefined) {
    throw new ModelFileError('The model has no layers topology or weight list to save; only TensorFlow.js layers models can be saved.');
  }
  const modelJson: ModelJson = {
    format: 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology as Record<string, unknown>,
    weightsManifest: [{ paths: [WEIGHTS_FILE_NAME], weights: artifacts.weightSpecs }],
    userDefinedMetadata: { ...artifacts.userDefinedMetadata, [METADATA_KEY]: metadata },
  };
  return { modelJson, weights: concatWeightData(artifacts.weightData) };
}

/** model.json with `metadata` as its embedded metadata and one weights file, weights.bin. */
export function withEmbeddedMetadata(modelJson: ModelJson, metadata: ModelMetadata): ModelJson {
  return {
    ...modelJson,
    weightsManifest: [{ paths: [WEIGHTS_FILE_NAME], weights: manifestWeights(modelJson) }],
    userDefinedMetadata: { ...modelJson.userDefinedMetadata, [METADATA_KEY]: metadata },
  };
}

/**
 * tfjs's in-memory form of a checked model.json and its weights, as `tf.io.fromMemory` takes it.
 * A training config (optimizer and loss, which tfjs would deserialise on load) is left out: it is
 * not checked, predicting does not need it, and the studio compiles a model itself to train it.
 */
export function artifactsFromModelJson(modelJson: ModelJson, weights: Uint8Array): io.ModelArtifacts {
  return {
    modelTopology: modelJson.modelTopology,
    weightSpecs: manifestWeights(modelJson) as io.WeightsManifestEntry[],
    // A copy: the bytes may be a view into a larger buffer (a ZIP entry read with its neighbours).
    weightData: weights.slice().buffer,
    format: modelJson.format,
    generatedBy: modelJson.generatedBy,
    convertedBy: modelJson.convertedBy ?? null,
    ...(modelJson.userDefinedMetadata === undefined ? {} : { userDefinedMetadata: modelJson.userDefinedMetadata as Record<string, {}> }),
  };
}

function concatWeightData(data: io.WeightData | undefined): Uint8Array {
  if (data === undefined) return new Uint8Array(0);
  const parts = Array.isArray(data) ? data : [data];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(new Uint8Array(part), at);
    at += part.byteLength;
  }
  return out;
}
