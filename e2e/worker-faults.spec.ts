import type { Page, Worker } from '@playwright/test';
import { expect, test } from './helpers/guard';
import { withoutBuiltinModel } from './helpers/model-fixture';
import { loadZips, openTrain, setRecipe } from './helpers/train-page';

/** The page's worker whose script name contains `name`, once it runs. */
async function workerNamed(page: Page, name: string): Promise<Worker> {
  await expect.poll(() => page.workers().some((worker) => worker.url().includes(name)), { timeout: 30_000 }).toBe(true);
  return page.workers().find((worker) => worker.url().includes(name))!;
}

/** Makes a worker die as a crash would: an uncaught error in its global scope. */
async function crash(worker: Worker): Promise<void> {
  await worker.evaluate(() => setTimeout(() => {
    throw new Error('simulated crash');
  }));
}

test('a dataset worker that dies mid-load is reported, and loading again works', async ({ page }) => {
  await openTrain(page);
  const files = ['folders.zip', 'ravdess.zip', 'tess.zip', 'emodb.zip', 'savee.zip', 'crema-d.zip'];
  const waitForWorker = workerNamed(page, 'dataset.worker');
  await page.locator('#dataset-files').setInputFiles(files.map((name) => `e2e/fixtures/datasets/${name}`));
  await crash(await waitForWorker);
  await expect(page.getByRole('alert')).toContainText('The dataset worker stopped unexpectedly');
  await loadZips(page, files);
});

test('a training worker that dies mid-run is reported, and the run can be resumed after a reload', async ({ page, context }) => {
  test.setTimeout(180_000);
  await withoutBuiltinModel(context);
  await openTrain(page);
  await loadZips(page, ['folders.zip', 'ravdess.zip', 'tess.zip', 'emodb.zip', 'savee.zip', 'crema-d.zip']);
  await setRecipe(page, { copies: 0, epochs: 30, batchSize: 4 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // Wait for a checkpoint (epoch 2 running means epoch 1's is kept), then kill the worker.
  await expect(page.getByText(/^Epoch ([2-9]|\d\d) of 30/)).toBeVisible({ timeout: 60_000 });
  await crash(await workerNamed(page, 'training.worker'));
  await expect(page.getByRole('alert')).toContainText('The training worker stopped unexpectedly');
  await page.reload();
  await expect(page.getByTestId('interrupted-run')).toContainText(/stopped after epoch \d+ of 30/);
  await expect(page.getByRole('button', { name: 'Resume training' })).toBeVisible();
});
