import type { BackendFacts, BenchOutcome, BenchRequest, WorkerMessage } from './bench-protocol';
import { measureTraining } from './measure-training';
import { startBenchBackend } from './start-bench-backend';

function post(message: WorkerMessage): void {
  self.postMessage(message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function run(request: BenchRequest): Promise<BenchOutcome> {
  let backend: BackendFacts;
  try {
    backend = await startBenchBackend(request);
  } catch (error) {
    return { kind: 'skipped', reason: messageOf(error) };
  }
  try {
    const measurement = await measureTraining(request, backend, (text) => post({ kind: 'progress', text }));
    return { kind: 'measured', measurement };
  } catch (error) {
    const readback = backend.readbackProblem === null ? '' : `; before that, ${backend.readbackProblem}`;
    return { kind: 'failed', message: `${messageOf(error)}${readback}` };
  }
}

self.onmessage = (event: MessageEvent<BenchRequest>) => {
  void run(event.data).then((outcome) => post({ kind: 'done', outcome }));
};
