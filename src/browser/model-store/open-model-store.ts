import { fetchedBuiltinModel } from './builtin-model-source';
import { idbKeyvalMetadataBackend } from './idb-keyval-metadata-backend';
import { indexedDbWeightsBackend } from './indexed-db-weights-backend';
import { announceModelLibraryChange } from './model-library-channel';
import { ModelStore } from './model-store';

let shared: ModelStore | undefined;

/** The model library in this browser's IndexedDB (on the page or in a worker); one instance per context. */
export function openModelStore(): ModelStore {
  shared ??= new ModelStore({
    weights: indexedDbWeightsBackend(),
    metadata: idbKeyvalMetadataBackend(),
    builtin: fetchedBuiltinModel(),
    announceChange: announceModelLibraryChange,
  });
  return shared;
}
