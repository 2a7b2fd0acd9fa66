/// <reference lib="webworker" />
// The dataset worker: opens dropped ZIPs, labels, decodes and featurises their audio off the main thread.
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import type { FeatureMatrix } from '../src/core/features/feature-matrix';
import { loadDataset } from './load-dataset';
import type { DatasetWorkerResponse, LoadDatasetRequest, WorkerRequest } from './protocol';

const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);

/** The last loaded dataset's MFCC, kept here for training so they never cross to the page. */
let features: ReadonlyMap<string, FeatureMatrix> = new Map();

function post(response: DatasetWorkerResponse): void {
  self.postMessage(response);
}

async function handleLoad(request: LoadDatasetRequest): Promise<void> {
  const { id } = request;
  try {
    const load = await loadDataset(request.files, extractor, {
      onProgress: (progress) => post({ type: 'dataset-progress', id, progress }),
    });
    features = load.features;
    const { features: _features, ...loaded } = load;
    post({ type: 'dataset-loaded', id, ...loaded });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    post({ type: 'failure', id, message: `The dataset could not be loaded: ${detail}`, unsupported: false });
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'load-dataset') void handleLoad(request);
  else post({ type: 'failure', id: request.id, message: 'The dataset worker only loads datasets.', unsupported: false });
});

