import type { BackendFacts, BenchOutcome, BenchRequest, WorkerMessage } from './bench-protocol';
import { measureTraining } from './measure-training';
import { checkReadback } from './readback-check';
import { startBenchBackend } from './start-bench-backend';
import { profileTrainingStep } from './step-profile';
import { timeTrainingKernels } from './kernel-timings';

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
  const progress = (text: string) => post({ kind: 'progress', text });
  const training = await measureTraining(request, backend, progress).catch((error: unknown) => messageOf(error));
  const readbackProblem = await checkReadback().catch((error: unknown) => `the readback check failed: ${messageOf(error)}`);
  if (readbackProblem !== null) progress(`WARNING: ${readbackProblem}`);
  if (typeof training === 'string') return { kind: 'failed', message: readbackProblem === null ? training : `${training}; ${readbackProblem}` };
  const profile = request.profileSteps ? await profileTrainingStep(request.profileSteps) : undefined;
  const kernels = request.kernelRuns ? timeTrainingKernels(request.kernelRuns) : undefined;
  return { kind: 'measured', measurement: { ...training, readbackProblem, ...(profile && { profile }), ...(kernels && { kernels }) } };
}

self.onmessage = (event: MessageEvent<BenchRequest>) => {
  void run(event.data).then((outcome) => post({ kind: 'done', outcome }));
};
