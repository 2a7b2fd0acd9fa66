/**
 * The dataset core: from the entries of dropped ZIPs to labelled, reported and split datasets.
 *
 * 1. Labels: `labelDatasetFiles` gives each audio entry of a ZIP a label, a speaker and the rule
 *    that decided (manifest, corpus file-name convention, emotion folder, thesis short name), or a
 *    problem saying why not. `isManifestPath` tells which entries are manifests to pass along.
 * 2. Items: the worker decodes each file and makes a `DatasetItem` with `datasetItem` (duration,
 *    `audioFingerprint` of the samples, or why it was skipped); `mergeDatasets` joins several ZIPs.
 * 3. Report: `buildDatasetReport` counts files and seconds per label and speaker, lists skipped
 *    files and exact duplicates, and carries the `LabelMapping` (default onto the thesis emotions;
 *    edited with `mergeLabels`, `renameLabel`, `dropLabel`).
 * 4. Split: `selectUsableItems` applies the mapping and the minimum duration; `splitDataset` splits
 *    the usable items by speaker (default), by file, or at random as the thesis did (with a warning).
 *    Only the training side (`trainIndices`) may be augmented. Splits keep each corpus and label
 *    in proportion on every side. `speakerFolds` makes k folds of speakers for cross-validation,
 *    each with inner validation speakers.
 */
export { audioFingerprint } from './audio-fingerprint';
export { datasetItem, type AudioFacts, type DatasetItem, type SkipKind, type SkipReason } from './dataset-item';
export {
  buildDatasetReport,
  DEFAULT_MIN_DURATION_SECONDS,
  type DatasetReport,
  type LabelTally,
  type ReportOptions,
  type SpeakerTally,
  type Tally,
} from './dataset-report';
export { DatasetSplitError } from './dataset-split-error';
export { type DuplicateGroup, findDuplicateGroups } from './duplicate-groups';
export { compareLabels, foldLabel, isThesisEmotion, THESIS_EMOTIONS, type ThesisEmotion } from './emotion-vocabulary';
export { type FileLabel, type FileLabelling, type FileLabelProblem, isLabelled, type LabelSource } from './file-labelling';
export { type DatasetLabelling, labelDatasetFiles, type LabelledPath } from './label-dataset-files';
export { labelFile } from './label-file';
export { isManifestPath, type ManifestFile, parseLabelManifest } from './label-manifest';
export {
  DEFAULT_NON_THESIS_POLICY,
  defaultLabelMapping,
  dropLabel,
  type LabelMapping,
  labelsWithoutThesisClass,
  mapLabel,
  mergeLabels,
  type NonThesisLabelPolicy,
  renameLabel,
} from './label-mapping';
export { ManifestIndex } from './manifest-index';
export { mergeDatasets, type NamedDataset } from './merge-datasets';
export { corpusName, corpusOfSpeaker } from './speaker-corpus';
export { DEFAULT_SPEAKER_FOLD_OPTIONS, type SpeakerFoldOptions, type SpeakerFolds, speakerFolds } from './speaker-folds';
export { compareSpeakers } from './speaker-order';
export { type DatasetSplit, splitDataset } from './split-dataset';
export {
  DEFAULT_SPLIT_OPTIONS,
  type HoldOutSide,
  SPLIT_SIDES,
  type SplitFractions,
  type SplitKind,
  type SplitOptions,
  type SplitSide,
} from './split-options';
export type { SideSummary, SplitSummary } from './split-summary';
export type { SplittableItem } from './split-units';
export { LEAKY_SPLIT_WARNING } from './split-warnings';
export { applyLabelMapping, type ItemSelection, selectUsableItems, type SkippedFile, type UsableItem, type UsableItemOptions } from './usable-items';
