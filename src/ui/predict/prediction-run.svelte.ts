import { failureMessage } from '../../../workers/failure-message';
import type { LazyPredictionClient } from './lazy-prediction-client';
import type { FilePrediction } from './prediction-client';
import { PredictionFailure } from './prediction-failure';

/** A predicted (or unreadable) file, as the table shows it. */
export type PredictionRow =
  | { readonly key: number; readonly file: File; readonly status: 'done'; readonly result: FilePrediction }
  | { readonly key: number; readonly file: File; readonly status: 'failed'; readonly message: string };

/** Files read ahead of the worker, so it never waits for the disk; few, so memory stays small. */
const READ_AHEAD = 4;
/** Finished rows reach the table at most this often: one render per batch, not per file. */
const FLUSH_MS = 100;
// Decoded audio takes several times the file's size in memory; beyond this a tab may run out.
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * One batch of files to predict: chosen, then predicted in a worker, rows appearing as they finish.
 */
export class PredictionRun {
  files = $state.raw<readonly File[]>([]);
  rows = $state.raw<readonly PredictionRow[]>([]);
  phase = $state<'empty' | 'ready' | 'running' | 'done'>('empty');
  inFlight = $state(0);

  readonly #client: LazyPredictionClient;
  #generation = 0;
  #finished: PredictionRow[] = [];
  #flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(client: LazyPredictionClient) {
    this.#client = client;
  }

  /** Adds files to the batch waiting to be predicted. */
  add(files: readonly File[]): void {
    if (this.phase === 'running') return;
    if (this.phase === 'done') this.clear();
    this.files = [...this.files, ...files];
    this.phase = this.files.length > 0 ? 'ready' : 'empty';
  }

  /** Predicts every chosen file with the model `modelId`. */
  async start(modelId: string): Promise<void> {
    if (this.phase !== 'ready') return;
    const generation = ++this.#generation;
    this.phase = 'running';
    this.rows = [];
    const files = this.files;
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < files.length && generation === this.#generation) {
        const key = next++;
        this.inFlight++;
        const row = await this.#predict(key, files[key], modelId);
        this.inFlight--;
        if (generation === this.#generation) this.#queueRow(row);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_AHEAD, files.length) }, lane));
    if (generation !== this.#generation) return;
    this.#flush();
    this.phase = 'done';
  }

  /** Forgets the files and results ("Re-upload files"); a run in progress stops. */
  clear(): void {
    this.#generation++;
    this.#finished = [];
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    this.files = [];
    this.rows = [];
    this.inFlight = 0;
    this.phase = 'empty';
  }

  async #predict(key: number, file: File, modelId: string): Promise<PredictionRow> {
    try {
      if (file.size > MAX_FILE_BYTES) {
        throw new PredictionFailure(`${file.name} is ${Math.round(file.size / 2 ** 20)} MB; files up to ${MAX_FILE_BYTES / 2 ** 20} MB can be predicted.`);
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await (await this.#client.get()).predict(modelId, file.name, bytes);
      return { key, file, status: 'done', result };
    } catch (error) {
      const message = error instanceof PredictionFailure ? error.message : failureMessage(file.name, error);
      return { key, file, status: 'failed', message };
    }
  }

  #queueRow(row: PredictionRow): void {
    this.#finished.push(row);
    this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_MS);
  }

  #flush(): void {
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    if (this.#finished.length === 0) return;
    this.rows = [...this.rows, ...this.#finished].sort((a, b) => a.key - b.key);
    this.#finished = [];
  }
}
