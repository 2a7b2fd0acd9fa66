import * as tf from '@tensorflow/tfjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ModelFileError } from '../../core/model-library/model-file-error';
import { BUILTIN_MODEL_ID } from '../../core/model-library/builtin-model';
import { createTinyModel, tinyMetadata, tinyModelFiles } from '../../core/model-library/test-support/saved-model';
import { validateModelArtifacts } from '../../core/model-library/validate-model-artifacts';
import { writeStoredZip } from '../../core/zip/zip-writer';
import { ModelStore, ORPHAN_GRACE_MS } from './model-store';
import { ModelStoreError } from './model-store-error';
import { MemoryBackends } from './test-support/memory-backends';

const asFile = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);

function quotaError(): Error {
  const error = new Error('The quota has been exceeded.');
  error.name = 'QuotaExceededError';
  return error;
}

async function predictions(model: tf.LayersModel): Promise<number[]> {
  const input = tf.randomNormal([2, 8, 4], 0, 1, 'float32', 5);
  const output = model.predict(input) as tf.Tensor;
  const values = Array.from(await output.data());
  tf.dispose([input, output]);
  return values;
}

let backends: MemoryBackends;
let store: ModelStore;

async function saveTiny(id: string, createdAt = '2026-11-24T05:00:00.000Z', name = id): Promise<tf.LayersModel> {
  const model = createTinyModel();
  await store.save(model, tinyMetadata({ id, createdAt, name }));
  return model;
}

beforeEach(() => {
  backends = new MemoryBackends();
  store = new ModelStore(backends);
});

describe('ModelStore: save, list, load', () => {
  it('saves a trained model and loads it back with the same predictions', async () => {
    const model = await saveTiny('a');
    const loaded = await store.load('a');
    expect(loaded.metadata.labels).toEqual(['anger', 'happiness', 'sadness']);
    expect(await predictions(loaded.model)).toEqual(await predictions(model));
    model.dispose();
    loaded.model.dispose();
  });

  it('lists models newest first', async () => {
    (await saveTiny('old', '2026-01-01T00:00:00.000Z')).dispose();
    (await saveTiny('new', '2026-06-01T00:00:00.000Z')).dispose();
    (await saveTiny('mid', '2026-03-01T00:00:00.000Z')).dispose();
    expect((await store.list()).map((metadata) => metadata.id)).toEqual(['new', 'mid', 'old']);
  });

  it('refuses metadata that does not fit the model, and saves nothing', async () => {
    const model = createTinyModel();
    await expect(store.save(model, tinyMetadata({ labels: ['a', 'b', 'c', 'd'] }))).rejects.toThrow(/has 3 outputs but its metadata names 4 labels/);
    expect(backends.weightRecords.size + backends.metadataRecords.size).toBe(0);
    model.dispose();
  });

  it('refuses a second model with the same id', async () => {
    (await saveTiny('a')).dispose();
    const model = createTinyModel();
    await expect(store.save(model, tinyMetadata({ id: 'a' }))).rejects.toThrow(/already in the library, as "a"; nothing was added/);
    model.dispose();
  });
});

describe('ModelStore: all or nothing', () => {
  it('says the disk is full and keeps nothing when the weights do not fit', async () => {
    backends.faults.weightsSave = quotaError();
    const model = createTinyModel();
    const failure = store.save(model, tinyMetadata());
    await expect(failure).rejects.toBeInstanceOf(ModelStoreError);
    await expect(failure).rejects.toThrow(/^The disk is full: the browser refused to store the model "Tiny", so nothing was saved/);
    expect(backends.weightRecords.size + backends.metadataRecords.size).toBe(0);
    model.dispose();
  });

  it('removes the saved weights when the metadata does not fit', async () => {
    backends.faults.metadataPut = quotaError();
    const model = createTinyModel();
    await expect(store.save(model, tinyMetadata())).rejects.toThrow(/The disk is full/);
    expect(backends.weightRecords.size + backends.metadataRecords.size).toBe(0);
    model.dispose();
  });

  it('hides weights left by a save that stopped half way, and removes them once they are surely not a save in progress', async () => {
    backends.faults.metadataPut = new Error('tab closed');
    backends.faults.weightsRemove = new Error('tab closed');
    const model = createTinyModel();
    await expect(store.save(model, tinyMetadata())).rejects.toThrow('tab closed');
    model.dispose();
    expect(backends.weightRecords.size).toBe(1);
    expect(await store.list()).toEqual([]);
    expect(backends.weightRecords.size).toBe(1);
    backends.clock += ORPHAN_GRACE_MS + 1;
    expect(await store.list()).toEqual([]);
    expect(backends.weightRecords.size).toBe(0);
  });

  it('deletes metadata first, so a delete that stops half way leaves no listed model without weights', async () => {
    (await saveTiny('a')).dispose();
    await store.setActive('a');
    backends.faults.weightsRemove = new Error('tab closed');
    await expect(store.delete('a')).rejects.toThrow('tab closed');
    expect(await store.list()).toEqual([]);
    expect(await store.getActive()).toBeUndefined();
    backends.clock += ORPHAN_GRACE_MS + 1;
    await store.list();
    expect(backends.weightRecords.size).toBe(0);
  });

  it('drops metadata whose weights are gone, and skips metadata it cannot read without destroying it', async () => {
    (await saveTiny('a')).dispose();
    (await saveTiny('b')).dispose();
    backends.weightRecords.delete('a');
    backends.metadataRecords.set('b', { ...(backends.metadataRecords.get('b') as object), version: 99 });
    expect(await store.list()).toEqual([]);
    expect([...backends.metadataRecords.keys()]).toEqual(['b']);
  });
});

describe('ModelStore: rename, delete, active model', () => {
  it('renames a model, trimming the name, and refuses an empty name', async () => {
    (await saveTiny('a')).dispose();
    expect((await store.rename('a', '  Best so far ')).name).toBe('Best so far');
    expect((await store.list())[0].name).toBe('Best so far');
    await expect(store.rename('a', '  ')).rejects.toThrow(/needs a name/);
    await expect(store.rename('missing', 'x')).rejects.toThrow(/no longer in the library/);
  });

  it('deletes both parts of a model and clears it as the active model', async () => {
    (await saveTiny('a')).dispose();
    (await saveTiny('b')).dispose();
    await store.setActive('a');
    expect((await store.getActive())?.id).toBe('a');
    await store.delete('a');
    expect(backends.weightRecords.has('a') || backends.metadataRecords.has('a')).toBe(false);
    expect(await store.getActive()).toBeUndefined();
    expect((await store.list()).map((metadata) => metadata.id)).toEqual(['b']);
  });

  it('loads the active model, and refuses to activate a model that is not there', async () => {
    (await saveTiny('a')).dispose();
    expect(await store.loadActive()).toBeUndefined();
    await store.setActive('a');
    const loaded = await store.loadActive();
    expect(loaded?.metadata.id).toBe('a');
    loaded?.model.dispose();
    await expect(store.setActive('nope')).rejects.toThrow(/no longer in the library/);
  });
});

describe('ModelStore: change announcements', () => {
  it('announces each change that other tabs and workers should see, and only those', async () => {
    let announced = 0;
    store = new ModelStore({ weights: backends.weights, metadata: backends.metadata, now: backends.now, announceChange: () => announced++ });
    (await saveTiny('a')).dispose();
    expect(announced).toBe(1);
    await store.rename('a', 'B');
    await store.setActive('a');
    await store.list();
    await store.exportBundle('a');
    expect(announced).toBe(3);
    await store.delete('a');
    expect(announced).toBe(4);
    const model = createTinyModel();
    await expect(store.save(model, tinyMetadata({ labels: ['x', 'y'] }))).rejects.toThrow();
    model.dispose();
    expect(announced).toBe(4);
  });
});

describe('ModelStore: export and import', () => {
  it('exports a bundle with the current name that imports back after a delete', async () => {
    (await saveTiny('a')).dispose();
    await store.rename('a', 'Renamed');
    const bundle = await store.exportBundle('a');
    await store.delete('a');
    const imported = await store.importFiles([asFile(bundle, 'a.zip')]);
    expect(imported.name).toBe('Renamed');
    expect((await store.list()).map((metadata) => metadata.name)).toEqual(['Renamed']);
  });

  it('exports the tfjs pair, which imports into another library', async () => {
    (await saveTiny('a')).dispose();
    const files = await store.exportFiles('a');
    const other = new ModelStore(new MemoryBackends());
    await other.importFiles([asFile(files.modelJson, 'model.json'), asFile(files.weights, 'weights.bin')]);
    expect((await other.list()).map((metadata) => metadata.id)).toEqual(['a']);
  });

  it('refuses a tampered bundle and a random ZIP, adding nothing', async () => {
    (await saveTiny('a')).dispose();
    const files = await store.exportFiles('a');
    const modelJson = JSON.parse(new TextDecoder().decode(files.modelJson));
    modelJson.modelTopology.config.layers.splice(1, 0, { class_name: 'Lambda', config: { name: 'payload' } });
    const tampered = writeStoredZip([
      { path: 'model.json', data: new TextEncoder().encode(JSON.stringify(modelJson)) },
      { path: 'weights.bin', data: files.weights },
    ]);
    const random = writeStoredZip([{ path: 'readme.txt', data: new TextEncoder().encode('hi') }]);
    const other = new ModelStore(new MemoryBackends());
    await expect(other.importFiles([asFile(tampered, 'tampered.zip')])).rejects.toThrow(/layer "payload" is a Lambda layer/);
    await expect(other.importFiles([asFile(random, 'random.zip')])).rejects.toThrow(ModelFileError);
    expect(await other.list()).toEqual([]);
  });

  it('refuses to import a model that is already there', async () => {
    (await saveTiny('a', undefined, 'First')).dispose();
    const bundle = await store.exportBundle('a');
    await expect(store.importFiles([asFile(bundle, 'a.zip')])).rejects.toThrow('This model is already in the library, as "First"; nothing was added.');
  });
});

describe('ModelStore: the built-in model', () => {
  async function withBuiltin(): Promise<ModelStore> {
    const files = await tinyModelFiles(tinyMetadata({ id: BUILTIN_MODEL_ID, name: 'Default', createdAt: '2026-01-01T00:00:00.000Z' }));
    const builtin = validateModelArtifacts(files.modelJson, files.weights);
    return new ModelStore({ ...backends, weights: backends.weights, metadata: backends.metadata, builtin: { load: async () => builtin } });
  }

  it('is listed after the stored models, active when none is chosen, and loads', async () => {
    const withDefault = await withBuiltin();
    store = withDefault;
    await saveTiny('mine', '2026-11-24T05:00:00.000Z');
    expect((await withDefault.list()).map((m) => m.id)).toEqual(['mine', BUILTIN_MODEL_ID]);
    expect((await withDefault.getActive())?.id).toBe(BUILTIN_MODEL_ID);
    await withDefault.setActive('mine');
    expect((await withDefault.getActive())?.id).toBe('mine');
    const loaded = await withDefault.load(BUILTIN_MODEL_ID);
    expect(loaded.metadata.name).toBe('Default');
    expect(await predictions(loaded.model)).toHaveLength(6);
    loaded.model.dispose();
  });

  it('cannot be renamed or deleted, but exports; an import of it adds nothing', async () => {
    const withDefault = await withBuiltin();
    await expect(withDefault.rename(BUILTIN_MODEL_ID, 'x')).rejects.toThrow(/built into the studio, so it cannot be renamed/);
    await expect(withDefault.delete(BUILTIN_MODEL_ID)).rejects.toThrow(/cannot be deleted/);
    const bundle = await withDefault.exportBundle(BUILTIN_MODEL_ID);
    await expect(withDefault.importFiles([asFile(bundle, 'default.zip')])).rejects.toThrow(/already in the library, as "Default"/);
    expect((await withDefault.list()).map((m) => m.id)).toEqual([BUILTIN_MODEL_ID]);
  });

  it('is simply absent when the app ships none', async () => {
    const none = new ModelStore({ weights: backends.weights, metadata: backends.metadata, builtin: { load: async () => null } });
    expect(await none.list()).toEqual([]);
    expect(await none.getActive()).toBeUndefined();
  });
});
