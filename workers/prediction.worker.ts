/// <reference lib="webworker" />
// The prediction worker: predicts files with a stored model, one after another, off the page.
import { useWasmBackend } from '../src/core/model/use-wasm-backend';
import { predictFile } from './prediction/predict-file';
import { PredictorCache } from './prediction/predictor-cache';
import { type PredictionWorkerResponse, type PredictRequest, transferList, type WorkerRequest } from './protocol';
import { TFJS_WASM_FILES } from './training/tfjs-wasm-files';

const predictors = new PredictorCache();
// One clip is a few milliseconds on one thread; more threads would only compete with the page.
const backend = useWasmBackend({ wasmPaths: TFJS_WASM_FILES, threads: 1 });

async function handle(request: WorkerRequest): Promise<PredictionWorkerResponse> {
  if (request.type !== 'predict') return { type: 'failure', id: request.id, message: 'The prediction worker only predicts files.', unsupported: false };
  return predict(request);
}

async function predict(request: PredictRequest): Promise<PredictionWorkerResponse> {
  let predictor;
  try {
    await backend;
    predictor = await predictors.predictorFor(request.modelId);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { type: 'failure', id: request.id, message: `The model could not be loaded for prediction: ${detail}`, unsupported: false };
  }
  return predictFile(request, predictor);
}

// Requests are answered in order, one at a time: the model and the wasm backend are single-threaded.
let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  queue = queue.then(() => handle(event.data).then((response) => self.postMessage(response, { transfer: transferList(response) })));
});
