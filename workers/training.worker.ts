/// <reference lib="webworker" />
// The training worker: trains the thesis CNN on packed features, one run at a time, off the page.
import { planBackend } from './training/backend-plan';
import { probeGpus } from './training/gpu-probe';
import { runTraining } from './training/run-training';
import { saveTrainedModel } from './training/save-trained-model';
import { startBackend } from './training/start-backend';
import { type TrainRequest, type TrainingWorkerResponse, transferList, type WorkerRequest } from './protocol';

/** The run in progress and the switch that cancels it. */
let current: { readonly id: number; readonly abort: AbortController } | null = null;

function post(response: TrainingWorkerResponse): void {
  self.postMessage(response, transferList(response));
}

async function handleTrain(request: TrainRequest): Promise<void> {
  if (current !== null) return post({ type: 'failure', id: request.id, message: 'A model is already training; cancel it or wait for it to finish.', unsupported: false });
  const abort = new AbortController();
  current = { id: request.id, abort };
  try {
    const backend = await startBackend(planBackend(request.settings.backend, await probeGpus()));
    const outcome = await runTraining(request, backend, { report: post, signal: abort.signal, saveModel: saveTrainedModel });
    post(outcome === 'cancelled' ? { type: 'training-cancelled', id: request.id } : { type: 'training-finished', id: request.id, result: outcome });
  } catch (error) {
    post({ type: 'failure', id: request.id, message: `Training stopped: ${error instanceof Error ? error.message : String(error)}`, unsupported: false });
  } finally {
    current = null;
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'train') return void handleTrain(request);
  if (request.type === 'cancel-training') {
    if (current?.id === request.runId) current.abort.abort();
    return;
  }
  post({ type: 'failure', id: request.id, message: 'The training worker only trains models.', unsupported: false });
});
