/*
 * The model library in the browser: trained models kept in IndexedDB (tfjs's storage for
 * topology and weights, idb-keyval for metadata and the active model), usable on the page and in
 * workers. Import this module dynamically: it brings tfjs.
 */
export { announceModelLibraryChange, watchModelLibrary } from './model-library-channel';
export { openModelStore } from './open-model-store';
export { type LoadedModel, ModelStore, ORPHAN_GRACE_MS } from './model-store';
export { ModelStoreError } from './model-store-error';
export type { MetadataBackend, ModelStoreBackends, StoredWeights, WeightsBackend } from './model-store-backends';
