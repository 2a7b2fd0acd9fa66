/// <reference lib="webworker" />
// The audio analysis worker: decodes, resamples and featurises files off the main thread.
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import { analyseAudio } from './analyse-audio';
import { type AnalysisWorkerResponse, transferList, type WorkerRequest } from './protocol';

// Built once: the window, FFT, mel and DCT tables and the wasm kernel serve every file.
const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);

async function handle(request: WorkerRequest): Promise<AnalysisWorkerResponse> {
  if (request.type === 'analyse') return analyseAudio(request, extractor);
  return { type: 'failure', id: request.id, message: 'The audio analysis worker only analyses audio files.', unsupported: false };
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  void handle(event.data).then((response) => self.postMessage(response, { transfer: transferList(response) }));
});
