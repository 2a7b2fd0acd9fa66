/// <reference lib="webworker" />
// The dataset worker: opens dropped ZIPs, labels, decodes and featurises their audio off the main thread.
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import type { FeatureMatrix } from '../src/core/features/feature-matrix';
import type { FeatureCache } from './feature-cache/feature-cache';
import { openIndexedDbFeatureCache } from './feature-cache/indexed-db-feature-cache';
import { FeatureWorkerPool } from './features/feature-worker-pool';
import { type Featuriser, LocalFeaturiser } from './features/featuriser';
import { type EntrySource, loadDataset } from './load-dataset';
import {
  type AugmentationExampleRequest,
  type DatasetWorkerResponse,
  type FeatureCacheSizeRequest,
  type ClearFeatureCacheRequest,
  type LoadDatasetRequest,
  type PrepareTrainingRequest,
  transferList,
  type WorkerRequest,
} from './protocol';
import { augmentationExample } from './training-data/augmentation-example';
import { prepareTrainingData } from './training-data/prepare-training-data';
import { TrainingDataError } from './training-data/training-data-error';

/** The most feature workers a load starts, whatever the core count: beyond this, memory grows faster than speed. */
const MAX_FEATURE_WORKERS = 8;

/** The last loaded dataset's MFCC, kept here for training so they never cross to the page. */
let features: ReadonlyMap<string, FeatureMatrix> = new Map();
/** Where the last loaded dataset's files are, to read them again for augmented copies. */
let sources: ReadonlyMap<string, EntrySource> = new Map();

/** Opened once; null where IndexedDB is missing or refused (private windows of some browsers): loads then compute everything. */
const featureCache: Promise<FeatureCache | null> = (typeof indexedDB === 'undefined' ? Promise.resolve(null) : openIndexedDbFeatureCache()).catch(() => null);

function post(response: DatasetWorkerResponse): void {
  self.postMessage(response, transferList(response));
}

async function handleLoad(request: LoadDatasetRequest): Promise<void> {
  const { id } = request;
  const featuriser = startFeaturiser(request.featureWorkers);
  try {
    const load = await loadDataset(request.files, featuriser, {
      onProgress: (progress) => post({ type: 'dataset-progress', id, progress }),
      cache: await featureCache,
    });
    features = load.features;
    sources = load.sources;
    const { features: _features, sources: _sources, ...loaded } = load;
    post({ type: 'dataset-loaded', id, ...loaded });
  } catch (error) {
    post({ type: 'failure', id, message: `The dataset could not be loaded: ${detailOf(error)}`, unsupported: false });
  } finally {
    featuriser.dispose();
  }
}

/**
 * Feature workers, one per core by default (the two-core figures are in the README); on a
 * single core the work stays in this worker, as a pool would only add copies.
 */
function startFeaturiser(requested: number | undefined): Featuriser {
  const cores = requested ?? navigator.hardwareConcurrency ?? 1;
  const size = Math.min(MAX_FEATURE_WORKERS, Math.max(1, Math.floor(cores)));
  return size === 1 ? new LocalFeaturiser(new FeatureExtractor(DEFAULT_FEATURE_CONFIG)) : new FeatureWorkerPool(size, DEFAULT_FEATURE_CONFIG);
}

async function handlePrepareTraining(request: PrepareTrainingRequest): Promise<void> {
  const { id } = request;
  const featuriser = startFeaturiser(request.featureWorkers);
  try {
    const data = await prepareTrainingData(request.sides, request.augmentation, request.seed, {
      features,
      sources,
      featuriser,
      cache: await featureCache,
      onProgress: (progress) => post({ type: 'training-data-progress', id, progress }),
    });
    post({ type: 'training-data', id, data });
  } catch (error) {
    post({ type: 'failure', id, message: error instanceof TrainingDataError ? error.message : `The training data could not be prepared: ${detailOf(error)}`, unsupported: false });
  } finally {
    featuriser.dispose();
  }
}

async function handleExample(request: AugmentationExampleRequest): Promise<void> {
  const { id, path } = request;
  const source = sources.get(path);
  if (source === undefined) return post({ type: 'failure', id, message: `${path} is not in the loaded dataset: load it again.`, unsupported: false });
  try {
    const example = await augmentationExample(path, source, request.spec, request.seed, DEFAULT_FEATURE_CONFIG);
    post({ type: 'audio-example', id, ...example });
  } catch (error) {
    post({ type: 'failure', id, message: error instanceof TrainingDataError ? error.message : `The example could not be made: ${detailOf(error)}`, unsupported: false });
  }
}

async function handleCache(request: FeatureCacheSizeRequest | ClearFeatureCacheRequest): Promise<void> {
  const { id } = request;
  const cache = await featureCache;
  if (cache === null) return post({ type: 'failure', id, message: 'This browser gives the studio no storage, so there is no feature cache.', unsupported: false });
  try {
    if (request.type === 'clear-feature-cache') await cache.clear();
    post({ type: 'feature-cache-size', id, size: await cache.size() });
  } catch (error) {
    const action = request.type === 'clear-feature-cache' ? 'cleared' : 'measured';
    post({ type: 'failure', id, message: `The feature cache could not be ${action}: ${detailOf(error)}`, unsupported: false });
  }
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'load-dataset':
      return void handleLoad(request);
    case 'prepare-training':
      return void handlePrepareTraining(request);
    case 'augmentation-example':
      return void handleExample(request);
    case 'feature-cache-size':
    case 'clear-feature-cache':
      return void handleCache(request);
    default:
      post({ type: 'failure', id: request.id, message: 'The dataset worker only loads datasets, prepares training data and manages the feature cache.', unsupported: false });
  }
});
