import type { PredictionClient } from './prediction-client';

/**
 * One prediction worker for a page, started by the first prediction (tfjs and the model load
 * then, not with the page) and stopped with `dispose` when the page goes.
 */
export class LazyPredictionClient {
  #client: Promise<PredictionClient> | null = null;

  get(): Promise<PredictionClient> {
    this.#client ??= import('./prediction-client').then(({ PredictionClient }) => new PredictionClient());
    return this.#client;
  }

  dispose(): void {
    void this.#client?.then((client) => client.dispose());
    this.#client = null;
  }
}
