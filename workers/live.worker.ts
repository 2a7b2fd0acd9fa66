/// <reference lib="webworker" />
// The live worker: predicts the microphone's stream every hop with a stored model, off the page.
import { useWasmBackend } from '../src/core/model/use-wasm-backend';
import { LiveSession } from './live/live-session';
import { PredictorCache } from './prediction/predictor-cache';
import { type LiveStartRequest, type LiveWorkerResponse, transferList, type WorkerRequest } from './protocol';
import { TFJS_WASM_FILES } from './training/tfjs-wasm-files';

const predictors = new PredictorCache();
// An update is a few milliseconds on one thread; more threads would compete with the audio and the page.
const backend = useWasmBackend({ wasmPaths: TFJS_WASM_FILES, threads: 1 });
let session: LiveSession | null = null;

function post(response: LiveWorkerResponse): void {
  self.postMessage(response, { transfer: transferList(response) });
}

async function start(request: LiveStartRequest): Promise<void> {
  session?.stop();
  session = null;
  try {
    await backend;
    const predictor = await predictors.predictorFor(request.modelId);
    session = new LiveSession(request, predictor, post);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    post({ type: 'failure', id: request.id, message: `Live prediction could not start: ${detail}`, unsupported: false });
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'live-start') void start(request);
  else if (request.type === 'live-settings') {
    if (session) session.settings = request.settings;
  } else if (request.type === 'live-stop') {
    const ended = session?.stop() ?? { wav: new Uint8Array(0), truncated: false };
    session = null;
    post({ type: 'live-stopped', id: request.id, ...ended });
  } else post({ type: 'failure', id: request.id, message: 'The live worker only runs live sessions.', unsupported: false });
});
