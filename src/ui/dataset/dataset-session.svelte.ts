import { buildDatasetReport, type DatasetItem, type DatasetReport, type LabelMapping, selectUsableItems } from '../../core/dataset';
import type { ArchiveOutcome, DatasetProgress, LabelRuleTally } from '../../../workers/protocol';
import type { DatasetClient, LoadedDataset } from './dataset-client';
import { DatasetLoadFailure } from './dataset-load-failure';
import { FeatureCacheStatus } from './feature-cache-status.svelte';
import { setLabelTarget } from './label-target';
import { DEFAULT_SPLIT_SETTINGS, previewSplit, type SplitPreview, type SplitSettings } from './split-settings';

export type DatasetPhase = 'empty' | 'loading' | 'loaded' | 'failed';

/**
 * The Train page's dataset: the dropped ZIPs as the worker loaded them, the user's label mapping
 * and split settings, and what follows from them (report, split preview), recomputed on the page.
 */
export class DatasetSession {
  phase = $state<DatasetPhase>('empty');
  progress = $state.raw<DatasetProgress | null>(null);
  failure = $state('');
  fileNames = $state.raw<string[]>([]);
  archives = $state.raw<readonly ArchiveOutcome[]>([]);
  labelRules = $state.raw<readonly LabelRuleTally[]>([]);
  items = $state.raw<readonly DatasetItem[]>([]);
  mapping = $state.raw<LabelMapping | null>(null);
  splitSettings = $state.raw<SplitSettings>(DEFAULT_SPLIT_SETTINGS);
  /** Why the last load's features were not kept, when the cache was full or unusable. */
  cacheNotice = $state<string | null>(null);
  readonly featureCache = new FeatureCacheStatus(() => this.#loadClient());

  readonly report: DatasetReport = $derived(buildDatasetReport(this.items, this.mapping === null ? {} : { mapping: this.mapping }));
  readonly splitPreview: SplitPreview = $derived.by(() => {
    const { usable } = selectUsableItems(this.items, { mapping: this.report.mapping, minDurationSeconds: this.report.minDurationSeconds });
    return previewSplit(usable, this.splitSettings);
  });

  #client: Promise<DatasetClient> | null = null;
  #loadNumber = 0;

  /** Loads the ZIPs as one dataset, replacing the one shown. */
  async load(files: readonly File[]): Promise<void> {
    const loadNumber = ++this.#loadNumber;
    this.phase = 'loading';
    this.progress = null;
    this.failure = '';
    this.cacheNotice = null;
    this.fileNames = files.map((file) => file.name);
    try {
      const client = await this.#loadClient();
      const dataset = await client.load(files, (progress) => {
        if (loadNumber === this.#loadNumber) this.progress = progress;
      });
      if (loadNumber === this.#loadNumber) this.#show(dataset);
      void this.featureCache.refresh();
    } catch (error) {
      if (loadNumber !== this.#loadNumber) return;
      this.phase = 'failed';
      this.failure = error instanceof DatasetLoadFailure ? error.message : `The dataset could not be loaded: ${String(error)}`;
    }
  }

  setTarget(source: string, target: string | null): void {
    this.mapping = setLabelTarget(this.report.mapping, source, target);
  }

  updateMapping(change: (mapping: LabelMapping) => LabelMapping): void {
    this.mapping = change(this.report.mapping);
  }

  resetMapping(): void {
    this.mapping = null;
  }

  dispose(): void {
    this.#loadNumber++;
    void this.#client?.then((client) => client.dispose());
    this.#client = null;
  }

  #show(dataset: LoadedDataset): void {
    this.items = dataset.items;
    this.archives = dataset.archives;
    this.labelRules = dataset.labelRules;
    this.progress = dataset.progress;
    this.cacheNotice = dataset.cacheNotice;
    this.mapping = null;
    this.phase = 'loaded';
  }

  /** The worker and the code that talks to it load with the first ZIP, not with the page. */
  #loadClient(): Promise<DatasetClient> {
    this.#client ??= import('./dataset-client').then(({ DatasetClient }) => new DatasetClient({ featureWorkers: featureWorkersFromAddress() }));
    return this.#client;
  }
}

/**
 * `?featureWorkers=N` in the page's address sets how many workers featurise a load, for measuring
 * the fan-out (README); any other value leaves the default, one per core.
 */
function featureWorkersFromAddress(): number | undefined {
  const value = Number(new URLSearchParams(location.search).get('featureWorkers'));
  return Number.isInteger(value) && value >= 1 && value <= 64 ? value : undefined;
}
