import type { DatasetLoadedResponse, DatasetProgress, DatasetWorkerResponse, LoadDatasetRequest } from '../../../workers/protocol';
import { DatasetLoadFailure } from './dataset-load-failure';

/** A loaded dataset as the page gets it: the report, items and per-archive messages. */
export type LoadedDataset = Omit<DatasetLoadedResponse, 'type' | 'id'>;

interface Pending {
  readonly onProgress: (progress: DatasetProgress) => void;
  resolve(dataset: LoadedDataset): void;
  reject(error: Error): void;
}

/**
 * The page's side of the dataset worker: one worker, created on first use, which keeps the
 * features of the last dataset it loaded; a promise per load, with its progress on the way.
 */
export class DatasetClient {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #nextId = 1;

  load(files: readonly File[], onProgress: (progress: DatasetProgress) => void = () => {}): Promise<LoadedDataset> {
    const request: LoadDatasetRequest = { type: 'load-dataset', id: this.#nextId++, files };
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { onProgress, resolve, reject });
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
    const pending = this.#pending.get(response.id);
    if (!pending) return;
    if (response.type === 'dataset-progress') return pending.onProgress(response.progress);
    this.#pending.delete(response.id);
    if (response.type === 'dataset-loaded') {
      const { type: _type, id: _id, ...dataset } = response;
      pending.resolve(dataset);
    } else {
      pending.reject(new DatasetLoadFailure(response.message));
    }
  }

  /** Rejects everything waiting and drops the worker, so the next load starts a fresh one. */
  #fail(error: Error): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
