import type { FeatureCacheSize } from '../../../workers/feature-cache/feature-cache';
import type { DatasetClient } from './dataset-client';

/** The Train page's view of the dataset worker's feature cache: its size, and the outcome of clearing it. */
export class FeatureCacheStatus {
  size = $state.raw<FeatureCacheSize | null>(null);
  /** What the last action did, or why it failed: a sentence for the user. */
  message = $state('');
  busy = $state(false);

  readonly #client: () => Promise<DatasetClient>;

  constructor(client: () => Promise<DatasetClient>) {
    this.#client = client;
  }

  async refresh(): Promise<void> {
    await this.#run(async (client) => {
      this.size = await client.cacheSize();
    });
  }

  async clear(): Promise<void> {
    const before = this.size;
    await this.#run(async (client) => {
      this.size = await client.clearCache();
      this.message = before === null || before.entries === 0 ? 'The feature cache was already empty.' : `Cleared the features of ${before.entries} ${before.entries === 1 ? 'file' : 'files'}.`;
    });
  }

  async #run(action: (client: DatasetClient) => Promise<void>): Promise<void> {
    this.busy = true;
    this.message = '';
    try {
      await action(await this.#client());
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}
