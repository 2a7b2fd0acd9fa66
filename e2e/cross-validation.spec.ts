import type { Page } from '@playwright/test';
import { expect, test } from './helpers/guard';
import { openTrain, rowsOf, setRecipe } from './helpers/train-page';

async function loadDemo(page: Page): Promise<void> {
  await openTrain(page);
  await page.getByRole('button', { name: 'Try with demo data' }).click();
  await expect(page.getByText('Dataset from ravdess-demo-train.zip.')).toBeVisible({ timeout: 30_000 });
  await setRecipe(page, { copies: 0, epochs: 2 });
  await page.getByLabel('Folds').fill('2');
}

test('a 2-fold cross-validation by speaker shows each fold, the mean ± sd and the pooled matrix, and goes on after a reload', async ({ page }) => {
  test.setTimeout(240_000);
  await loadDemo(page);
  await page.getByRole('button', { name: 'Cross-validate (2 folds)' }).click();
  await expect(page.getByTestId('cv-progress')).toContainText(/^Fold 1 of 2: /);
  const folds = page.getByTestId('cv-folds');
  // After the first fold, a reload: the same data and settings go on from fold 2.
  await expect(folds.locator('tbody tr')).toHaveCount(1, { timeout: 120_000 });
  await page.reload();
  await loadDemo(page);
  await page.getByRole('button', { name: 'Cross-validate (2 folds)' }).click();
  await expect(page.getByText('1 fold was finished before a reload and kept.')).toBeVisible();
  await expect(folds.locator('tbody tr')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.getByTestId('cv-progress')).toBeHidden();

  const [first, second] = await rowsOf(folds);
  const mean = await page.getByTestId('cv-mean').locator('th, td').allTextContents();
  expect(mean[1]).toBe('2 of 2 folds');
  // Folds 1 and 2 score two different pairs of the demo's four actors.
  const scored = [first[1], second[1]].flatMap((speakers) => speakers.split(', '));
  expect(new Set(scored)).toEqual(new Set(['ravdess:01', 'ravdess:02', 'ravdess:03', 'ravdess:04']));
  const uars = [first[3], second[3]].map((cell) => parseFloat(cell));
  const meanUar = (uars[0] + uars[1]) / 2;
  expect(mean[0]).toBe('Mean ± sd');
  expect(mean[2]).toMatch(/^\d+\.\d ± \d+\.\d%$/);
  expect(Math.abs(parseFloat(mean[2]) - meanUar)).toBeLessThanOrEqual(0.051);
  await expect(page.getByRole('table', { name: /Every fold's scored files in one matrix/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Recall of each emotion over the folds (mean ± sd).' }).locator('tbody tr')).toHaveCount(7);
});

test('cross-validation with more folds than speakers says why it cannot run', async ({ page }) => {
  await loadDemo(page);
  await page.getByLabel('Folds').fill('6');
  await page.getByRole('button', { name: 'Cross-validate (6 folds)' }).click();
  await expect(page.getByRole('alert')).toHaveText('6 folds by speaker need a corpus of at least 6 speakers (speakers tied by a duplicate recording count as one); this dataset has RAVDESS: 4. Choose fewer folds or add speakers.');
});
