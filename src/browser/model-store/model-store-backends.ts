import type { io } from '@tensorflow/tfjs-core';
import type { ModelMetadata } from '../../core/model-library/model-metadata';
import type { BuiltinModelSource } from './builtin-model-source';

/** A model's saved topology and weights, as tfjs keeps them (in IndexedDB on the page and in workers). */
export interface WeightsBackend {
  save(id: string, artifacts: io.ModelArtifacts): Promise<void>;
  /** Throws if there is no such model. */
  load(id: string): Promise<io.ModelArtifacts>;
  /** Removes the model if it is there; no error if it is not. */
  remove(id: string): Promise<void>;
  /** Every stored model's id and when it was saved. */
  list(): Promise<StoredWeights[]>;
}

export interface StoredWeights {
  readonly id: string;
  readonly savedAt: Date;
}

/** The models' metadata and which model is active, in a small key-value store. */
export interface MetadataBackend {
  get(id: string): Promise<unknown>;
  put(metadata: ModelMetadata): Promise<void>;
  /** Changes one model's metadata in a single transaction; `change` gets the stored value. */
  update(id: string, change: (stored: unknown) => ModelMetadata): Promise<void>;
  remove(id: string): Promise<void>;
  /** Every stored metadata value by model id, unchecked (a damaged value is the store's to skip). */
  all(): Promise<Map<string, unknown>>;
  getActiveId(): Promise<string | undefined>;
  setActiveId(id: string | undefined): Promise<void>;
}

export interface ModelStoreBackends {
  readonly weights: WeightsBackend;
  readonly metadata: MetadataBackend;
  /** The model the app ships with: listed, loadable, exportable, active when none is chosen; never renamed or deleted. */
  readonly builtin?: BuiltinModelSource;
  /** Called after every change to the library, to tell other tabs and workers (see watchModelLibrary). */
  readonly announceChange?: () => void;
  /** Milliseconds since the epoch; a parameter so tests can move time. */
  readonly now?: () => number;
}
