import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { readModelBundle } from '../src/core/model-library/model-bundle';
import { expect, test } from './helpers/guard';
import { withoutBuiltinModel } from './helpers/model-fixture';
import { loadZips, openTrain, setRecipe } from './helpers/train-page';

const speechDir = fileURLToPath(new URL('../src/fixtures/speech/', import.meta.url));
const SPEECH = readdirSync(speechDir).filter((name) => name.endsWith('.wav')).sort().slice(0, 5);

/** Predicts five real utterances on the Predict page with the model in use; the downloaded CSV's text. */
async function predictionsCsv(page: Page): Promise<string> {
  await page.goto('./#/predict');
  await expect(page.getByText('Reading the model library…')).toBeHidden();
  await page.locator('#predict-files').setInputFiles(SPEECH.map((name) => ({ name, mimeType: 'audio/wav', buffer: readFileSync(`${speechDir}${name}`) })));
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByText(`5 of 5 files predicted.`, { exact: false })).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

const ALL_GOOD = ['folders.zip', 'ravdess.zip', 'tess.zip', 'emodb.zip', 'savee.zip', 'crema-d.zip'];

test('a small dataset trains for 2 epochs on wasm, with live curves and the final metrics', async ({ page, context }) => {
  // The trained model is then the only one, so Predict uses it.
  await withoutBuiltinModel(context);
  test.setTimeout(180_000);
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await setRecipe(page, { copies: 1, epochs: 2, batchSize: 8 });
  await page.getByLabel(/Weight averaging/).fill('0.99');
  await page.getByLabel(/Mask bands of coefficients/).check();
  await page.getByLabel('Frame masks').fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('training-summary')).toContainText(/Trained 2 epochs in .* on wasm \(\d threads?\)/, { timeout: 180_000 });
  await expect(page.getByTestId('training-summary')).toContainText(/validation accuracy \d+(\.\d)?%, unweighted average recall \d+(\.\d)?%/);
  await expect(page.getByRole('table', { name: /Validation confusion matrix/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /loss/i }).first()).toBeVisible();
  const saved = page.getByTestId('training-saved');
  await expect(saved).toContainText(/Saved as “6 emotions, speaker split, .* UTC” in your model library/);
  const name = (await saved.textContent())?.match(/“(.+)”/)?.[1] ?? '';
  await saved.getByRole('link', { name: 'model library' }).click();
  await expect(page.getByRole('heading', { name: 'Models in this browser' })).toBeVisible();
  await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible({ timeout: 30_000 });

  // The model survives a reload, predicts, and predicts the same after export, delete and import.
  await page.reload();
  await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
  const before = await predictionsCsv(page);
  expect(before.split('\r\n')).toHaveLength(7);
  await page.goto('./#/models');
  const [bundleDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: `Export ${name}` }).getByRole('button', { name: 'Model file (.zip)' }).click(),
  ]);
  const bundle = readFileSync((await bundleDownload.path())!);
  const { metadata } = await readModelBundle(new File([bundle], 'exported.zip'));
  expect(metadata.training).toMatchObject({ weightAveraging: 0.99, masking: { coefficientMasks: 2, maxCoefficients: 8, frameMasks: 1, maxFrames: 20 } });
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByTestId('empty-library')).toBeVisible();
  await page.locator('#model-files').setInputFiles([{ name: 'exported.zip', mimeType: 'application/zip', buffer: bundle }]);
  await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
  expect(await predictionsCsv(page)).toBe(before);
});

test('a reload during training offers to resume, and the resumed run finishes and is saved', async ({ page }) => {
  test.setTimeout(240_000);
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await setRecipe(page, { copies: 1, epochs: 40, batchSize: 4, earlyStopping: false });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('training-resumable')).toContainText('A checkpoint is kept after every epoch', { timeout: 60_000 });
  await expect(page.getByText(/^Epoch ([3-9]|\d\d) of 40/)).toBeVisible({ timeout: 60_000 });

  await page.reload();
  const notice = page.getByTestId('interrupted-run');
  await expect(notice).toContainText(/stopped after epoch ([2-9]|\d\d) of 40 when its tab closed/);
  const done = Number((await notice.textContent())?.match(/after epoch (\d+)/)?.[1]);
  await page.getByRole('button', { name: 'Resume training' }).click();
  await expect(page.getByText(`(resumed after epoch ${done})`, { exact: false })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('training-summary')).toContainText('Trained 40 epochs', { timeout: 180_000 });
  await expect(page.getByTestId('training-saved')).toContainText('Saved as');
  await expect(page.getByTestId('interrupted-run')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: '1. Data' })).toBeVisible();
  await expect(page.getByTestId('interrupted-run')).toHaveCount(0);
});

test('an interrupted run can be discarded', async ({ page }) => {
  test.setTimeout(120_000);
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await setRecipe(page, { epochs: 200, batchSize: 4, earlyStopping: false });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText(/^Epoch [2-9] of 200/)).toBeVisible({ timeout: 60_000 });
  await page.reload();
  await expect(page.getByTestId('interrupted-run')).toBeVisible();
  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect(page.getByTestId('interrupted-run')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: '1. Data' })).toBeVisible();
  await expect(page.getByTestId('interrupted-run')).toHaveCount(0);
});
