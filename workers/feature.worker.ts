/// <reference lib="webworker" />
// A feature worker: one of the dataset worker's pool, decoding and featurising one file at a time.
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import { featuriseClip } from './features/featurise-clip';
import { type FeatureWorkerResponse, transferList, type WorkerRequest } from './protocol';

const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);

function post(response: FeatureWorkerResponse): void {
  self.postMessage(response, transferList(response));
}

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type !== 'featurise') {
    return post({ type: 'failure', id: request.id, message: 'A feature worker only featurises clips.', unsupported: false });
  }
  try {
    const result = await featuriseClip({ name: request.name, bytes: request.bytes, variants: request.variants }, extractor);
    post({ type: 'clip-features', id: request.id, result });
  } catch (error) {
    post({ type: 'failure', id: request.id, message: `${request.name} could not be featurised: ${error instanceof Error ? error.message : String(error)}`, unsupported: false });
  }
});
