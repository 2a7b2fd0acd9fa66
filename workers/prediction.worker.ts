/// <reference lib="webworker" />
// The prediction worker: predicts files and tests models on ZIPs with a stored model, one request
// at a time, off the page.
import type { EmotionPredictor } from '../src/core/predict/emotion-predictor';
import { useWasmBackend } from '../src/core/model/use-wasm-backend';
import { failureMessage } from './failure-message';
import { predictFile } from './prediction/predict-file';
import { PredictorCache } from './prediction/predictor-cache';
import { testArchives } from './prediction/test-archives';
import { type PredictionWorkerResponse, transferList, type WorkerRequest } from './protocol';
import { TFJS_WASM_FILES } from './training/tfjs-wasm-files';

const predictors = new PredictorCache();
// One clip is a few milliseconds on one thread; more threads would only compete with the page.
const backend = useWasmBackend({ wasmPaths: TFJS_WASM_FILES, threads: 1 });

function post(response: PredictionWorkerResponse): void {
  self.postMessage(response, { transfer: transferList(response) });
}

async function handle(request: WorkerRequest): Promise<PredictionWorkerResponse> {
  if (request.type !== 'predict' && request.type !== 'test-archives' && request.type !== 'prepare-model') {
    return { type: 'failure', id: request.id, message: 'The prediction worker only predicts files and tests models.', unsupported: false };
  }
  const started = performance.now();
  let predictor: EmotionPredictor;
  try {
    await backend;
    predictor = await predictors.predictorFor(request.modelId);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { type: 'failure', id: request.id, message: `The model could not be loaded: ${detail}`, unsupported: false };
  }
  if (request.type === 'predict') return predictFile(request, predictor);
  if (request.type === 'prepare-model') {
    // One prediction of silence compiles the backend's kernels, so the user's first file is as quick as the rest.
    await predictor.predictClip(new Float32Array(predictor.config.sampleRate));
    return { type: 'model-prepared', id: request.id, milliseconds: performance.now() - started };
  }
  try {
    const report = await testArchives(request.files, predictor, (progress) => post({ type: 'test-progress', id: request.id, progress }));
    return { type: 'test-report', id: request.id, report };
  } catch (error) {
    return { type: 'failure', id: request.id, message: failureMessage('the test files', error), unsupported: false };
  }
}

// Requests are answered in order, one at a time: the model and the wasm backend are single-threaded.
let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  queue = queue.then(() => handle(event.data).then(post));
});
