import { expect, test } from './helpers/guard';
import { openTrain, setRecipe } from './helpers/train-page';

test('Train: the demo data loads and trains in a minute', async ({ page }) => {
  test.setTimeout(120_000);
  await openTrain(page);
  await page.getByRole('button', { name: 'Try with demo data' }).click();
  await expect(page.getByText('Dataset from ravdess-demo-train.zip.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'Split summary' })).toBeVisible();
  await setRecipe(page, { copies: 0, epochs: 2 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('training-summary')).toContainText('Trained 2 epochs', { timeout: 90_000 });
});

test('Test: the demo test set is scored with the built-in model', async ({ page }) => {
  await page.goto('./#/test');
  await expect(page.getByLabel('Model').locator('option:checked')).toHaveText('Default model (RAVDESS, TESS, EMO-DB)');
  await page.getByRole('button', { name: 'Try with demo data' }).click();
  await expect(page.getByText('Ready to test on ravdess-demo-test.zip.')).toBeVisible();
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByText(/^Tested 28 files of ravdess-demo-test\.zip: accuracy \d+\.\d%, unweighted average recall \d+\.\d% on 28 scored files(; it named an emotion for \d+\.\d% of them \(the rest "unsure" or "no speech found"\), right on \d+\.\d% of those)?\.$/)).toBeVisible({ timeout: 60_000 });
});
