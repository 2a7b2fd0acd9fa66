import { createStore, del, get, getMany, setMany, type UseStore } from 'idb-keyval';
import type { TrainingCheckpoint } from '../../src/core/model/training-types';
import type { TrainRequest } from '../protocol';

/** A run as it was asked for, kept so that a closed or reloaded tab can continue it. */
export type JournalRequest = Omit<TrainRequest, 'id' | 'type'>;

/** What the Train page shows of an interrupted run before it is resumed. */
export interface InterruptedRun {
  readonly startedAt: string;
  readonly epochsDone: number;
  readonly epochsAsked: number;
  readonly trainFiles: number;
  readonly labels: readonly string[];
  readonly sources: readonly string[];
}

const REQUEST = 'request';
const CHECKPOINT = 'checkpoint';
const SUMMARY = 'summary';

/**
 * The run in progress, in IndexedDB: its request (features included) written once at the start,
 * then a checkpoint after every epoch, so a reload loses at most the epoch under way. The summary
 * is written last each time, as the record that the rest is complete.
 */
export class RunJournal {
  readonly #store: UseStore;

  constructor(store: UseStore = createStore('ser-studio-training', 'run')) {
    this.#store = store;
  }

  /** Keeps the request before training changes its buffers (IndexedDB copies them when called). */
  async start(request: JournalRequest, startedAt: Date): Promise<void> {
    await this.clear();
    const summary: InterruptedRun = {
      startedAt: startedAt.toISOString(),
      epochsDone: 0,
      epochsAsked: request.settings.epochs,
      trainFiles: request.context.files.train,
      labels: request.labels,
      sources: request.context.sources,
    };
    await setMany([[REQUEST, request], [SUMMARY, summary]], this.#store);
  }

  async checkpoint(checkpoint: TrainingCheckpoint): Promise<void> {
    const summary = await get<InterruptedRun>(SUMMARY, this.#store);
    if (summary === undefined) return;
    await setMany([[CHECKPOINT, checkpoint], [SUMMARY, { ...summary, epochsDone: checkpoint.epoch }]], this.#store);
  }

  /** The interrupted run, or null when there is none (or only part of one). */
  async interrupted(): Promise<InterruptedRun | null> {
    return (await get<InterruptedRun>(SUMMARY, this.#store)) ?? null;
  }

  async load(): Promise<{ request: JournalRequest; checkpoint: TrainingCheckpoint | null } | null> {
    const [request, checkpoint] = await getMany<unknown>([REQUEST, CHECKPOINT], this.#store);
    if (request === undefined) return null;
    return { request: request as JournalRequest, checkpoint: (checkpoint as TrainingCheckpoint | undefined) ?? null };
  }

  /** Forgets the run; the summary goes first, so a half-cleared journal is never offered. */
  async clear(): Promise<void> {
    await del(SUMMARY, this.#store);
    await Promise.all([del(REQUEST, this.#store), del(CHECKPOINT, this.#store)]);
  }
}
