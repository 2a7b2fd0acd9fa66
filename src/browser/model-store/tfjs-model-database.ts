/*
 * tfjs's IndexedDB model storage (what 'indexeddb://…' URLs name), read and written directly:
 * database 'tensorflowjs' version 1, a 'models_store' of { modelPath, modelArtifacts,
 * modelArtifactsInfo } and a 'model_info_store' of { modelPath, modelArtifactsInfo }, both keyed
 * by modelPath. tfjs's own save handler writes the two stores in two transactions and resolves
 * before the second commits, so a full disk can leave half a model and report success; here both
 * records go in one transaction that must commit (durably) before a save counts.
 */
import type { io } from '@tensorflow/tfjs-core';

const DATABASE_NAME = 'tensorflowjs';
const DATABASE_VERSION = 1;
const MODEL_STORE = 'models_store';
const INFO_STORE = 'model_info_store';

export interface TfjsModelRecord {
  readonly modelPath: string;
  readonly modelArtifacts: io.ModelArtifacts;
  readonly modelArtifactsInfo: io.ModelArtifactsInfo;
}

export interface TfjsInfoRecord {
  readonly modelPath: string;
  readonly modelArtifactsInfo: io.ModelArtifactsInfo;
}

export function openTfjsModelDatabase(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE_NAME, DATABASE_VERSION);
    // As tfjs sets the database up, so tfjs can read what is written here and the other way round.
    request.onupgradeneeded = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains(MODEL_STORE)) database.createObjectStore(MODEL_STORE, { keyPath: 'modelPath' });
      if (!database.objectStoreNames.contains(INFO_STORE)) database.createObjectStore(INFO_STORE, { keyPath: 'modelPath' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('The model storage is being upgraded in another tab; close other SER Studio tabs and try again.'));
  });
}

/** Writes the model and its info record together: both are stored, or (on any failure) neither. */
export function putModelRecord(database: IDBDatabase, record: TfjsModelRecord): Promise<void> {
  return inTransaction(database, 'readwrite', (transaction) => {
    transaction.objectStore(MODEL_STORE).put(record);
    transaction.objectStore(INFO_STORE).put({ modelPath: record.modelPath, modelArtifactsInfo: record.modelArtifactsInfo });
  });
}

/** Removes the model and its info record together; nothing happens if there is no such model. */
export function deleteModelRecord(database: IDBDatabase, modelPath: string): Promise<void> {
  return inTransaction(database, 'readwrite', (transaction) => {
    transaction.objectStore(MODEL_STORE).delete(modelPath);
    transaction.objectStore(INFO_STORE).delete(modelPath);
  });
}

export async function getModelRecord(database: IDBDatabase, modelPath: string): Promise<TfjsModelRecord | undefined> {
  let record: TfjsModelRecord | undefined;
  await inTransaction(database, 'readonly', (transaction) => {
    const request = transaction.objectStore(MODEL_STORE).get(modelPath);
    request.onsuccess = () => (record = request.result as TfjsModelRecord | undefined);
  });
  return record;
}

export async function listInfoRecords(database: IDBDatabase): Promise<TfjsInfoRecord[]> {
  let records: TfjsInfoRecord[] = [];
  await inTransaction(database, 'readonly', (transaction) => {
    const request = transaction.objectStore(INFO_STORE).getAll();
    request.onsuccess = () => (records = request.result as TfjsInfoRecord[]);
  });
  return records;
}

/**
 * Runs `work` in a transaction over both stores and settles when the transaction does: on
 * `complete` (committed; 'strict' durability means flushed to disk), or on `abort` with its
 * error, e.g. QuotaExceededError when the disk or the site's quota is full.
 */
function inTransaction(database: IDBDatabase, mode: IDBTransactionMode, work: (transaction: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = database.transaction([MODEL_STORE, INFO_STORE], mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('The model storage transaction was aborted.'));
    try {
      work(transaction);
    } catch (error) {
      // A value that cannot be stored throws at put(); abort so nothing of the transaction stays.
      transaction.abort();
      reject(error);
    }
  });
}
