import { writeStoredZip } from '../src/core/zip/zip-writer';
import { toneWav } from '../workers/testing/tone-wav';
import { expect, test } from './helpers/guard';
import { loadZips, openTrain, setRecipe } from './helpers/train-page';

const ALL_GOOD = ['folders.zip', 'ravdess.zip', 'tess.zip', 'emodb.zip', 'savee.zip', 'crema-d.zip'];

test('a dataset of one emotion says a model needs two, and Train stays off', async ({ page }) => {
  await openTrain(page);
  const zip = writeStoredZip([1, 2, 3, 4].map((take) => ({ path: `angry/${take}.wav`, data: toneWav(0.5, 200 + 50 * take) })));
  await loadZips(page, [{ name: 'angry-only.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) }]);
  await expect(page.getByText('A model needs at least two emotions to tell apart, and this dataset has only “anger”: add files of other emotions.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
});

test('two tabs cannot train at once: the second is told, and the first goes on', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await setRecipe(page, { copies: 0, epochs: 50, batchSize: 4, earlyStopping: false });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText(/^Epoch \d+ of 50/)).toBeVisible({ timeout: 60_000 });

  const second = await context.newPage();
  await openTrain(second);
  await expect(second.getByTestId('interrupted-run')).toHaveCount(0);
  await loadZips(second, ALL_GOOD);
  await second.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(second.getByRole('alert')).toContainText('Another tab of the studio is training a model.');
  await expect(page.getByText(/^Epoch \d+ of 50/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Training was cancelled; nothing was saved.')).toBeVisible({ timeout: 30_000 });
});
