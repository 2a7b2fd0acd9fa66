/*
 * The model library's core: what is kept with every trained model (ModelMetadata), the checks a
 * model must pass before it is saved or imported (validateModelArtifacts), and the model file
 * (a ZIP bundle, or tfjs's model.json + weights.bin pair). No DOM, no IndexedDB.
 */
export { type ClassScores, type EvaluationMetrics } from './evaluation-metrics';
export { artifactsFromModelJson, modelJsonFromArtifacts, WEIGHTS_FILE_NAME, withEmbeddedMetadata } from './model-artifacts';
export { METADATA_JSON_NAME, MODEL_JSON_NAME, type ModelFiles, modelPairFiles, readModelBundle, readModelFiles, writeModelBundle } from './model-bundle';
export { ModelFileError } from './model-file-error';
export { METADATA_KEY, type ModelJson, type WeightSpec } from './model-json';
export {
  type DatasetSummary,
  isModelId,
  MODEL_METADATA_VERSION,
  type ModelMetadata,
  parseModelMetadata,
  parseModelName,
  SPLIT_KINDS,
  type TrainingSettings,
} from './model-metadata';
export { readEmbeddedMetadata, type ValidatedModel, validateModelArtifacts } from './validate-model-artifacts';
