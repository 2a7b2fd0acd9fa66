import { transferList, type WorkerRequest, type WorkerResponse } from '../../workers/protocol';

interface Pending<Response> {
  /** Takes a response to this request: true once it settled the request (progress does not). */
  receive(response: Response): boolean;
  reject(error: Error): void;
}

/**
 * The page's side of one kind of worker: started on first use, a promise per request id, and on a
 * crash every waiting request rejected and the worker dropped, so the next request starts afresh.
 */
export class WorkerChannel<Request extends WorkerRequest, Response extends WorkerResponse> {
  readonly #start: () => Worker;
  readonly #failure: (message: string) => Error;
  readonly #name: string;
  #worker: Worker | null = null;
  #pending = new Map<number, Pending<Response>>();
  #nextId = 1;

  /** `failure` turns a sentence for the user into the error requests reject with; `name` says which worker ("the dataset worker"). */
  constructor(start: () => Worker, failure: (message: string) => Error, name: string) {
    this.#start = start;
    this.#failure = failure;
    this.#name = name;
  }

  nextId(): number {
    return this.#nextId++;
  }

  /** Sends a request; `read` turns each response into the answer, or undefined for progress, and throws on anything else. */
  ask<T>(request: Request, read: (response: Response) => T | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(request.id, {
        receive: (response) => {
          try {
            const answer = read(response);
            if (answer === undefined) return false;
            resolve(answer);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
          return true;
        },
        reject,
      });
      this.#workerOrStart().postMessage(request, { transfer: transferList(request) });
    });
  }

  /** Stops the worker; requests still waiting reject with `message`. */
  dispose(message: string): void {
    this.#fail(this.#failure(message));
  }

  #workerOrStart(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#start();
    worker.addEventListener('message', (event: MessageEvent<Response>) => this.#receive(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail(this.#failure(`${capitalise(this.#name)} stopped unexpectedly (${event.message || 'worker error'}). Try again.`));
    });
    this.#worker = worker;
    return worker;
  }

  #receive(response: Response): void {
    const pending = this.#pending.get(response.id);
    if (pending?.receive(response)) this.#pending.delete(response.id);
  }

  #fail(error: Error): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
