import * as tf from '@tensorflow/tfjs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeStoredZip } from '../zip/zip-writer';
import { artifactsFromModelJson } from './model-artifacts';
import { modelPairFiles, readModelFiles, writeModelBundle } from './model-bundle';
import { ModelFileError } from './model-file-error';
import { sampleMetadata } from './test-support/sample-metadata';
import { type SavedModelFiles, thesisModelFiles, tinyModelFiles } from './test-support/saved-model';
import { validateModelArtifacts, type ValidatedModel } from './validate-model-artifacts';

const text = (value: string) => new TextEncoder().encode(value);
const file = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);

async function refusal(files: File[]): Promise<string> {
  const error = await readModelFiles(files).then(
    () => new Error('the files were accepted'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ModelFileError);
  return (error as Error).message;
}

let thesis: ValidatedModel;
let tiny: SavedModelFiles;

beforeAll(async () => {
  const files = await thesisModelFiles();
  thesis = validateModelArtifacts(files.modelJson, files.weights);
  tiny = await tinyModelFiles();
});

describe('model bundle', () => {
  it('round-trips the thesis CNN: same metadata, same weights, same predictions', async () => {
    const bundle = writeModelBundle(thesis);
    const read = await readModelFiles([file(bundle, 'thesis.zip')]);
    expect(read.metadata).toEqual(thesis.metadata);
    expect(Buffer.from(read.weights).equals(Buffer.from(thesis.weights))).toBe(true);
    const [before, after] = await Promise.all([thesis, read].map((model) => tf.loadLayersModel(tf.io.fromMemory(artifactsFromModelJson(model.modelJson, model.weights)))));
    const input = tf.randomNormal([2, 182, 40], 0, 1, 'float32', 3);
    const [p, q] = [before.predict(input) as tf.Tensor, after.predict(input) as tf.Tensor];
    expect(Array.from(await q.data())).toEqual(Array.from(await p.data()));
    tf.dispose([input, p, q]);
    before.dispose();
    after.dispose();
  });

  it('holds model.json (metadata inside), weights.bin and a readable metadata.json that other tools open', async () => {
    const zip = await JSZip.loadAsync(writeModelBundle(thesis));
    expect(Object.keys(zip.files).sort()).toEqual(['metadata.json', 'model.json', 'weights.bin']);
    const modelJson = JSON.parse(await zip.file('model.json')!.async('string'));
    expect(modelJson.userDefinedMetadata.serStudio).toEqual(thesis.metadata);
    expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(JSON.parse(await zip.file('metadata.json')!.async('string'))).toEqual(thesis.metadata);
  });

  it('leaves out a training config (optimizer, loss) that tfjs would deserialise on load', async () => {
    const withTraining = { ...thesis, modelJson: { ...thesis.modelJson, trainingConfig: { loss: 'categoricalCrossentropy', optimizer_config: { class_name: 'Evil', config: {} } } } };
    const read = await readModelFiles([file(writeModelBundle(withTraining), 'm.zip')]);
    expect(artifactsFromModelJson(read.modelJson, read.weights).trainingConfig).toBeUndefined();
  });

  it('writes renamed metadata into the bundle', async () => {
    const renamed = { ...thesis, metadata: { ...thesis.metadata, name: 'Renamed' } };
    expect((await readModelFiles([file(writeModelBundle(renamed), 'm.zip')])).metadata.name).toBe('Renamed');
  });
});

describe('tfjs model.json + weights pair', () => {
  it('imports the pair as exported, in either order', async () => {
    const pair = modelPairFiles(thesis);
    const read = await readModelFiles([file(pair.weights, 'weights.bin'), file(pair.modelJson, 'model.json')]);
    expect(read.metadata.id).toBe(thesis.metadata.id);
  });

  it('joins several .bin shards in manifest order', async () => {
    const half = Math.floor(tiny.weights.length / 8) * 4;
    const modelJson = { ...tiny.modelJson, weightsManifest: [{ paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: tiny.modelJson.weightsManifest[0].weights }] };
    const read = await readModelFiles([
      file(tiny.weights.slice(half), 'group1-shard2of2.bin'),
      file(text(JSON.stringify(modelJson)), 'model.json'),
      file(tiny.weights.slice(0, half), 'group1-shard1of2.bin'),
    ]);
    expect(Array.from(read.weights)).toEqual(Array.from(tiny.weights));
  });

  it('refuses a plain tfjs model.json without SER Studio metadata', async () => {
    const { userDefinedMetadata: _dropped, ...bare } = tiny.modelJson;
    expect(await refusal([file(text(JSON.stringify(bare)), 'model.json'), file(tiny.weights, 'weights.bin')])).toMatch(
      /^This model\.json has no SER Studio metadata \(labels, features\)/,
    );
  });

  it('says which weights file is missing', async () => {
    expect(await refusal([file(text(JSON.stringify(tiny.modelJson)), 'model.json')])).toBe('model.json needs its weights file weights.bin: choose model.json together with it.');
  });

  it('refuses files that are no model at all', async () => {
    expect(await refusal([file(text('hello'), 'notes.txt')])).toMatch(/None of the chosen files is a model file/);
    expect(await refusal([file(text('{"format": '), 'model.json'), file(tiny.weights, 'weights.bin')])).toMatch(/model\.json is not valid JSON/);
  });
});

describe('bundles that are not models', () => {
  it('refuses a ZIP without model.json, a ZIP missing its weights and a file that is not a ZIP', async () => {
    const random = writeStoredZip([{ path: 'photos/cat.jpg', data: text('meow') }]);
    expect(await refusal([file(random, 'holiday.zip')])).toBe(
      'holiday.zip holds no model.json, so it is not a model file. Choose a model exported from SER Studio (.zip), or a model.json with its weights.',
    );
    const noWeights = writeStoredZip([{ path: 'model.json', data: text(JSON.stringify(tiny.modelJson)) }]);
    expect(await refusal([file(noWeights, 'half.zip')])).toMatch(/half\.zip lacks weights\.bin/);
    expect(await refusal([file(text('just text'), 'fake.zip')])).toMatch(/^fake\.zip could not be read as a model file: it is not a ZIP archive/);
  });

  it('refuses a bundle whose weights were swapped for another model\'s', async () => {
    const swapped = writeStoredZip([
      { path: 'model.json', data: text(JSON.stringify(thesis.modelJson)) },
      { path: 'weights.bin', data: tiny.weights },
    ]);
    expect(await refusal([file(swapped, 'swapped.zip')])).toMatch(/the weights file does not belong to this model\.json/);
  });

  it('refuses a bundle whose weights.bin is damaged (checksum)', async () => {
    const bundle = writeModelBundle(thesis);
    const damaged = bundle.slice();
    damaged[200_000] ^= 0xff;
    expect(await refusal([file(damaged, 'damaged.zip')])).toMatch(/damaged\.zip could not be read as a model file: weights\.bin: its data does not match its checksum/);
  });

  it('refuses two files when one is a bundle', async () => {
    const bundle = writeModelBundle({ ...thesis, metadata: sampleMetadata() });
    expect(await refusal([file(bundle, 'a.zip'), file(bundle, 'b.zip')])).toMatch(/Choose one model file \(\.zip\) at a time/);
  });
});
