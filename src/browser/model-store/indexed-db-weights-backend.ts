import * as tf from '@tensorflow/tfjs';
import type { StoredWeights, WeightsBackend } from './model-store-backends';
import { deleteModelRecord, getModelRecord, listInfoRecords, openTfjsModelDatabase, putModelRecord } from './tfjs-model-database';

const PATH_PREFIX = 'ser-model-';

/**
 * Topology and weights in tfjs's IndexedDB model storage, one model per id at
 * 'indexeddb://ser-model-<id>' (so `tf.loadLayersModel` can read them too); works on the page and
 * in workers. Each call opens the database and closes it again, so no connection blocks an
 * upgrade from another tab.
 */
export function indexedDbWeightsBackend(factory: IDBFactory = indexedDB): WeightsBackend {
  const withDatabase = async <T>(action: (database: IDBDatabase) => Promise<T>): Promise<T> => {
    const database = await openTfjsModelDatabase(factory);
    try {
      return await action(database);
    } finally {
      database.close();
    }
  };
  return {
    save: (id, artifacts) => withDatabase((database) => putModel(database, id, artifacts)),
    load: (id) =>
      withDatabase(async (database) => {
        const record = await getModelRecord(database, modelPath(id));
        if (record === undefined) throw new Error(`There is no stored model at ${modelUrl(id)}.`);
        return record.modelArtifacts;
      }),
    remove: (id) => withDatabase((database) => deleteModelRecord(database, modelPath(id))),
    list: () =>
      withDatabase(async (database) =>
        (await listInfoRecords(database))
          .filter((record) => record.modelPath.startsWith(PATH_PREFIX))
          .map((record): StoredWeights => ({ id: record.modelPath.slice(PATH_PREFIX.length), savedAt: new Date(record.modelArtifactsInfo.dateSaved) })),
      ),
  };
}

async function putModel(database: IDBDatabase, id: string, artifacts: tf.io.ModelArtifacts): Promise<void> {
  // tfjs stores the weights as one buffer, and so do we: that is the form its loader reads.
  const modelArtifacts = { ...artifacts, weightData: tf.io.concatenateArrayBuffers(artifacts.weightData ?? []) };
  await putModelRecord(database, { modelPath: modelPath(id), modelArtifacts, modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(modelArtifacts) });
}

function modelPath(id: string): string {
  return `${PATH_PREFIX}${id}`;
}

/** The tfjs URL of a stored model, for `tf.loadLayersModel`. */
export function modelUrl(id: string): string {
  return `indexeddb://${modelPath(id)}`;
}
