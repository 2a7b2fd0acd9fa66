import type { FeatureConfig } from '../../src/core/features/feature-config';
import { type FeaturiseRequest, type FeatureWorkerResponse, transferList } from '../protocol';
import type { ClipFeatures, ClipJob } from './clip-job';
import type { Featuriser } from './featuriser';

interface PendingJob {
  readonly worker: PoolWorker;
  resolve(features: ClipFeatures): void;
  reject(error: Error): void;
}

interface PoolWorker {
  readonly worker: Worker;
  busy: number;
}

/**
 * Featurises on `size` feature workers (started on first use), each job going to the least busy
 * one. A worker that dies fails only its own jobs and is replaced. The features must be computed
 * with `config`, which is also what the workers use (DEFAULT_FEATURE_CONFIG).
 */
export class FeatureWorkerPool implements Featuriser {
  readonly capacity: number;
  readonly config: FeatureConfig;
  readonly #workers: PoolWorker[] = [];
  readonly #pending = new Map<number, PendingJob>();
  #nextId = 1;

  constructor(size: number, config: FeatureConfig) {
    this.capacity = Math.max(1, Math.floor(size));
    this.config = config;
  }

  featurise(job: ClipJob): Promise<ClipFeatures> {
    const target = this.#leastBusy();
    const request: FeaturiseRequest = { type: 'featurise', id: this.#nextId++, name: job.name, bytes: ownBuffer(job.bytes), variants: job.variants };
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { worker: target, resolve, reject });
      target.busy++;
      target.worker.postMessage(request, transferList(request));
    });
  }

  dispose(): void {
    for (const { worker } of this.#workers) worker.terminate();
    this.#workers.length = 0;
    this.#failAll(new Error('The feature workers were stopped.'));
  }

  #leastBusy(): PoolWorker {
    if (this.#workers.length < this.capacity) return this.#start();
    return this.#workers.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
  }

  #start(): PoolWorker {
    const worker = new Worker(new URL('../feature.worker.ts', import.meta.url), { type: 'module' });
    const member: PoolWorker = { worker, busy: 0 };
    worker.addEventListener('message', (event: MessageEvent<FeatureWorkerResponse>) => this.#receive(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#replace(member, new Error(`A feature worker stopped unexpectedly (${event.message || 'worker error'}).`));
    });
    this.#workers.push(member);
    return member;
  }

  #receive(response: FeatureWorkerResponse): void {
    const pending = this.#pending.get(response.id);
    if (!pending) return;
    this.#pending.delete(response.id);
    pending.worker.busy--;
    if (response.type === 'clip-features') pending.resolve(response.result);
    else pending.reject(new Error(response.message));
  }

  #replace(member: PoolWorker, error: Error): void {
    member.worker.terminate();
    this.#workers.splice(this.#workers.indexOf(member), 1);
    for (const [id, pending] of this.#pending) {
      if (pending.worker !== member) continue;
      this.#pending.delete(id);
      pending.reject(error);
    }
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/** The bytes in a buffer of their own, so that handing it over detaches nothing else. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
}
