import type { FeatureCacheSize } from '../../../workers/feature-cache/feature-cache';
import type { DatasetLoadedResponse, DatasetProgress, DatasetWorkerRequest, DatasetWorkerResponse, LoadDatasetRequest } from '../../../workers/protocol';
import { DatasetLoadFailure } from './dataset-load-failure';

/** A loaded dataset as the page gets it: the report, items and per-archive messages. */
export type LoadedDataset = Omit<DatasetLoadedResponse, 'type' | 'id'>;

interface Pending {
  readonly onProgress: (progress: DatasetProgress) => void;
  resolve(dataset: LoadedDataset): void;
  reject(error: Error): void;
}

interface PendingCacheRequest {
  resolve(size: FeatureCacheSize): void;
  reject(error: Error): void;
}

/**
 * The page's side of the dataset worker: one worker, created on first use, which keeps the
 * features of the last dataset it loaded; a promise per load, with its progress on the way.
 */
export class DatasetClient {
  readonly #featureWorkers: number | undefined;
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #pendingCache = new Map<number, PendingCacheRequest>();
  #nextId = 1;

  /** `featureWorkers`: how many workers featurise a load; one per core when absent. */
  constructor(options: { readonly featureWorkers?: number } = {}) {
    this.#featureWorkers = options.featureWorkers;
  }

  load(files: readonly File[], onProgress: (progress: DatasetProgress) => void = () => {}): Promise<LoadedDataset> {
    const request: LoadDatasetRequest = { type: 'load-dataset', id: this.#nextId++, files, featureWorkers: this.#featureWorkers };
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { onProgress, resolve, reject });
      this.#workerOrStart().postMessage(request);
    });
  }

  /** How much the feature cache holds. */
  cacheSize(): Promise<FeatureCacheSize> {
    return this.#askCache({ type: 'feature-cache-size', id: this.#nextId++ });
  }

  /** Empties the feature cache; resolves with its size after. */
  clearCache(): Promise<FeatureCacheSize> {
    return this.#askCache({ type: 'clear-feature-cache', id: this.#nextId++ });
  }

  #askCache(request: Exclude<DatasetWorkerRequest, LoadDatasetRequest>): Promise<FeatureCacheSize> {
    return new Promise((resolve, reject) => {
      this.#pendingCache.set(request.id, { resolve, reject });
      this.#workerOrStart().postMessage(request);
    });
  }

  /** Stops the worker; loads still running fail. */
  dispose(): void {
    this.#fail(new DatasetLoadFailure('Loading the dataset was stopped.'));
  }

  #workerOrStart(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('../../../workers/dataset.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<DatasetWorkerResponse>) => this.#receive(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail(new DatasetLoadFailure(`Loading the dataset stopped unexpectedly (${event.message || 'worker error'}). Try again.`));
    });
    this.#worker = worker;
    return worker;
  }

  #receive(response: DatasetWorkerResponse): void {
    const cacheRequest = this.#pendingCache.get(response.id);
    if (cacheRequest) return this.#receiveCache(cacheRequest, response);
    const pending = this.#pending.get(response.id);
    if (!pending) return;
    if (response.type === 'dataset-progress') return pending.onProgress(response.progress);
    this.#pending.delete(response.id);
    if (response.type === 'feature-cache-size') {
      pending.reject(new DatasetLoadFailure('The dataset worker answered a load with the cache size.'));
    } else if (response.type === 'dataset-loaded') {
      const { type: _type, id: _id, ...dataset } = response;
      pending.resolve(dataset);
    } else {
      pending.reject(new DatasetLoadFailure(response.message));
    }
  }

  #receiveCache(pending: PendingCacheRequest, response: DatasetWorkerResponse): void {
    if (response.type === 'dataset-progress') return;
    this.#pendingCache.delete(response.id);
    if (response.type === 'feature-cache-size') pending.resolve(response.size);
    else pending.reject(new DatasetLoadFailure(response.type === 'failure' ? response.message : 'The feature cache gave an unexpected answer.'));
  }

  /** Rejects everything waiting and drops the worker, so the next load starts a fresh one. */
  #fail(error: Error): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of [...this.#pending.values(), ...this.#pendingCache.values()]) pending.reject(error);
    this.#pending.clear();
    this.#pendingCache.clear();
  }
}
