import * as tf from '@tensorflow/tfjs';
import { artifactsFromModelJson, modelJsonFromArtifacts } from '../../core/model-library/model-artifacts';
import { type ModelFiles, modelPairFiles, readModelFiles, writeModelBundle } from '../../core/model-library/model-bundle';
import { type ModelMetadata, parseModelMetadata, parseModelName } from '../../core/model-library/model-metadata';
import { type ValidatedModel, validateModelArtifacts } from '../../core/model-library/validate-model-artifacts';
import type { MetadataBackend, ModelStoreBackends, WeightsBackend } from './model-store-backends';
import { ModelStoreError } from './model-store-error';
import { diskFullError, isQuotaError } from './quota-error';
import { savedArtifacts } from '../../core/model-library/saved-artifacts';
import { BUILTIN_MODEL_ID } from '../../core/model-library/builtin-model';
import type { BuiltinModelSource } from './builtin-model-source';

/** A stored model, ready to predict: the caller owns (and disposes) the tfjs model. */
export interface LoadedModel {
  readonly model: tf.LayersModel;
  readonly metadata: ModelMetadata;
}

/**
 * Weights without metadata younger than this may be a save in progress (in another tab or the
 * training worker) between its two writes, so only older ones are removed as orphans.
 */
export const ORPHAN_GRACE_MS = 10 * 60 * 1000;

/**
 * The library of trained models kept in this browser. A model is two records: its topology and
 * weights (tfjs's IndexedDB storage) and its metadata (our key-value store). The metadata is the
 * commit record: it is written last when saving and removed first when deleting, so a crash at
 * any point leaves either the whole model or weights nobody lists, which `list()` later removes;
 * never a listed model without its weights.
 */
export class ModelStore {
  readonly #weights: WeightsBackend;
  readonly #metadata: MetadataBackend;
  readonly #now: () => number;
  readonly #announceChange: () => void;
  readonly #builtin: BuiltinModelSource | null;

  constructor(backends: ModelStoreBackends) {
    this.#weights = backends.weights;
    this.#metadata = backends.metadata;
    this.#builtin = backends.builtin ?? null;
    this.#now = backends.now ?? Date.now;
    this.#announceChange = backends.announceChange ?? (() => undefined);
  }

  /** Saves a trained model with its metadata, checked as an import would be; all or nothing. */
  async save(model: tf.LayersModel, metadata: ModelMetadata): Promise<ModelMetadata> {
    const checked = parseModelMetadata(metadata);
    const { modelJson, weights } = modelJsonFromArtifacts(await savedArtifacts(model), checked);
    return this.#store(validateModelArtifacts(modelJson, weights));
  }

  /** Imports a model bundle (.zip) or a tfjs model.json with its .bin files: checked fully first, then saved; all or nothing. */
  async importFiles(files: readonly File[]): Promise<ModelMetadata> {
    return this.#store(await readModelFiles(files));
  }

  /** Every usable model, newest first, then the built-in one; removes the remains of interrupted saves and deletes on the way. */
  async list(): Promise<ModelMetadata[]> {
    const [stored, builtin] = await Promise.all([this.#listStored(), this.#builtinModel()]);
    return builtin === null ? stored : [...stored, builtin.metadata];
  }

  /** Whether `id` is the model the app ships with (it cannot be renamed or deleted). */
  isBuiltin(id: string): boolean {
    return id === BUILTIN_MODEL_ID && this.#builtin !== null;
  }

  async #listStored(): Promise<ModelMetadata[]> {
    const [stored, weights] = await Promise.all([this.#metadata.all(), this.#weights.list()]);
    const withWeights = new Set(weights.map((entry) => entry.id));
    const orphans = weights.filter((entry) => !stored.has(entry.id) && this.#now() - entry.savedAt.getTime() > ORPHAN_GRACE_MS);
    const lost = [...stored.keys()].filter((id) => !withWeights.has(id));
    await Promise.all([...orphans.map((entry) => this.#weights.remove(entry.id)), ...lost.map((id) => this.#metadata.remove(id))]);
    const usable = [...stored].filter(([id]) => withWeights.has(id)).flatMap(([, value]) => parsedOrNothing(value));
    return usable.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name));
  }

  /** The model's metadata, or undefined if it is not (or no longer) in the library. */
  async get(id: string): Promise<ModelMetadata | undefined> {
    if (this.isBuiltin(id)) return (await this.#builtinModel())?.metadata;
    return parsedOrNothing(await this.#metadata.get(id))[0];
  }

  async load(id: string): Promise<LoadedModel> {
    const metadata = await this.#require(id);
    const artifacts = await this.#readWeights(metadata);
    return { model: await tf.loadLayersModel(tf.io.fromMemory(artifacts)), metadata };
  }

  async rename(id: string, name: string): Promise<ModelMetadata> {
    this.#refuseBuiltin(id, 'renamed');
    const newName = parseModelName(name);
    const current = await this.#require(id);
    const renamed = { ...current, name: newName };
    await this.#metadata.update(id, (stored) => ({ ...(parsedOrNothing(stored)[0] ?? current), name: newName }));
    this.#announceChange();
    return renamed;
  }

  async delete(id: string): Promise<void> {
    this.#refuseBuiltin(id, 'deleted');
    await this.#metadata.remove(id);
    this.#announceChange();
    if ((await this.#metadata.getActiveId()) === id) await this.#metadata.setActiveId(undefined);
    await this.#weights.remove(id);
  }

  async setActive(id: string | undefined): Promise<void> {
    if (id !== undefined) await this.#require(id);
    await this.#metadata.setActiveId(id);
    this.#announceChange();
  }

  /** The active model's metadata: the chosen one, else the built-in one; undefined if there is neither. */
  async getActive(): Promise<ModelMetadata | undefined> {
    const id = await this.#metadata.getActiveId();
    const chosen = id === undefined ? undefined : await this.get(id);
    return chosen ?? (await this.#builtinModel())?.metadata;
  }

  /** The active model, loaded; undefined if none is chosen. */
  async loadActive(): Promise<LoadedModel | undefined> {
    const active = await this.getActive();
    return active === undefined ? undefined : this.load(active.id);
  }

  /** The model as one file: a ZIP of model.json (metadata inside), weights.bin and metadata.json. */
  async exportBundle(id: string): Promise<Uint8Array> {
    return writeModelBundle(await this.#exportable(id));
  }

  /** The model as tfjs writes it: model.json (metadata inside) and weights.bin. */
  async exportFiles(id: string): Promise<ModelFiles> {
    return modelPairFiles(await this.#exportable(id));
  }

  async #exportable(id: string): Promise<ValidatedModel> {
    const builtin = this.isBuiltin(id) ? await this.#builtinModel() : null;
    if (builtin !== null) return builtin;
    const metadata = await this.#require(id);
    const { modelJson, weights } = modelJsonFromArtifacts(await this.#readWeights(metadata), metadata);
    return validateModelArtifacts(modelJson, weights);
  }

  async #store(model: ValidatedModel): Promise<ModelMetadata> {
    const { metadata } = model;
    const existing = await this.get(metadata.id);
    if (existing !== undefined) {
      throw new ModelStoreError(`This model is already in the library, as "${existing.name}"; nothing was added.`);
    }
    await this.#write(metadata.name, () => this.#weights.save(metadata.id, artifactsFromModelJson(model.modelJson, model.weights)), metadata.id);
    await this.#write(metadata.name, () => this.#metadata.put(metadata), metadata.id);
    this.#announceChange();
    return metadata;
  }

  /** Runs one write of a save; if it fails, removes whatever the save wrote so far. */
  async #write(modelName: string, write: () => Promise<void>, id: string): Promise<void> {
    try {
      await write();
    } catch (error) {
      await this.#weights.remove(id).catch(() => undefined);
      throw isQuotaError(error) ? diskFullError(modelName) : error;
    }
  }

  async #require(id: string): Promise<ModelMetadata> {
    const metadata = await this.get(id);
    if (metadata === undefined) throw new ModelStoreError('This model is no longer in the library; it may have been deleted in another tab.');
    return metadata;
  }

  #builtinModel(): Promise<ValidatedModel | null> {
    return this.#builtin?.load() ?? Promise.resolve(null);
  }

  #refuseBuiltin(id: string, what: 'renamed' | 'deleted'): void {
    if (this.isBuiltin(id)) throw new ModelStoreError(`The default model is built into the studio, so it cannot be ${what}; export it to keep a copy of your own.`);
  }

  async #readWeights(metadata: ModelMetadata): Promise<tf.io.ModelArtifacts> {
    if (this.isBuiltin(metadata.id)) {
      const builtin = await this.#builtinModel();
      if (builtin !== null) return artifactsFromModelJson(builtin.modelJson, builtin.weights);
    }
    try {
      return await this.#weights.load(metadata.id);
    } catch {
      throw new ModelStoreError(`The weights of "${metadata.name}" could not be read from this browser's storage; export it again from where it came, or train it again.`);
    }
  }
}

function parsedOrNothing(value: unknown): ModelMetadata[] {
  try {
    return value === undefined ? [] : [parseModelMetadata(value)];
  } catch {
    // Metadata this studio cannot read (damaged, or from a newer version) is skipped, not destroyed.
    return [];
  }
}
