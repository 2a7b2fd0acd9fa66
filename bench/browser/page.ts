import type { BenchOutcome, BenchPageApi, BenchRequest, WorkerMessage } from './bench-protocol';

/** Runs one request in a fresh worker, so every backend starts in a tfjs of its own. */
function runBench(request: BenchRequest): Promise<BenchOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module' });
    const finish = (outcome: BenchOutcome) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data.kind === 'progress') console.log(event.data.text);
      else finish(event.data.outcome);
    };
    worker.onerror = (event) => finish({ kind: 'failed', message: event.message || 'the worker failed to load' });
    worker.postMessage(request);
  });
}

const api: BenchPageApi = { runBench };
Object.assign(window, api);
