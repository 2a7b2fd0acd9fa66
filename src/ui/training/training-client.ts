import type {
  EpochFigures,
  TrainingBatchResponse,
  TrainingContext,
  TrainingResult,
  TrainingStartedResponse,
  TrainingWorkerRequest,
  TrainingWorkerResponse,
} from '../../../workers/protocol';
import { transferList } from '../../../workers/protocol';
import type { TrainingData } from '../../../workers/training-data/prepare-training-data';
import type { InterruptedRun } from '../../../workers/training/run-journal';
import type { TrainingSettings } from '../../../workers/training/training-settings';
import { TrainingFailure } from './training-failure';

export interface TrainingCallbacks {
  onStarted(started: TrainingStartedResponse): void;
  onBatch(batch: TrainingBatchResponse): void;
  onEpoch(figures: EpochFigures): void;
}

/** A run's end: its result, or 'cancelled' when the user stopped it. */
export type TrainingOutcome = TrainingResult | 'cancelled';

interface Run {
  readonly callbacks: TrainingCallbacks;
  resolve(outcome: TrainingOutcome): void;
  reject(error: Error): void;
}

/**
 * The page's side of the training worker, started on first use. The packed features are handed
 * over (not copied): after `train` the page no longer holds them.
 */
export class TrainingClient {
  #worker: Worker | null = null;
  readonly #runs = new Map<number, Run>();
  readonly #queries = new Map<number, { resolve(run: InterruptedRun | null): void; reject(error: Error): void }>();
  #nextId = 1;

  train(
    data: TrainingData,
    labels: readonly string[],
    settings: TrainingSettings,
    context: TrainingContext,
    callbacks: TrainingCallbacks,
    purpose: 'model' | 'fold' = 'model',
  ): { runId: number; outcome: Promise<TrainingOutcome> } {
    return this.#start({ type: 'train', id: this.#nextId++, data, labels, settings, context, purpose }, callbacks);
  }

  /** Continues the interrupted run from its last checkpoint; its earlier epochs arrive first through onEpoch. */
  resume(callbacks: TrainingCallbacks): { runId: number; outcome: Promise<TrainingOutcome> } {
    return this.#start({ type: 'resume-training', id: this.#nextId++ }, callbacks);
  }

  /** The run a closed or reloaded tab interrupted, if any; with `discard`, forgets it first. */
  interruptedRun(discard = false): Promise<InterruptedRun | null> {
    const request: TrainingWorkerRequest = { type: 'interrupted-run', id: this.#nextId++, discard };
    return new Promise((resolve, reject) => {
      this.#queries.set(request.id, { resolve, reject });
      this.#workerOrStart().postMessage(request);
    });
  }

  #start(request: TrainingWorkerRequest, callbacks: TrainingCallbacks): { runId: number; outcome: Promise<TrainingOutcome> } {
    const outcome = new Promise<TrainingOutcome>((resolve, reject) => {
      this.#runs.set(request.id, { callbacks, resolve, reject });
      this.#workerOrStart().postMessage(request, transferList(request));
    });
    return { runId: request.id, outcome };
  }

  /** Asks the run to stop after its current batch; its outcome becomes 'cancelled'. */
  cancel(runId: number): void {
    this.#worker?.postMessage({ type: 'cancel-training', id: this.#nextId++, runId } satisfies TrainingWorkerRequest);
  }

  dispose(): void {
    this.#fail(new TrainingFailure('Training was stopped because the page closed it.'));
  }

  #workerOrStart(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('../../../workers/training.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<TrainingWorkerResponse>) => this.#receive(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail(new TrainingFailure(`The training worker stopped unexpectedly (${event.message || 'worker error'}). Try again, perhaps with a smaller batch size.`));
    });
    this.#worker = worker;
    return worker;
  }

  #receive(response: TrainingWorkerResponse): void {
    const query = this.#queries.get(response.id);
    if (query) {
      this.#queries.delete(response.id);
      if (response.type === 'interrupted-run') query.resolve(response.run);
      else query.reject(new TrainingFailure(response.type === 'failure' ? response.message : 'The training worker gave an unexpected answer.'));
      return;
    }
    const run = this.#runs.get(response.id);
    if (!run) return;
    switch (response.type) {
      case 'training-started':
        return run.callbacks.onStarted(response);
      case 'training-batch':
        return run.callbacks.onBatch(response);
      case 'training-epoch':
        return run.callbacks.onEpoch(response.figures);
      case 'training-finished':
        this.#runs.delete(response.id);
        return run.resolve(response.result);
      case 'training-cancelled':
        this.#runs.delete(response.id);
        return run.resolve('cancelled');
      case 'failure':
        this.#runs.delete(response.id);
        return run.reject(new TrainingFailure(response.message));
      case 'interrupted-run':
        return;
    }
  }

  #fail(error: Error): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of [...this.#runs.values(), ...this.#queries.values()]) pending.reject(error);
    this.#runs.clear();
    this.#queries.clear();
  }
}
