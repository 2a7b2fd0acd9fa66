import type { AugmentationKind } from '../augment/augmentation-spec';
import type { SplitKind } from '../dataset/split-options';
import { type FeatureConfig, modelInputBins } from '../features/feature-config';
import type { FeatureStandardiserJson } from '../features/feature-standardiser';
import type { MaskingOptions } from '../model/spec-augment';
import type { Calibration } from '../predict/calibration';
import { type EvaluationMetrics, parseEvaluationMetrics } from './evaluation-metrics';
import { JsonReader } from './json-reader';
import { ModelFileError } from './model-file-error';
import { parseFeatureConfig } from './parse-feature-config';

/** The version of this metadata's layout; a model file from a newer layout is refused, not misread. */
export const MODEL_METADATA_VERSION = 1;

/** What the model learnt from. */
export interface DatasetSummary {
  /** Training-set files per label, before augmentation. */
  readonly filesPerLabel: Readonly<Record<string, number>>;
  readonly speakers: readonly string[];
  /** The speakers of the training side, whose voices the model has heard (absent in models saved before it was kept). */
  readonly trainingSpeakers?: readonly string[];
  /** The names of the ZIPs the dataset was loaded from. */
  readonly sourceArchives: readonly string[];
}

export interface TrainingSettings {
  readonly epochsRun: number;
  readonly epochsAsked: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly augmentation: { readonly copies: number; readonly kinds: readonly AugmentationKind[] };
  readonly classWeights: boolean;
  /** Decay per step of the weight average the model holds (absent or 0: the epoch's own weights). */
  readonly weightAveraging?: number;
  /** SpecAugment masking in training (absent or null: none). */
  readonly masking?: MaskingOptions | null;
}

/**
 * Everything kept with a trained model, so it can be used, compared and reproduced: its output
 * labels (in the order of its output units), how its input features are made and standardised,
 * what it was trained on and how, and how well it did.
 */
export interface ModelMetadata {
  readonly version: typeof MODEL_METADATA_VERSION;
  readonly id: string;
  readonly name: string;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  readonly labels: readonly string[];
  readonly featureConfig: FeatureConfig;
  /** Per-MFCC-coefficient mean and standard deviation (FeatureStandardiser's JSON form). */
  readonly normalisation: FeatureStandardiserJson;
  readonly dataset: DatasetSummary;
  readonly split: { readonly kind: SplitKind; readonly seed: number };
  readonly training: TrainingSettings;
  readonly metrics: { readonly validation: EvaluationMetrics; readonly test?: EvaluationMetrics };
  /** Temperature and "unsure" threshold fitted on the validation speakers; absent in models saved before calibration existed. */
  readonly calibration?: Calibration;
  /** The tfjs backend it trained on: 'wasm', 'webgl', 'webgpu', 'cpu'. */
  readonly backend: string;
  readonly trainingSeconds: number;
  readonly appVersion: string;
}

export const SPLIT_KINDS: readonly SplitKind[] = ['speaker', 'file', 'random-leaky'];
const AUGMENTATION_KINDS: readonly AugmentationKind[] = ['noise', 'stretch', 'pitch', 'shift'];
/** Ids become IndexedDB keys and tfjs model URLs: letters, digits, '-' and '_' only. */
const MODEL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const CONTEXT = "The model's metadata";
const MAX_NAME_LENGTH = 200;
const MAX_LABELS = 1000;

/** Checks untrusted metadata (from a model file, or built by the trainer) and returns it typed. */
export function parseModelMetadata(value: unknown): ModelMetadata {
  const reader = new JsonReader(value, CONTEXT);
  const version = reader.number('version', { integer: true, min: 1 });
  if (version > MODEL_METADATA_VERSION) {
    throw new ModelFileError(`This model was saved by a newer SER Studio (metadata version ${version}); update the studio to open it.`);
  }
  const labels = parseLabels(reader);
  const featureConfig = parseFeatureConfig(reader.object('featureConfig'));
  return {
    version: MODEL_METADATA_VERSION,
    id: parseModelId(reader),
    name: parseModelName(reader.value.name),
    createdAt: parseTimestamp(reader),
    labels,
    featureConfig,
    normalisation: parseNormalisation(reader.object('normalisation'), modelInputBins(featureConfig)),
    dataset: parseDatasetSummary(reader.object('dataset')),
    split: parseSplit(reader.object('split')),
    training: parseTrainingSettings(reader.object('training')),
    metrics: parseMetrics(reader.object('metrics'), labels),
    ...(reader.has('calibration') && { calibration: parseCalibration(reader.object('calibration')) }),
    backend: reader.string('backend', { nonEmpty: true, maxLength: 40 }),
    trainingSeconds: reader.number('trainingSeconds', { min: 0 }),
    appVersion: reader.string('appVersion', { nonEmpty: true, maxLength: 40 }),
  };
}

/** A name for a model as the user typed it: trimmed, not empty, at most 200 characters. */
export function parseModelName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '') throw new ModelFileError('A model needs a name: type at least one letter or digit.');
  if (name.length > MAX_NAME_LENGTH) throw new ModelFileError(`A model name can be at most ${MAX_NAME_LENGTH} characters long; this one has ${name.length}.`);
  return name;
}

export function isModelId(value: unknown): value is string {
  return typeof value === 'string' && MODEL_ID_PATTERN.test(value);
}

function parseModelId(reader: JsonReader): string {
  const id = reader.value.id;
  if (!isModelId(id)) reader.fail('id', 'up to 64 letters, digits, "-" or "_"');
  return id;
}

function parseTimestamp(reader: JsonReader): string {
  const text = reader.string('createdAt', { nonEmpty: true, maxLength: 40 });
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(Date.parse(text))) reader.fail('createdAt', 'a date and time in ISO 8601 form');
  return new Date(text).toISOString();
}

function parseLabels(reader: JsonReader): string[] {
  const labels = reader.strings('labels', { nonEmpty: true, maxLength: MAX_LABELS }).map((label) => label.trim());
  if (labels.length < 2) throw new ModelFileError(`${CONTEXT} is not valid: a classifier needs at least two labels; it has ${labels.length}.`);
  const repeated = labels.find((label, index) => labels.indexOf(label) !== index);
  if (repeated !== undefined) throw new ModelFileError(`${CONTEXT} is not valid: the label "${repeated}" appears more than once.`);
  return labels;
}

function parseNormalisation(reader: JsonReader, bins: number): FeatureStandardiserJson {
  const mean = reader.numbers('mean');
  const std = reader.numbers('std', { min: 0 });
  if (mean.length !== bins || std.length !== bins) {
    throw new ModelFileError(
      `${CONTEXT} is not valid: the normalisation has ${mean.length} means and ${std.length} standard deviations, but the features have ${bins} values a frame.`,
    );
  }
  return { mean, std };
}

function parseDatasetSummary(reader: JsonReader): DatasetSummary {
  const counts = reader.object('filesPerLabel');
  // fromEntries defines own properties, so even a label named "__proto__" stays a plain count.
  const filesPerLabel = Object.fromEntries(Object.keys(counts.value).map((label) => [label, counts.number(label, { min: 0, integer: true })]));
  return {
    filesPerLabel,
    speakers: reader.strings('speakers', { maxLength: 100_000 }),
    ...(reader.has('trainingSpeakers') && { trainingSpeakers: reader.strings('trainingSpeakers', { maxLength: 100_000 }) }),
    sourceArchives: reader.strings('sourceArchives', { maxLength: 10_000 }),
  };
}

function parseSplit(reader: JsonReader): ModelMetadata['split'] {
  return { kind: reader.oneOf('kind', SPLIT_KINDS), seed: reader.number('seed', { integer: true }) };
}

function parseTrainingSettings(reader: JsonReader): TrainingSettings {
  const augmentation = reader.object('augmentation');
  return {
    epochsRun: reader.number('epochsRun', { min: 0, integer: true }),
    epochsAsked: reader.number('epochsAsked', { min: 1, integer: true }),
    batchSize: reader.number('batchSize', { min: 1, integer: true }),
    learningRate: reader.number('learningRate', { min: 0, exclusiveMin: true }),
    augmentation: {
      copies: augmentation.number('copies', { min: 0, integer: true }),
      kinds: augmentation.array('kinds', (kind, path) => {
        if (!AUGMENTATION_KINDS.includes(kind as AugmentationKind)) throw augmentation.elementError(path, `one of ${AUGMENTATION_KINDS.join(', ')}`, kind);
        return kind as AugmentationKind;
      }),
    },
    classWeights: reader.boolean('classWeights'),
    ...(reader.has('weightAveraging') && { weightAveraging: reader.number('weightAveraging', { min: 0, max: 0.99999 }) }),
    ...(reader.has('masking') && { masking: parseMasking(reader) }),
  };
}

function parseMasking(reader: JsonReader): MaskingOptions | null {
  if (reader.value.masking === null) return null;
  const masking = reader.object('masking');
  const count = (name: keyof MaskingOptions) => masking.number(name, { min: 0, max: 1000, integer: true });
  return { coefficientMasks: count('coefficientMasks'), maxCoefficients: count('maxCoefficients'), frameMasks: count('frameMasks'), maxFrames: count('maxFrames') };
}

function parseCalibration(reader: JsonReader): Calibration {
  const fit = reader.object('validation');
  const share = (name: string) => fit.number(name, { min: 0, max: 1 });
  return {
    temperature: reader.number('temperature', { min: 0.01, max: 100 }),
    unsureBelow: reader.number('unsureBelow', { min: 0, max: 1 }),
    validation: {
      clips: fit.number('clips', { min: 0, integer: true }),
      eceBefore: share('eceBefore'),
      eceAfter: share('eceAfter'),
      answered: share('answered'),
      answeredAccuracy: share('answeredAccuracy'),
      targetAccuracy: share('targetAccuracy'),
    },
  };
}

function parseMetrics(reader: JsonReader, labels: readonly string[]): ModelMetadata['metrics'] {
  const validation = parseEvaluationMetrics(reader.object('validation'), labels);
  if (!reader.has('test')) return { validation };
  return { validation, test: parseEvaluationMetrics(reader.object('test'), labels) };
}
