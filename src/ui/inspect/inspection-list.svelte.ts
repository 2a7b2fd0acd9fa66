import { failureMessage } from '../../../workers/failure-message';
import { AnalysisFailure } from '../analysis/analysis-failure';
import type { AudioAnalysis, AudioAnalysisClient } from '../analysis/audio-analysis-client';

/** One file on the Inspect audio list, from the moment it is added to its result. */
export type Inspection =
  | { readonly key: number; readonly fileName: string; readonly status: 'analysing' }
  | { readonly key: number; readonly fileName: string; readonly status: 'done'; readonly analysis: AudioAnalysis }
  | { readonly key: number; readonly fileName: string; readonly status: 'failed'; readonly message: string };

// Decoded audio takes several times the file's size in memory; beyond this a tab may run out.
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * The files being inspected and what became of each. Files are analysed one after another by a
 * single worker; the worker and the code that talks to it load with the first file, not the page.
 */
export class InspectionList {
  items = $state.raw<Inspection[]>([]);
  #client: Promise<AudioAnalysisClient> | null = null;
  #queue: Promise<void> = Promise.resolve();
  #nextKey = 1;

  get analysingCount(): number {
    return this.items.filter((item) => item.status === 'analysing').length;
  }

  add(files: readonly File[]): void {
    for (const file of files) {
      const key = this.#nextKey++;
      this.items = [...this.items, { key, fileName: file.name, status: 'analysing' }];
      this.#queue = this.#queue.then(() => this.#inspect(key, file));
    }
  }

  /** Empties the list; files still waiting are skipped. */
  clear(): void {
    this.items = [];
  }

  /** Stops the worker (when the page goes away). */
  dispose(): void {
    this.clear();
    void this.#client?.then((client) => client.dispose());
    this.#client = null;
  }

  async #inspect(key: number, file: File): Promise<void> {
    if (!this.items.some((item) => item.key === key)) return;
    try {
      if (file.size > MAX_FILE_BYTES) {
        const megabytes = Math.round(file.size / 2 ** 20);
        throw new Error(`the file is ${megabytes} MB, and files up to ${MAX_FILE_BYTES / 2 ** 20} MB can be inspected`);
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const analysis = await (await this.#loadClient()).analyse(file.name, bytes);
      this.#settle(key, { status: 'done', analysis });
    } catch (error) {
      // AnalysisFailure already carries the sentence to show; anything else is worded here.
      const message = error instanceof AnalysisFailure ? error.message : failureMessage(file.name, error);
      this.#settle(key, { status: 'failed', message });
    }
  }

  #loadClient(): Promise<AudioAnalysisClient> {
    if (this.#client) return this.#client;
    const loading = import('../analysis/audio-analysis-client').then((module) => new module.AudioAnalysisClient());
    // A failed load (say, the connection dropped while fetching the code) is retried with the next file.
    loading.catch(() => {
      if (this.#client === loading) this.#client = null;
    });
    this.#client = loading;
    return loading;
  }

  #settle(key: number, result: { status: 'done'; analysis: AudioAnalysis } | { status: 'failed'; message: string }): void {
    this.items = this.items.map((item) => (item.key === key ? { key, fileName: item.fileName, ...result } : item));
  }
}
