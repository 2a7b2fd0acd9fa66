/// <reference lib="webworker" />
// The training worker: trains the thesis CNN on packed features, one run at a time, off the page,
// keeping a journal (request and per-epoch checkpoints) so a reloaded tab can resume the run.
import type { TrainingCheckpoint } from '../src/core/model/training-types';
import {
  type InterruptedRunRequest,
  type SavedModel,
  type TrainRequest,
  type TrainingWorkerResponse,
  transferList,
  type WorkerRequest,
} from './protocol';
import { planBackend } from './training/backend-plan';
import { probeGpus } from './training/gpu-probe';
import { RunJournal } from './training/run-journal';
import { runTraining } from './training/run-training';
import { saveTrainedModel } from './training/save-trained-model';
import { startBackend } from './training/start-backend';
import { ANOTHER_TAB_TRAINING, trainingRunsSomewhere, withTrainingLock } from './training/training-lock';

const journal = new RunJournal();

/** The run in progress and the switch that cancels it. */
let current: { readonly id: number; readonly abort: AbortController } | null = null;

function post(response: TrainingWorkerResponse): void {
  self.postMessage(response, transferList(response));
}

function fail(id: number, message: string): void {
  post({ type: 'failure', id, message, unsupported: false });
}

async function handleTrain(request: TrainRequest): Promise<void> {
  const ran = await withTrainingLock(async () => {
    const { id: _id, type: _type, ...kept } = request;
    const resumable =
      request.purpose === 'fold'
        ? false
        : await journal.start(kept, new Date()).then(
            () => true,
            () => false,
          );
    await train(request, null, resumable);
  });
  if (!ran) fail(request.id, ANOTHER_TAB_TRAINING);
}

async function handleResume(id: number): Promise<void> {
  const ran = await withTrainingLock(async () => {
    const stored = await journal.load().catch(() => null);
    if (stored === null) return fail(id, 'There is no interrupted training run to resume: it was finished, discarded or its storage was cleared.');
    await train({ type: 'train', id, ...stored.request }, stored.checkpoint, true);
  });
  if (!ran) fail(id, ANOTHER_TAB_TRAINING);
}

async function train(request: TrainRequest, resumeFrom: TrainingCheckpoint | null, resumable: boolean): Promise<void> {
  if (current !== null) return fail(request.id, 'A model is already training; cancel it or wait for it to finish.');
  const abort = new AbortController();
  current = { id: request.id, abort };
  try {
    const backend = await startBackend(planBackend(request.settings.backend, await probeGpus()));
    const host = {
      report: post,
      signal: abort.signal,
      resumable,
      keepCheckpoint: (checkpoint: TrainingCheckpoint) => (resumable ? journal.checkpoint(checkpoint).catch(() => undefined) : Promise.resolve()),
      saveModel: request.purpose === 'fold' ? foldIsNotKept : saveTrainedModel,
    };
    const outcome = await runTraining(request, backend, host, resumeFrom);
    if (resumable) await journal.clear().catch(() => undefined);
    post(outcome === 'cancelled' ? { type: 'training-cancelled', id: request.id } : { type: 'training-finished', id: request.id, result: outcome });
  } catch (error) {
    // The journal is kept: the page offers to resume the run, or to discard it.
    fail(request.id, `Training stopped: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    current = null;
  }
}

async function foldIsNotKept(): Promise<SavedModel> {
  return { saved: false, problem: 'a cross-validation fold is scored, not kept' };
}

async function handleInterrupted(request: InterruptedRunRequest): Promise<void> {
  try {
    if (request.discard) await journal.clear();
    // While a run trains, here or in another tab, its journal is not an interrupted run.
    const run = current === null && !(await trainingRunsSomewhere()) ? await journal.interrupted() : null;
    post({ type: 'interrupted-run', id: request.id, run });
  } catch (error) {
    fail(request.id, `The interrupted training run could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'train':
      return void handleTrain(request);
    case 'resume-training':
      return void handleResume(request.id);
    case 'interrupted-run':
      return void handleInterrupted(request);
    case 'cancel-training':
      if (current?.id === request.runId) current.abort.abort();
      return;
    default:
      fail(request.id, 'The training worker only trains models.');
  }
});
