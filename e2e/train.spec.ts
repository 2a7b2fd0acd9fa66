import { expect, test } from './helpers/guard';
import { loadZips, openTrain } from './helpers/train-page';

const ALL_GOOD = ['folders.zip', 'ravdess.zip', 'tess.zip', 'emodb.zip', 'savee.zip', 'crema-d.zip'];

test('a small dataset trains for 2 epochs on wasm, with live curves and the final metrics', async ({ page }) => {
  test.setTimeout(180_000);
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await page.getByLabel('Augmented copies per training clip').fill('1');
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  await page.getByLabel('Batch size').fill('8');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('training-backend')).toContainText('Training on wasm', { timeout: 60_000 });
  await expect(page.getByTestId('training-backend')).toContainText('no hardware GPU was found');
  await expect(page.getByTestId('training-summary')).toContainText('Trained 2 epochs', { timeout: 120_000 });
  await expect(page.getByTestId('training-summary')).toContainText(/validation accuracy \d+(\.\d)?%, unweighted average recall \d+(\.\d)?%/);
  await expect(page.getByRole('table', { name: /Validation confusion matrix/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /loss/i }).first()).toBeVisible();
  await expect(page.getByTestId('training-saved')).toContainText(/Saved as “6 emotions, speaker split, .* UTC” in your model library/);
});
