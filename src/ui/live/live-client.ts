import type { LiveSettings } from '../../core/stream/live-engine';
import type { LiveReadyResponse, LiveStartRequest, LiveUpdateResponse, LiveWorkerRequest, LiveWorkerResponse } from '../../../workers/protocol';
import { transferList } from '../../../workers/protocol';

export interface LiveClientEvents {
  onReady(ready: LiveReadyResponse): void;
  onUpdate(update: LiveUpdateResponse): void;
  onFailure(message: string): void;
}

/** The page's side of the live worker: one session at a time, its updates as events. */
export class LiveClient {
  readonly #worker = new Worker(new URL('../../../workers/live.worker.ts', import.meta.url), { type: 'module' });
  #events: LiveClientEvents | null = null;
  #stopped: ((stopped: { wav: Uint8Array; truncated: boolean }) => void) | null = null;
  #nextId = 1;

  constructor() {
    this.#worker.addEventListener('message', (event: MessageEvent<LiveWorkerResponse>) => this.#receive(event.data));
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#events?.onFailure(`The live worker stopped unexpectedly (${event.message || 'worker error'}). Press Start to try again.`);
    });
  }

  start(modelId: string, sampleRate: number, input: LiveStartRequest['input'], settings: LiveSettings, keepAudio: boolean, events: LiveClientEvents): void {
    this.#events = events;
    this.#post({ type: 'live-start', id: this.#nextId++, modelId, sampleRate, input, settings, keepAudio });
  }

  changeSettings(settings: LiveSettings): void {
    this.#post({ type: 'live-settings', id: this.#nextId++, settings });
  }

  /** Ends the session; resolves with its audio. */
  stop(): Promise<{ wav: Uint8Array; truncated: boolean }> {
    return new Promise((resolve) => {
      this.#stopped = resolve;
      this.#post({ type: 'live-stop', id: this.#nextId++ });
    });
  }

  dispose(): void {
    this.#worker.terminate();
    this.#events = null;
  }

  #post(request: LiveWorkerRequest): void {
    this.#worker.postMessage(request, { transfer: transferList(request) });
  }

  #receive(response: LiveWorkerResponse): void {
    if (response.type === 'live-ready') this.#events?.onReady(response);
    else if (response.type === 'live-update') this.#events?.onUpdate(response);
    else if (response.type === 'failure') this.#events?.onFailure(response.message);
    else if (response.type === 'live-stopped') {
      this.#stopped?.({ wav: response.wav, truncated: response.truncated });
      this.#stopped = null;
    }
  }
}
