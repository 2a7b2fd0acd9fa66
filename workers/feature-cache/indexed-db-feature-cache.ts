import { cachedSize, type CachedFeatures } from './cached-features';
import type { FeatureCache, FeatureCacheSize } from './feature-cache';

const DATABASE = 'ser-studio-feature-cache';
const FEATURES = 'features';
const META = 'meta';
/** The running total, kept in META so the size never needs a pass over every stored value. */
const TOTAL_KEY = 'total';

/** Opens (creating on first use) the feature cache database. */
export function openIndexedDbFeatureCache(factory: IDBFactory = indexedDB): Promise<FeatureCache> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(FEATURES);
      request.result.createObjectStore(META);
    };
    request.onsuccess = () => resolve(new IndexedDbFeatureCache(request.result));
    request.onerror = () => reject(request.error ?? new Error('The feature cache could not be opened.'));
  });
}

class IndexedDbFeatureCache implements FeatureCache {
  readonly #db: IDBDatabase;

  constructor(db: IDBDatabase) {
    this.#db = db;
  }

  getMany(keys: readonly string[]): Promise<Map<string, CachedFeatures>> {
    const transaction = this.#db.transaction(FEATURES, 'readonly');
    const store = transaction.objectStore(FEATURES);
    const found = new Map<string, CachedFeatures>();
    for (const key of new Set(keys)) {
      const request = store.get(key);
      request.onsuccess = () => {
        if (request.result !== undefined) found.set(key, request.result as CachedFeatures);
      };
    }
    return settled(transaction, () => found);
  }

  /** Adds only keys not yet stored, so the running total counts each value once. */
  setMany(entries: readonly (readonly [string, CachedFeatures])[]): Promise<void> {
    const transaction = this.#db.transaction([FEATURES, META], 'readwrite');
    const features = transaction.objectStore(FEATURES);
    const meta = transaction.objectStore(META);
    const unique = new Map(entries);
    const added = { entries: 0, bytes: 0 };
    let pending = unique.size;
    const addTotal = () => {
      const read = meta.get(TOTAL_KEY);
      read.onsuccess = () => meta.put(plus(asSize(read.result), added), TOTAL_KEY);
    };
    if (pending === 0) return settled(transaction, () => undefined);
    for (const [key, value] of unique) {
      const existing = features.getKey(key);
      existing.onsuccess = () => {
        if (existing.result === undefined) {
          features.put(value, key);
          added.entries++;
          added.bytes += cachedSize(value);
        }
        if (--pending === 0) addTotal();
      };
    }
    return settled(transaction, () => undefined);
  }

  size(): Promise<FeatureCacheSize> {
    const transaction = this.#db.transaction(META, 'readonly');
    const request = transaction.objectStore(META).get(TOTAL_KEY);
    return settled(transaction, () => asSize(request.result));
  }

  clear(): Promise<void> {
    const transaction = this.#db.transaction([FEATURES, META], 'readwrite');
    transaction.objectStore(FEATURES).clear();
    transaction.objectStore(META).clear();
    return settled(transaction, () => undefined);
  }
}

/** Resolves when the transaction commits; rejects with its error (a QuotaExceededError when the disk is full). */
function settled<T>(transaction: IDBTransaction, result: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve(result());
    transaction.onerror = () => reject(transaction.error ?? new Error('The feature cache could not be used.'));
    transaction.onabort = () => reject(transaction.error ?? new Error('The feature cache transaction was aborted.'));
  });
}

function asSize(value: unknown): FeatureCacheSize {
  if (typeof value !== 'object' || value === null) return { entries: 0, bytes: 0 };
  const { entries, bytes } = value as Partial<FeatureCacheSize>;
  return { entries: typeof entries === 'number' ? entries : 0, bytes: typeof bytes === 'number' ? bytes : 0 };
}

function plus(a: FeatureCacheSize, b: FeatureCacheSize): FeatureCacheSize {
  return { entries: a.entries + b.entries, bytes: a.bytes + b.bytes };
}
