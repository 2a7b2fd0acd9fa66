/*
 * The one message protocol between the page and the studio's workers. Every request carries a
 * `type` and an `id`; every response echoes the `id` of the request it answers. New kinds of work
 * add a member to WorkerRequest and its answer to WorkerResponse.
 */
import type { DatasetItem, DatasetReport } from '../src/core/dataset';
import type { WaveformPeaks } from '../src/core/audio/waveform-peaks';
import type { FeatureConfig } from '../src/core/features/feature-config';
import type { FeatureMatrix } from '../src/core/features/feature-matrix';
import type { FeatureCacheSize } from './feature-cache/feature-cache';
import type { ClipFeatures } from './features/clip-job';
import type { ClipVariant } from './features/clip-variant';
import type { AugmentationPlan } from './training-data/copy-plan';
import type { TrainingData, TrainingSides } from './training-data/prepare-training-data';
import type { TrainingDataProgress } from './training-data/training-data-progress';
import { packedBuffers } from './training-data/packed-features';
import type { AugmentationKind, AugmentationSpec } from '../src/core/augment';
import type { SplitKind } from '../src/core/dataset';
import type { ClipPrediction } from '../src/core/predict/clip-prediction';
import type { TrueLabel } from '../src/core/predict/true-label';
import type { Calibration } from '../src/core/predict/calibration';
import type { TestProgress, TestReport } from './prediction/test-report';
import type { LiveSettings, LiveUpdate } from '../src/core/stream/live-engine';
import type { SideEvaluation } from './training/predict-packed';
import type { InterruptedRun } from './training/run-journal';
import type { TrainingSettings } from './training/training-settings';

/** Audio as the page hands it over: a file's bytes, or samples the page decoded with the browser's decoder. */
export type AudioSource =
  | { readonly kind: 'bytes'; readonly bytes: ArrayBuffer }
  | {
      readonly kind: 'decoded';
      readonly channels: Float32Array[];
      readonly sampleRate: number;
      readonly sourceFormat: string;
    };

/** Decode (when given bytes), resample and featurise one file. */
export interface AnalyseRequest {
  readonly type: 'analyse';
  readonly id: number;
  readonly fileName: string;
  readonly source: AudioSource;
}

/** Read, label, decode and featurise every audio entry of one or more dropped ZIPs, as one dataset. */
export interface LoadDatasetRequest {
  readonly type: 'load-dataset';
  readonly id: number;
  readonly files: readonly File[];
  /** How many feature workers to fan the work out to; the core count when absent. */
  readonly featureWorkers?: number;
}

/** How much the dataset worker's feature cache holds. */
export interface FeatureCacheSizeRequest {
  readonly type: 'feature-cache-size';
  readonly id: number;
}

/** Empties the feature cache; answered with its (zero) size. */
export interface ClearFeatureCacheRequest {
  readonly type: 'clear-feature-cache';
  readonly id: number;
}

/**
 * Packs the loaded dataset's split sides for training, with `augmentation.copies` augmented copies
 * of each training item (never of validation or test items), deterministic for `seed`.
 */
export interface PrepareTrainingRequest {
  readonly type: 'prepare-training';
  readonly id: number;
  readonly sides: TrainingSides;
  readonly augmentation: AugmentationPlan;
  readonly seed: number;
  /** How many feature workers make the copies; the core count when absent. */
  readonly featureWorkers?: number;
}

/** One item of the loaded dataset as the model hears it, and one augmented copy of it, to listen to. */
export interface AugmentationExampleRequest {
  readonly type: 'augmentation-example';
  readonly id: number;
  readonly path: string;
  readonly spec: AugmentationSpec;
  readonly seed: number;
}

export type DatasetWorkerRequest = LoadDatasetRequest | FeatureCacheSizeRequest | ClearFeatureCacheRequest | PrepareTrainingRequest | AugmentationExampleRequest;

/** From the dataset worker to one of its feature workers: decode one file and featurise copies of it. */
export interface FeaturiseRequest {
  readonly type: 'featurise';
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly variants: readonly ClipVariant[];
}

/** What the model's record says about the data it learnt from. */
export interface TrainingContext {
  /** The dropped ZIPs' names. */
  readonly sources: readonly string[];
  readonly splitKind: SplitKind;
  readonly splitSeed: number;
  readonly augmentationCopies: number;
  readonly augmentationKinds: readonly AugmentationKind[];
  /** Files per side, before augmentation. */
  readonly files: Readonly<Record<'train' | 'validation' | 'test', number>>;
  /** Training files per label, before augmentation. */
  readonly trainFilesPerLabel: Readonly<Record<string, number>>;
  /** Every speaker of the dataset. */
  readonly speakers: readonly string[];
  /** The speakers of the training side: the voices the model has heard. */
  readonly trainingSpeakers: readonly string[];
}

/** Trains the thesis CNN on packed features and keeps the model in the library. */
export interface TrainRequest {
  readonly type: 'train';
  readonly id: number;
  readonly data: TrainingData;
  /** Class names, in the order of the label indices and of the model's outputs. */
  readonly labels: readonly string[];
  readonly settings: TrainingSettings;
  readonly context: TrainingContext;
  /**
   * 'fold': one fold of a cross-validation, scored and then dropped: no model is saved and no
   * journal kept (the page keeps each finished fold's figures instead). Absent: a model to keep.
   */
  readonly purpose?: 'model' | 'fold';
}

/** Stops the run `runId` after the batch in progress; nothing is saved. */
export interface CancelTrainingRequest {
  readonly type: 'cancel-training';
  readonly id: number;
  readonly runId: number;
}

/** Continues the interrupted run kept in the journal, from its last checkpoint; answered like a TrainRequest. */
export interface ResumeTrainingRequest {
  readonly type: 'resume-training';
  readonly id: number;
}

/** Asks whether a run was interrupted (a reload, a closed tab); `discard` forgets it. Answered with InterruptedRunResponse. */
export interface InterruptedRunRequest {
  readonly type: 'interrupted-run';
  readonly id: number;
  readonly discard: boolean;
}

/** Predicts the emotion of one file with the stored model `modelId`. */
export interface PredictRequest {
  readonly type: 'predict';
  readonly id: number;
  readonly modelId: string;
  readonly fileName: string;
  readonly source: AudioSource;
}

/** Tests the stored model `modelId` on the audio files of dropped ZIPs, labelled as for training. */
export interface TestArchivesRequest {
  readonly type: 'test-archives';
  readonly id: number;
  readonly modelId: string;
  readonly files: readonly File[];
}

/** Loads the stored model `modelId` ahead of the first prediction, so a page is ready when the user drops a file. */
export interface PrepareModelRequest {
  readonly type: 'prepare-model';
  readonly id: number;
  readonly modelId: string;
}

export type PredictionWorkerRequest = PredictRequest | TestArchivesRequest | PrepareModelRequest;

/**
 * Starts live prediction with the stored model `modelId` on microphone samples at `sampleRate`,
 * read from a shared ring or received as blocks on `port`. Answered by live-ready, then a
 * live-update per hop until live-stop.
 */
export interface LiveStartRequest {
  readonly type: 'live-start';
  readonly id: number;
  readonly modelId: string;
  readonly sampleRate: number;
  readonly input: { readonly kind: 'ring'; readonly ring: SharedArrayBuffer } | { readonly kind: 'port'; readonly port: MessagePort };
  readonly settings: LiveSettings;
  /** Whether to keep the session's audio for saving (it grows by the input's rate × 4 bytes a second). */
  readonly keepAudio: boolean;
}

export interface LiveSettingsRequest {
  readonly type: 'live-settings';
  readonly id: number;
  readonly settings: LiveSettings;
}

/** Ends the session; answered with its audio as a WAV. */
export interface LiveStopRequest {
  readonly type: 'live-stop';
  readonly id: number;
}

export type LiveWorkerRequest = LiveStartRequest | LiveSettingsRequest | LiveStopRequest;

export type TrainingWorkerRequest = TrainRequest | CancelTrainingRequest | ResumeTrainingRequest | InterruptedRunRequest;

export type WorkerRequest = AnalyseRequest | DatasetWorkerRequest | FeaturiseRequest | TrainingWorkerRequest | PredictionWorkerRequest | LiveWorkerRequest;

/** Facts about an analysed file. */
export interface AudioInfo {
  readonly fileName: string;
  /** "WAV PCM 16-bit", "Ogg Vorbis, decoded by the browser", ... */
  readonly sourceFormat: string;
  /** The file's own sample rate, in Hz. */
  readonly sourceRate: number;
  readonly channels: number;
  /** Seconds of audio in the file. */
  readonly duration: number;
  /** The rate the features were computed at, in Hz. */
  readonly sampleRate: number;
}

/** Milliseconds spent in each step; decodeMs is 0 when the page decoded the file. */
export interface AnalysisTimings {
  readonly decodeMs: number;
  readonly resampleMs: number;
  readonly featuresMs: number;
}

export interface AnalysisResponse {
  readonly type: 'analysis';
  readonly id: number;
  readonly info: AudioInfo;
  /** The parameters the features were computed with. */
  readonly config: FeatureConfig;
  readonly logMel: FeatureMatrix;
  readonly mfcc: FeatureMatrix;
  /** The mono signal at the features' rate, as a waveform view draws it. */
  readonly waveform: WaveformPeaks;
  readonly timings: AnalysisTimings;
}

/**
 * A request that could not be done. `message` is a sentence for the user; `unsupported` means the
 * worker cannot decode this format but the page's browser decoder may.
 */
export interface FailureResponse {
  readonly type: 'failure';
  readonly id: number;
  readonly message: string;
  readonly unsupported: boolean;
}

/** How far a dataset load has come; counts are of audio-file entries across all archives. */
export interface DatasetProgress {
  readonly entriesTotal: number;
  readonly read: number;
  readonly decoded: number;
  readonly featurised: number;
  readonly skipped: number;
  /** Entries whose features (or skip reason) came from the feature cache instead of being read and decoded; also counted as featurised or skipped. */
  readonly fromCache: number;
  /** Seconds still to go, estimated from the pace so far; null until there is a pace. */
  readonly etaSeconds: number | null;
}

export interface DatasetProgressResponse {
  readonly type: 'dataset-progress';
  readonly id: number;
  readonly progress: DatasetProgress;
}

/** What happened to one dropped file as a whole: `problems` are sentences for users (unreadable ZIP, no audio, manifest rows). */
export interface ArchiveOutcome {
  readonly name: string;
  /** Whether its entries were listed; false for a file that is not a readable ZIP. */
  readonly opened: boolean;
  readonly audioFiles: number;
  readonly problems: readonly string[];
}

/** How many files one labelling rule labelled: `RAVDESS name`, `emotion folder`, ... */
export interface LabelRuleTally {
  readonly rule: string;
  readonly files: number;
  /** The path of one file it labelled. */
  readonly example: string;
}

export interface DatasetLoadedResponse {
  readonly type: 'dataset-loaded';
  readonly id: number;
  /** Every entry of every archive, skipped ones with their reason; paths prefixed with the archive's name. */
  readonly items: readonly DatasetItem[];
  readonly report: DatasetReport;
  readonly archives: readonly ArchiveOutcome[];
  readonly labelRules: readonly LabelRuleTally[];
  readonly progress: DatasetProgress;
  /** A sentence for the user when the feature cache could not be used (full, unavailable); the load itself succeeded. */
  readonly cacheNotice: string | null;
}

export interface FeatureCacheSizeResponse {
  readonly type: 'feature-cache-size';
  readonly id: number;
  readonly size: FeatureCacheSize;
}

/** A feature worker's answer to a FeaturiseRequest. */
export interface ClipFeaturesResponse {
  readonly type: 'clip-features';
  readonly id: number;
  readonly result: ClipFeatures;
}

export interface TrainingDataProgressResponse {
  readonly type: 'training-data-progress';
  readonly id: number;
  readonly progress: TrainingDataProgress;
}

export interface TrainingDataResponse {
  readonly type: 'training-data';
  readonly id: number;
  readonly data: TrainingData;
}

export interface AudioExampleResponse {
  readonly type: 'audio-example';
  readonly id: number;
  readonly sampleRate: number;
  readonly original: Float32Array;
  readonly augmented: Float32Array;
}

/** The backend a run trains on, and why it was chosen. */
export interface BackendReport {
  /** tfjs's name: wasm, webgpu, webgl, cpu. */
  readonly name: string;
  /** Threads the wasm backend uses (1 where the page is not cross-origin isolated). */
  readonly threads: number;
  readonly reason: string;
}

export interface TrainingStartedResponse {
  readonly type: 'training-started';
  readonly id: number;
  readonly backend: BackendReport;
  readonly trainRows: number;
  readonly validationRows: number;
  readonly batchesPerEpoch: number;
  /** Whether the run keeps checkpoints (false when storage is full or refused): then a reload loses it. */
  readonly resumable: boolean;
  /** Epochs done before this start: 0 for a new run; the checkpoint's epoch for a resumed one (its epochs follow as training-epoch). */
  readonly resumedAfterEpoch: number;
}

export interface TrainingBatchResponse {
  readonly type: 'training-batch';
  readonly id: number;
  /** 1-based epoch; 0-based batch. */
  readonly epoch: number;
  readonly batch: number;
  readonly loss: number;
  readonly accuracy: number;
}

/** One finished epoch. */
export interface EpochFigures {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly validationLoss: number | null;
  readonly validationAccuracy: number | null;
  readonly validationUar: number | null;
  readonly seconds: number;
  readonly samplesPerSecond: number;
}

export interface TrainingEpochResponse {
  readonly type: 'training-epoch';
  readonly id: number;
  readonly figures: EpochFigures;
}

/** The saved model, or why it could not be saved (the metrics are still shown). */
export type SavedModel = { readonly saved: true; readonly id: string; readonly name: string } | { readonly saved: false; readonly problem: string };

export interface TrainingResult {
  readonly epochsRun: number;
  /** The epoch whose weights the model kept (the best monitored validation figure with early stopping, else the last). */
  readonly bestEpoch: number;
  readonly stoppedEarly: boolean;
  readonly seconds: number;
  readonly train: SideEvaluation;
  readonly validation: SideEvaluation | null;
  readonly test: SideEvaluation | null;
  /** Temperature and "unsure" threshold fitted on the validation side (null without one). */
  readonly calibration: Calibration | null;
  readonly model: SavedModel;
}

export interface TrainingFinishedResponse {
  readonly type: 'training-finished';
  readonly id: number;
  readonly result: TrainingResult;
}

export interface InterruptedRunResponse {
  readonly type: 'interrupted-run';
  readonly id: number;
  readonly run: InterruptedRun | null;
}

export interface TrainingCancelledResponse {
  readonly type: 'training-cancelled';
  readonly id: number;
}

/** What the training worker answers a TrainRequest with: started, batches and epochs, then finished, cancelled or a failure. */
export type TrainingWorkerResponse =
  | TrainingStartedResponse
  | TrainingBatchResponse
  | TrainingEpochResponse
  | TrainingFinishedResponse
  | TrainingCancelledResponse
  | InterruptedRunResponse
  | FailureResponse;

export interface PredictionResponse {
  readonly type: 'prediction';
  readonly id: number;
  readonly info: AudioInfo;
  readonly prediction: ClipPrediction;
  /** What the file's name or folder says, against the model's labels; null when it says nothing. */
  readonly truth: TrueLabel | null;
}

export interface TestProgressResponse {
  readonly type: 'test-progress';
  readonly id: number;
  readonly progress: TestProgress;
}

export interface TestReportResponse {
  readonly type: 'test-report';
  readonly id: number;
  readonly report: TestReport;
}

export interface ModelPreparedResponse {
  readonly type: 'model-prepared';
  readonly id: number;
  /** Milliseconds the worker took: backend start, loading the model, building its features' tables, one warm-up prediction. */
  readonly milliseconds: number;
}

/** What the prediction worker answers: a prediction, test progress then the report, a prepared model; or a failure. */
export type PredictionWorkerResponse = PredictionResponse | TestProgressResponse | TestReportResponse | ModelPreparedResponse | FailureResponse;

export interface LiveReadyResponse {
  readonly type: 'live-ready';
  readonly id: number;
  readonly labels: readonly string[];
  /** Input frames in one model window. */
  readonly windowFrames: number;
}

export interface LiveUpdateResponse {
  readonly type: 'live-update';
  readonly id: number;
  readonly update: LiveUpdate;
  /** Input frames received and dropped (the ring was full) so far. */
  readonly received: number;
  readonly dropped: number;
  /** tfjs tensors alive in the worker, to show that none leak. */
  readonly tensors: number;
}

export interface LiveStoppedResponse {
  readonly type: 'live-stopped';
  readonly id: number;
  /** The session's audio (32-bit float WAV at the input rate, the very samples the updates used); truncated when the session outgrew the limit. */
  readonly wav: Uint8Array;
  readonly truncated: boolean;
}

export type LiveWorkerResponse = LiveReadyResponse | LiveUpdateResponse | LiveStoppedResponse | FailureResponse;

/** What the audio analysis worker answers. */
export type AnalysisWorkerResponse = AnalysisResponse | FailureResponse;
/** What the dataset worker answers: progress, then the loaded dataset or a failure. */
export type DatasetWorkerResponse =
  | DatasetProgressResponse
  | DatasetLoadedResponse
  | FeatureCacheSizeResponse
  | TrainingDataProgressResponse
  | TrainingDataResponse
  | AudioExampleResponse
  | FailureResponse;

/** What a feature worker answers. */
export type FeatureWorkerResponse = ClipFeaturesResponse | FailureResponse;

export type WorkerResponse = AnalysisWorkerResponse | DatasetWorkerResponse | FeatureWorkerResponse | TrainingWorkerResponse | PredictionWorkerResponse | LiveWorkerResponse;

/** The buffers a message can hand over without copying (a SharedArrayBuffer is shared, never transferred). */
export function transferList(message: WorkerRequest | WorkerResponse): Transferable[] {
  const buffers = buffersOf(message);
  return [...new Set(buffers.filter((buffer): buffer is ArrayBuffer | MessagePort => buffer instanceof ArrayBuffer || (typeof MessagePort !== 'undefined' && buffer instanceof MessagePort)))];
}

function buffersOf(message: WorkerRequest | WorkerResponse): (ArrayBufferLike | MessagePort)[] {
  switch (message.type) {
    case 'analyse':
    case 'predict':
      return message.source.kind === 'bytes' ? [message.source.bytes] : message.source.channels.map((c) => c.buffer);
    case 'analysis':
      return [message.logMel.data.buffer, message.mfcc.data.buffer, message.waveform.min.buffer, message.waveform.max.buffer];
    case 'featurise':
      return [message.bytes.buffer];
    case 'clip-features':
      return message.result.kind === 'featurised' ? message.result.features.map((matrix) => matrix.data.buffer) : [];
    case 'training-data':
    case 'train':
      return [message.data.train, message.data.validation, message.data.test].flatMap(packedBuffers);
    case 'live-stopped':
      return [message.wav.buffer];
    case 'live-start':
      return message.input.kind === 'port' ? [message.input.port] : [];
    case 'cancel-training':
    case 'resume-training':
    case 'live-settings':
    case 'live-stop':
    case 'live-ready':
    case 'live-update':
    case 'interrupted-run':
    case 'prediction':
    case 'test-archives':
    case 'prepare-model':
    case 'model-prepared':
    case 'test-progress':
    case 'test-report':
    case 'training-started':
    case 'training-batch':
    case 'training-epoch':
    case 'training-finished':
    case 'training-cancelled':
      return [];
    case 'audio-example':
      return [message.original.buffer, message.augmented.buffer];
    case 'failure':
    case 'prepare-training':
    case 'augmentation-example':
    case 'training-data-progress':
    case 'load-dataset':
    case 'dataset-progress':
    case 'dataset-loaded':
    case 'feature-cache-size':
    case 'clear-feature-cache':
      return [];
  }
}
