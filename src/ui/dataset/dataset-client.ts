import type { AugmentationSpec } from '../../core/augment';
import type { FeatureCacheSize } from '../../../workers/feature-cache/feature-cache';
import type { DatasetLoadedResponse, DatasetProgress, DatasetWorkerRequest, DatasetWorkerResponse } from '../../../workers/protocol';
import type { AugmentationPlan } from '../../../workers/training-data/copy-plan';
import type { AudioExample } from '../../../workers/training-data/augmentation-example';
import type { TrainingData, TrainingSides } from '../../../workers/training-data/prepare-training-data';
import type { TrainingDataProgress } from '../../../workers/training-data/training-data-progress';
import { WorkerChannel } from '../worker-channel';
import { DatasetLoadFailure } from './dataset-load-failure';

/** A loaded dataset as the page gets it: the report, items and per-archive messages. */
export type LoadedDataset = Omit<DatasetLoadedResponse, 'type' | 'id'>;

/**
 * The page's side of the dataset worker: one worker, created on first use, which keeps the
 * features and files of the last dataset it loaded; a promise per request, progress on the way.
 * A worker failure message rejects with a DatasetLoadFailure carrying its sentence.
 */
export class DatasetClient {
  readonly #featureWorkers: number | undefined;
  readonly #channel = new WorkerChannel<DatasetWorkerRequest, DatasetWorkerResponse>(
    () => new Worker(new URL('../../../workers/dataset.worker.ts', import.meta.url), { type: 'module' }),
    (message) => new DatasetLoadFailure(message),
    'the dataset worker',
  );

  /** `featureWorkers`: how many workers featurise a load; one per core when absent. */
  constructor(options: { readonly featureWorkers?: number } = {}) {
    this.#featureWorkers = options.featureWorkers;
  }

  load(files: readonly File[], onProgress: (progress: DatasetProgress) => void = () => {}): Promise<LoadedDataset> {
    return this.#ask({ type: 'load-dataset', id: this.#channel.nextId(), files, featureWorkers: this.#featureWorkers }, (response) => {
      if (response.type === 'dataset-progress') return void onProgress(response.progress);
      if (response.type !== 'dataset-loaded') return unexpected();
      const { type: _type, id: _id, ...dataset } = response;
      return dataset;
    });
  }

  /** Packs the split for training, with augmented copies of the training side. */
  prepareTraining(sides: TrainingSides, augmentation: AugmentationPlan, seed: number, onProgress: (progress: TrainingDataProgress) => void = () => {}): Promise<TrainingData> {
    const request = { type: 'prepare-training', id: this.#channel.nextId(), sides, augmentation, seed, featureWorkers: this.#featureWorkers } as const;
    return this.#ask(request, (response) => {
      if (response.type === 'training-data-progress') return void onProgress(response.progress);
      return response.type === 'training-data' ? response.data : unexpected();
    });
  }

  /** One loaded item as the model hears it and augmented by `spec`, to listen to. */
  augmentationExample(path: string, spec: AugmentationSpec, seed: number): Promise<AudioExample> {
    return this.#ask({ type: 'augmentation-example', id: this.#channel.nextId(), path, spec, seed }, (response) => {
      if (response.type !== 'audio-example') return unexpected();
      return { sampleRate: response.sampleRate, original: response.original, augmented: response.augmented };
    });
  }

  /** How much the feature cache holds. */
  cacheSize(): Promise<FeatureCacheSize> {
    return this.#ask({ type: 'feature-cache-size', id: this.#channel.nextId() }, cacheSizeOf);
  }

  /** Empties the feature cache; resolves with its size after. */
  clearCache(): Promise<FeatureCacheSize> {
    return this.#ask({ type: 'clear-feature-cache', id: this.#channel.nextId() }, cacheSizeOf);
  }

  /** Stops the worker; requests still running fail. */
  dispose(): void {
    this.#channel.dispose('Loading the dataset was stopped.');
  }

  /** Sends a request; `read` turns each response into the answer, or undefined for progress, and throws on anything else. */
  #ask<T>(request: DatasetWorkerRequest, read: (response: DatasetWorkerResponse) => T | undefined): Promise<T> {
    return this.#channel.ask(request, (response) => {
      if (response.type === 'failure') throw new DatasetLoadFailure(response.message);
      return read(response);
    });
  }
}

function cacheSizeOf(response: DatasetWorkerResponse): FeatureCacheSize {
  return response.type === 'feature-cache-size' ? response.size : unexpected();
}

function unexpected(): never {
  throw new DatasetLoadFailure('The dataset worker gave an unexpected answer.');
}
