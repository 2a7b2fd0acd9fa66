import * as tf from '@tensorflow/tfjs';
import type { StoredWeights, WeightsBackend } from './model-store-backends';

const URL_PREFIX = 'indexeddb://ser-model-';

/** tfjs's own IndexedDB model storage (database 'tensorflowjs'), one model per id; works on the page and in workers. */
export function indexedDbWeightsBackend(): WeightsBackend {
  return {
    async save(id, artifacts) {
      await handler(tf.io.getSaveHandlers(modelUrl(id)), id).save!(artifacts);
    },
    async load(id) {
      return handler(tf.io.getLoadHandlers(modelUrl(id)), id).load!();
    },
    async remove(id) {
      const stored = await tf.io.listModels();
      if (modelUrl(id) in stored) await tf.io.removeModel(modelUrl(id));
    },
    async list() {
      const stored = await tf.io.listModels();
      return Object.entries(stored)
        .filter(([url]) => url.startsWith(URL_PREFIX))
        .map(([url, info]): StoredWeights => ({ id: url.slice(URL_PREFIX.length), savedAt: new Date(info.dateSaved) }));
    },
  };
}

export function modelUrl(id: string): string {
  return `${URL_PREFIX}${id}`;
}

function handler(handlers: tf.io.IOHandler[], id: string): tf.io.IOHandler {
  if (handlers.length === 0) throw new Error(`This browser offers no IndexedDB to tfjs, so the model ${id} cannot be stored or read.`);
  return handlers[0];
}
