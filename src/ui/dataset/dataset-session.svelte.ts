import { type AugmentationKind, type AugmentationSpec, drawAugmentations } from '../../core/augment';
import {
  buildDatasetReport,
  type DatasetItem,
  type DatasetSplit,
  type DatasetReport,
  DEFAULT_MIN_DURATION_SECONDS,
  type LabelMapping,
  selectUsableItems,
  type UsableItem,
} from '../../core/dataset';
import { SeededRandom } from '../../core/random/seeded-random';
import type { AudioExample } from '../../../workers/training-data/augmentation-example';
import type { AugmentationPlan } from '../../../workers/training-data/copy-plan';
import type { TrainingData, TrainingSides } from '../../../workers/training-data/prepare-training-data';
import type { TrainingDataProgress } from '../../../workers/training-data/training-data-progress';
import { DEFAULT_AUGMENTATION_PLAN } from './augmentation-form';
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
  /** Files shorter than this are skipped, with the reason. */
  minDurationSeconds = $state(DEFAULT_MIN_DURATION_SECONDS);
  /** Why the last load's features were not kept, when the cache was full or unusable. */
  cacheNotice = $state<string | null>(null);
  readonly featureCache = new FeatureCacheStatus(() => this.#loadClient());

  readonly report: DatasetReport = $derived(
    buildDatasetReport(this.items, { minDurationSeconds: this.minDurationSeconds, ...(this.mapping === null ? {} : { mapping: this.mapping }) }),
  );
  /** The files that take part, with their mapped labels, in the order the split numbers them. */
  readonly usable: readonly UsableItem[] = $derived(selectUsableItems(this.items, { mapping: this.report.mapping, minDurationSeconds: this.report.minDurationSeconds }).usable);
  readonly splitPreview: SplitPreview = $derived(previewSplit(this.usable, this.splitSettings));
  augmentation = $state.raw<AugmentationPlan>(DEFAULT_AUGMENTATION_PLAN);
  /** The file examples of augmentation are made from: the first of the split's training side, or of all files while there is no split. */
  readonly exampleItem: UsableItem | null = $derived(
    ('split' in this.splitPreview ? this.usable[this.splitPreview.split.trainIndices[0]] : this.usable[0]) ?? null,
  );

  #client: Promise<DatasetClient> | null = null;
  #examples = 0;
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

  /** An example of one augmentation, drawn from its settings (a new draw each time), made from `exampleItem`. */
  async augmentationExample(kind: AugmentationKind): Promise<{ path: string; spec: AugmentationSpec; audio: AudioExample }> {
    const item = this.exampleItem;
    if (item === null) throw new DatasetLoadFailure('There is no training file to make an example from.');
    const random = new SeededRandom(++this.#examples);
    const [spec] = drawAugmentations({ ...this.augmentation.settings, kinds: [kind] }, 1, random);
    const audio = await (await this.#loadClient()).augmentationExample(item.path, spec, random.nextInt(0x7fffffff));
    return { path: item.path, spec, audio };
  }

  /** The split's sides as the dataset worker packs them, labels numbered in the report's order. */
  trainingSides(): { labels: string[]; sides: TrainingSides } | null {
    const preview = this.splitPreview;
    return 'split' in preview ? this.sidesOf(preview.split) : null;
  }

  /** Any split of the usable items (the preview's, or a cross-validation fold's) as the dataset worker packs it. */
  sidesOf(split: Pick<DatasetSplit, 'trainIndices' | 'validationIndices' | 'testIndices'>): { labels: string[]; sides: TrainingSides } {
    const labels = this.report.labels.map(({ label }) => label);
    const refs = (indices: readonly number[]) => indices.map((index) => ({ path: this.usable[index].path, label: labels.indexOf(this.usable[index].label) }));
    return { labels, sides: { train: refs(split.trainIndices), validation: refs(split.validationIndices), test: refs(split.testIndices) } };
  }

  /** Packs the split for training in the dataset worker, with the augmented copies of the training side. */
  async prepareTraining(sides: TrainingSides, seed: number, onProgress: (progress: TrainingDataProgress) => void): Promise<TrainingData> {
    return (await this.#loadClient()).prepareTraining(sides, this.augmentation, seed, onProgress);
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
    this.splitSettings = { ...this.splitSettings, holdOut: DEFAULT_SPLIT_SETTINGS.holdOut };
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
