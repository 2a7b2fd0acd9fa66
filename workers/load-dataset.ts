import { buildDatasetReport, type DatasetItem, mergeDatasets } from '../src/core/dataset';
import type { FeatureMatrix } from '../src/core/features/feature-matrix';
import type { ZipArchive, ZipEntry, ZipLimits } from '../src/core/zip';
import { type LoadedArchive, loadDatasetArchive, openDatasetArchive, type OpenedArchive } from './dataset-archive';
import { DatasetProgressCounter } from './dataset-progress-counter';
import type { FeatureCache } from './feature-cache/feature-cache';
import { LoadFeatureCache } from './feature-cache/load-feature-cache';
import type { Featuriser } from './features/featuriser';
import { tallyLabelRules } from './label-rule-tally';
import type { DatasetLoadedResponse, DatasetProgress } from './protocol';

/** A loaded dataset as the worker keeps it: what the page is sent, and the MFCC of each item for training. */
export interface DatasetLoad extends Omit<DatasetLoadedResponse, 'type' | 'id'> {
  /** Keyed by the item's (merged) path; skipped items have none. */
  readonly features: ReadonlyMap<string, FeatureMatrix>;
  /** Where each item's file is, keyed by the item's (merged) path: to read it again for augmented copies and examples. */
  readonly sources: ReadonlyMap<string, EntrySource>;
}

/** An item's file: the archive it is in and its entry there. */
export interface EntrySource {
  readonly archive: ZipArchive;
  readonly entry: ZipEntry;
}

export interface LoadDatasetOptions {
  readonly onProgress?: (progress: DatasetProgress) => void;
  readonly limits?: ZipLimits;
  /** Where features computed before are found and new ones kept; without it every entry is computed. */
  readonly cache?: FeatureCache | null;
}

/**
 * Loads several dropped ZIPs as one dataset: each is opened first (so the total is known for the
 * progress), then its entries are labelled, decoded and featurised one by one. A file that is not
 * a readable ZIP only gets its own message.
 */
export async function loadDataset(files: readonly File[], featuriser: Featuriser, options: LoadDatasetOptions = {}): Promise<DatasetLoad> {
  const progress = new DatasetProgressCounter(options.onProgress ?? (() => {}));
  const opened = await Promise.all(files.map((file) => openDatasetArchive(file, options.limits)));
  const archives = opened.filter((candidate): candidate is OpenedArchive => 'archive' in candidate);
  progress.addEntries(archives.reduce((sum, archive) => sum + archive.files.length, 0));
  const cache = new LoadFeatureCache(options.cache ?? null, featuriser.config);
  const loadedByArchive = new Map<OpenedArchive, LoadedArchive>();
  for (const archive of archives) loadedByArchive.set(archive, await loadDatasetArchive(archive, featuriser, progress, cache));
  const loaded = [...loadedByArchive.values()];
  const items = mergeDatasets(loaded.map(({ name, entries }) => ({ name, items: entries.map((entry) => entry.item) })));
  return {
    items,
    report: buildDatasetReport(items),
    archives: opened.map((candidate) => ('archive' in candidate ? (loadedByArchive.get(candidate)?.outcome ?? { name: candidate.name, opened: true, audioFiles: 0, problems: [] }) : candidate)),
    labelRules: tallyLabelRules(loaded.flatMap((archive) => archive.labellings)),
    progress: progress.snapshot(),
    cacheNotice: cache.notice,
    features: featuresByPath(items, loaded),
    sources: sourcesByPath(items, loaded),
  };
}

/** Merging keeps the order of items, so the merged paths line up with the archives' entries. */
function featuresByPath(items: readonly DatasetItem[], loaded: readonly LoadedArchive[]): Map<string, FeatureMatrix> {
  const features = new Map<string, FeatureMatrix>();
  loaded.flatMap((archive) => archive.entries).forEach((entry, index) => {
    if (entry.mfcc !== null) features.set(items[index].path, entry.mfcc);
  });
  return features;
}

function sourcesByPath(items: readonly DatasetItem[], loaded: readonly LoadedArchive[]): Map<string, EntrySource> {
  const sources = new Map<string, EntrySource>();
  loaded.flatMap(({ archive, files }) => files.map((entry) => ({ archive, entry }))).forEach((source, index) => sources.set(items[index].path, source));
  return sources;
}
