// The model core's public API: what a training worker uses.
export { evaluate, type Evaluation } from './evaluate';
export { DEFAULT_MASKING, type MaskingOptions, maskingProblems } from './spec-augment';
export { createThesisCnn, THESIS_INPUT_SHAPE, type ThesisCnnOptions } from './thesis-cnn';
export { trainModel } from './train-model';
export type {
  BatchMetrics, BestEpoch, EarlyStoppingOptions, EpochMetrics, LabelledFeatures, StopReason, TensorSnapshot, TrainingCheckpoint, TrainingResult, TrainOptions,
} from './training-types';
export { useWasmBackend, type WasmBackendOptions } from './use-wasm-backend';
export { registerWasmTrainingKernels } from './wasm-kernels/register-wasm-training-kernels';
export { restoreModelWeights, snapshotModelWeights } from './weights-snapshot';
