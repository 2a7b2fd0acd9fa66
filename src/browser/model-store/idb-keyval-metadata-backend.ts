import { createStore, del, entries, get, set, update, type UseStore } from 'idb-keyval';
import type { ModelMetadata } from '../../core/model-library/model-metadata';
import type { MetadataBackend } from './model-store-backends';

const METADATA_PREFIX = 'model:';
const ACTIVE_MODEL_KEY = 'active-model-id';

/**
 * Metadata in its own idb-keyval store (database 'ser-studio-models', store 'models'): one key per
 * model, so renaming one never rewrites (or races with) another, and the active model's id.
 */
export function idbKeyvalMetadataBackend(store: UseStore = createStore('ser-studio-models', 'models')): MetadataBackend {
  return {
    get: (id) => get(metadataKey(id), store),
    put: (metadata: ModelMetadata) => set(metadataKey(metadata.id), metadata, store),
    update: (id, change) => update(metadataKey(id), change, store),
    remove: (id) => del(metadataKey(id), store),
    async all() {
      const stored = await entries<IDBValidKey, unknown>(store);
      return new Map(
        stored.filter(([key]) => typeof key === 'string' && key.startsWith(METADATA_PREFIX)).map(([key, value]) => [(key as string).slice(METADATA_PREFIX.length), value]),
      );
    },
    async getActiveId() {
      const id = await get<unknown>(ACTIVE_MODEL_KEY, store);
      return typeof id === 'string' ? id : undefined;
    },
    setActiveId: (id) => (id === undefined ? del(ACTIVE_MODEL_KEY, store) : set(ACTIVE_MODEL_KEY, id, store)),
  };
}

function metadataKey(id: string): string {
  return `${METADATA_PREFIX}${id}`;
}
