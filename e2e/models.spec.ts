import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Download, Page } from '@playwright/test';
import { readModelBundle, readModelFiles } from '../src/core/model-library/model-bundle';
import { openZip } from '../src/core/zip/open-zip';
import { writeStoredZip } from '../src/core/zip/zip-writer';
import { expect, test } from './helpers/guard';
import { withoutBuiltinModel } from './helpers/model-fixture';

const FIXTURE_NAME = 'Thesis CNN fixture';
const fixturePath = fileURLToPath(new URL('./fixtures/models/thesis-cnn.zip', import.meta.url));
const fixtureBytes = readFileSync(fixturePath);

interface InputFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const zipFile = (name: string, bytes: Uint8Array): InputFile => ({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
const fixture = (): InputFile => zipFile('thesis-cnn.zip', fixtureBytes);
const asFile = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);

async function openModels(page: Page): Promise<void> {
  await page.goto('./#/models');
  await expect(page.getByRole('heading', { name: 'Models in this browser' })).toBeVisible();
  await expect(page.getByText('Reading the model library…')).toBeHidden();
}

async function importFiles(page: Page, files: InputFile[]): Promise<void> {
  await page.locator('#model-files').setInputFiles(files);
}

function modelCards(page: Page) {
  return page.getByRole('list', { name: 'Models' }).getByRole('article');
}

async function downloadBytes(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

/** The fixture's model.json and weights, for making broken variants of it. */
async function fixtureParts(): Promise<{ modelJson: Record<string, any>; weights: Uint8Array }> {
  const archive = await openZip(new Blob([fixtureBytes]), 'thesis-cnn.zip');
  const read = (name: string) => archive.read(archive.entries.find((entry) => entry.path === name)!);
  return { modelJson: JSON.parse(new TextDecoder().decode(await read('model.json'))), weights: await read('weights.bin') };
}

// These tests are about the user's own models: the built-in default model is hidden (see builtin-model.spec.ts).
test.beforeEach(({ context }) => withoutBuiltinModel(context));

test('tfjs and the model store load with the Models page, not with the app', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((path) => /open-model-store|ModelLibraryView/.test(path))).toEqual([]);
  await page.getByRole('link', { name: 'Models' }).first().click();
  await expect(page.getByRole('heading', { name: 'Models in this browser' })).toBeVisible();
  expect(scripts.some((path) => /open-model-store/.test(path))).toBe(true);
});

test('an empty library says how to get a model', async ({ page }) => {
  await openModels(page);
  const empty = page.getByTestId('empty-library');
  await expect(empty).toContainText('No models yet');
  await expect(empty.getByRole('link', { name: 'Train page' })).toHaveAttribute('href', '#/train');
});

test('imports, keeps, renames, activates, exports, deletes and re-imports a model', async ({ page }) => {
  await openModels(page);
  await importFiles(page, [fixture()]);
  await expect(page.getByRole('status')).toHaveText(`Imported "${FIXTURE_NAME}" from thesis-cnn.zip.`);
  const card = page.getByRole('article', { name: FIXTURE_NAME });
  await expect(card).toContainText('anger, disgust, fear, happiness, neutral, sadness, surprise');
  await expect(card.getByTestId('validation-scores')).toHaveText('UAR 75.0%, accuracy 75.0%');
  await expect(card).toContainText('random (leaky), seed 1');
  await expect(card).toContainText('so these scores are optimistic');
  await expect(card).toContainText('7 min 01 s on wasm, 30 of 50 epochs');
  await expect(card).toContainText('336 training files from ravdess.zip, tess.zip, 4 speakers');

  await page.reload();
  await expect(modelCards(page)).toHaveCount(1);
  await expect(page.getByRole('article', { name: FIXTURE_NAME })).toBeVisible();

  await page.getByRole('button', { name: `Rename ${FIXTURE_NAME}` }).click();
  await page.getByLabel('New name').fill('  Renamed CNN  ');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { name: 'Renamed CNN', level: 3 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rename Renamed CNN' })).toBeFocused();

  await page.getByRole('radio', { name: 'Active model: Renamed CNN' }).check();
  await expect(page.getByRole('status')).toHaveText('"Renamed CNN" is now the active model: Predict and Live use it.');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Active model: Renamed CNN' })).toBeChecked();

  const exported = page.getByRole('group', { name: 'Export Renamed CNN' });
  const [bundleDownload] = await Promise.all([page.waitForEvent('download'), exported.getByRole('button', { name: 'Model file (.zip)' }).click()]);
  expect(bundleDownload.suggestedFilename()).toBe('renamed-cnn.zip');
  const bundle = await downloadBytes(bundleDownload);
  const fromBundle = await readModelBundle(asFile(bundle, 'renamed-cnn.zip'));
  const original = await readModelBundle(asFile(fixtureBytes, 'thesis-cnn.zip'));
  expect(fromBundle.metadata).toEqual({ ...original.metadata, name: 'Renamed CNN' });
  expect(Buffer.from(fromBundle.weights).equals(Buffer.from(original.weights))).toBe(true);

  const pairDownloads: Download[] = [];
  page.on('download', (download) => pairDownloads.push(download));
  await exported.getByRole('button', { name: 'TensorFlow.js files (model.json + weights.bin)' }).click();
  await expect.poll(() => pairDownloads.length).toBe(2);
  expect(pairDownloads.map((download) => download.suggestedFilename())).toEqual(['model.json', 'weights.bin']);
  const [jsonBytes, weightBytes] = await Promise.all(pairDownloads.map(downloadBytes));
  const fromPair = await readModelFiles([asFile(jsonBytes, 'model.json'), asFile(weightBytes, 'weights.bin')]);
  expect(fromPair.metadata.name).toBe('Renamed CNN');
  expect(Buffer.from(fromPair.weights).equals(Buffer.from(original.weights))).toBe(true);

  await page.getByRole('button', { name: 'Delete Renamed CNN' }).click();
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByTestId('empty-library')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Models in this browser' })).toBeFocused();
  await page.reload();
  await expect(page.getByTestId('empty-library')).toBeVisible();

  await importFiles(page, [zipFile('renamed-cnn.zip', bundle)]);
  await expect(page.getByRole('status')).toHaveText('Imported "Renamed CNN" from renamed-cnn.zip.');
  await expect(modelCards(page)).toHaveCount(1);
  await expect(page.getByRole('radio', { name: 'Active model: Renamed CNN' })).not.toBeChecked();
});

test('imports the model.json + weights.bin pair', async ({ page }) => {
  const { modelJson, weights } = await fixtureParts();
  await openModels(page);
  await importFiles(page, [
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(modelJson)) },
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(weights) },
  ]);
  await expect(page.getByRole('status')).toHaveText(`Imported "${FIXTURE_NAME}" from model.json and weights.bin.`);
  await expect(modelCards(page)).toHaveCount(1);
});

test('refuses a tampered bundle, a random ZIP, a plain tfjs model and a duplicate, adding nothing', async ({ page }) => {
  const { modelJson, weights } = await fixtureParts();
  await openModels(page);
  await importFiles(page, [fixture()]);
  await expect(modelCards(page)).toHaveCount(1);

  const withLambda = structuredClone(modelJson);
  withLambda.modelTopology.config.layers.splice(2, 0, { class_name: 'Lambda', config: { name: 'payload', function: 'x' } });
  const lambdaZip = writeStoredZip([
    { path: 'model.json', data: new TextEncoder().encode(JSON.stringify(withLambda)) },
    { path: 'weights.bin', data: weights },
  ]);
  const shortWeights = writeStoredZip([
    { path: 'model.json', data: new TextEncoder().encode(JSON.stringify(modelJson)) },
    { path: 'weights.bin', data: weights.subarray(0, weights.length - 4) },
  ]);
  const holiday = writeStoredZip([{ path: 'photos/beach.txt', data: new TextEncoder().encode('sand') }]);
  const { userDefinedMetadata: _metadata, ...plainJson } = modelJson;

  const refusals: [InputFile[], RegExp][] = [
    [[zipFile('lambda.zip', lambdaZip)], /^lambda\.zip was not imported: the model's layer "payload" is a Lambda layer, which the studio does not load/],
    [[zipFile('short.zip', shortWeights)], /^short\.zip was not imported: the weights hold 1,411,864 bytes, but the model\.json describes 1,411,868 bytes/],
    [[zipFile('holiday.zip', holiday)], /^holiday\.zip was not imported: holiday\.zip holds no model\.json, so it is not a model file/],
    [
      [
        { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plainJson)) },
        { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(weights) },
      ],
      /^model\.json and weights\.bin were not imported: this model\.json has no SER Studio metadata \(labels, features\)/,
    ],
    [[fixture()], /^thesis-cnn\.zip was not imported: this model is already in the library, as "Thesis CNN fixture"; nothing was added\.$/],
  ];
  for (const [files, message] of refusals) {
    await importFiles(page, files);
    await expect(page.getByRole('alert')).toHaveText(message);
    await expect(modelCards(page)).toHaveCount(1);
  }
  await page.reload();
  await expect(modelCards(page)).toHaveCount(1);
});

test('a model imported in one tab shows up in another tab that has the Models page open', async ({ page, context }) => {
  await openModels(page);
  const other = await context.newPage();
  await openModels(other);
  await expect(other.getByTestId('empty-library')).toBeVisible();
  await importFiles(page, [fixture()]);
  await expect(other.getByRole('article', { name: FIXTURE_NAME })).toBeVisible();
  await page.getByRole('button', { name: `Delete ${FIXTURE_NAME}` }).click();
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(other.getByTestId('empty-library')).toBeVisible();
  await other.close();
});

test('says the disk is full and adds nothing when the browser refuses the storage', async ({ page, baseURL }) => {
  await openModels(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 300_000 });
  await importFiles(page, [fixture()]);
  await expect(page.getByRole('alert')).toHaveText(
    /^thesis-cnn\.zip was not imported: the disk is full: the browser refused to store the model "Thesis CNN fixture", so nothing was saved\./,
  );
  await expect(page.getByTestId('empty-library')).toBeVisible();
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin });
  await page.reload();
  await expect(page.getByTestId('empty-library')).toBeVisible();
  expect(await storedKeys(page)).toEqual({ tfjsModels: [], tfjsInfo: [], metadata: [] });
});

/** Every key in tfjs's model database and in the studio's metadata store. */
function storedKeys(page: Page): Promise<Record<'tfjsModels' | 'tfjsInfo' | 'metadata', string[]>> {
  return page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const keys = (database: IDBDatabase, store: string) =>
      new Promise<string[]>((resolve, reject) => {
        if (!database.objectStoreNames.contains(store)) return resolve([]);
        const request = database.transaction(store).objectStore(store).getAllKeys();
        request.onsuccess = () => resolve(request.result.map(String));
        request.onerror = () => reject(request.error);
      });
    const [tfjs, studio] = await Promise.all([open('tensorflowjs'), open('ser-studio-models')]);
    const result = {
      tfjsModels: await keys(tfjs, 'models_store'),
      tfjsInfo: await keys(tfjs, 'model_info_store'),
      metadata: await keys(studio, 'models'),
    };
    tfjs.close();
    studio.close();
    return result;
  });
}
