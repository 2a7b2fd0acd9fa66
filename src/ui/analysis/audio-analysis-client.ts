import { decodeWithWebAudio } from '../../browser/web-audio-decoder';
import { failureMessage } from '../../../workers/failure-message';
import {
  type AnalyseRequest,
  type AnalysisResponse,
  type AudioSource,
  transferList,
  type WorkerRequest,
  type AnalysisWorkerResponse,
} from '../../../workers/protocol';
import { AnalysisFailure } from './analysis-failure';

/** A finished analysis; `decodedBy` says whether the studio's own readers or the browser decoded the file. */
export type AudioAnalysis = Omit<AnalysisResponse, 'type' | 'id'> & { readonly decodedBy: 'studio' | 'browser' };

interface Pending {
  resolve(response: AnalysisWorkerResponse): void;
  reject(error: Error): void;
}

/**
 * The page's side of the audio analysis worker: one worker, created on first use, and a promise per
 * request id. Files the worker cannot decode (MP3, Ogg, MP4, WebM) are decoded on the page with the
 * browser's decoder and sent again as samples.
 */
export class AudioAnalysisClient {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #nextId = 1;

  async analyse(fileName: string, bytes: Uint8Array): Promise<AudioAnalysis> {
    // A copy goes to the worker: the page keeps `bytes` in case it has to decode them itself.
    const first = await this.#send(fileName, { kind: 'bytes', bytes: bytes.slice().buffer });
    if (first.type === 'analysis') return { ...withoutEnvelope(first), decodedBy: 'studio' };
    if (!first.unsupported) throw new AnalysisFailure(first.message);

    const started = performance.now();
    const decoded = await decodeWithWebAudio(bytes, fileName).catch((error: unknown) => {
      throw new AnalysisFailure(failureMessage(fileName, error));
    });
    const decodeMs = performance.now() - started;
    const second = await this.#send(fileName, { kind: 'decoded', ...decoded });
    if (second.type === 'failure') throw new AnalysisFailure(second.message);
    const analysis = withoutEnvelope(second);
    return { ...analysis, timings: { ...analysis.timings, decodeMs }, decodedBy: 'browser' };
  }

  /** Stops the worker; requests still waiting fail. */
  dispose(): void {
    this.#fail(new AnalysisFailure('The audio analysis was stopped.'));
  }

  #send(fileName: string, source: AudioSource): Promise<AnalysisWorkerResponse> {
    const request: AnalyseRequest = { type: 'analyse', id: this.#nextId++, fileName, source };
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      this.#post(request);
    });
  }

  #post(request: WorkerRequest): void {
    this.#workerOrStart().postMessage(request, { transfer: transferList(request) });
  }

  #workerOrStart(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('../../../workers/audio-analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<AnalysisWorkerResponse>) => this.#settle(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail(new AnalysisFailure(`The audio analysis stopped unexpectedly (${event.message || 'worker error'}). Try the file again.`));
    });
    this.#worker = worker;
    return worker;
  }

  #settle(response: AnalysisWorkerResponse): void {
    const pending = this.#pending.get(response.id);
    this.#pending.delete(response.id);
    pending?.resolve(response);
  }

  /** Rejects everything waiting and drops the worker, so the next request starts a fresh one. */
  #fail(error: Error): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

function withoutEnvelope(response: AnalysisResponse): Omit<AnalysisResponse, 'type' | 'id'> {
  const { type: _type, id: _id, ...analysis } = response;
  return analysis;
}
