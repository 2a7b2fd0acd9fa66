import type { TestProgress, TestReport } from '../../../workers/prediction/test-report';
import type { PredictionClient } from '../predict/prediction-client';
import { PredictionFailure } from '../predict/prediction-failure';

/** The Test page's state: the test ZIPs, the run's progress, and its report. */
export class TestSession {
  files = $state.raw<readonly File[]>([]);
  phase = $state<'empty' | 'ready' | 'testing' | 'done' | 'failed'>('empty');
  progress = $state.raw<TestProgress | null>(null);
  report = $state.raw<TestReport | null>(null);
  /** The name of the model the report is about. */
  modelName = $state('');
  failure = $state('');

  #client: Promise<PredictionClient> | null = null;
  #generation = 0;

  add(files: readonly File[]): void {
    if (this.phase === 'testing') return;
    if (this.phase === 'done' || this.phase === 'failed') this.clear();
    this.files = [...this.files, ...files];
    this.phase = 'ready';
  }

  async start(modelId: string, modelName: string): Promise<void> {
    if (this.phase !== 'ready') return;
    const generation = ++this.#generation;
    this.phase = 'testing';
    this.progress = null;
    this.modelName = modelName;
    try {
      const report = await (await this.#loadClient()).test(modelId, this.files, (progress) => {
        if (generation === this.#generation) this.progress = progress;
      });
      if (generation !== this.#generation) return;
      this.report = report;
      this.phase = 'done';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.failure = error instanceof PredictionFailure ? error.message : `The test stopped: ${error instanceof Error ? error.message : String(error)}`;
      this.phase = 'failed';
    }
  }

  /** Forgets the ZIPs and the results; a test in progress is abandoned (its worker stopped). */
  clear(): void {
    if (this.phase === 'testing') this.#stopClient();
    this.#generation++;
    this.files = [];
    this.progress = null;
    this.report = null;
    this.failure = '';
    this.phase = 'empty';
  }

  dispose(): void {
    this.clear();
    this.#stopClient();
  }

  #stopClient(): void {
    void this.#client?.then((client) => client.dispose());
    this.#client = null;
  }

  #loadClient(): Promise<PredictionClient> {
    this.#client ??= import('../predict/prediction-client').then(({ PredictionClient }) => new PredictionClient());
    return this.#client;
  }
}
